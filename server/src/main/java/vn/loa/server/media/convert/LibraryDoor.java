package vn.loa.server.media.convert;

import java.util.function.Supplier;
import vn.loa.server.auth.Principal;
import vn.loa.server.media.MediaEntry;

/**
 * The one way a finished file enters the library: the policy guard's check of who may add or replace
 * it, around the placing itself. Given by the server, so conversion knows nothing of policy.
 */
@FunctionalInterface
public interface LibraryDoor {
    /**
     * @param area    the area a new item is to belong to; null: the caller's own
     * @param replace whether an existing item of that name is to be replaced
     */
    MediaEntry enter(Principal who, String name, boolean replace, String area, Supplier<MediaEntry> place);
}
