package vn.loa.server.auth;

import java.util.EnumSet;
import java.util.Set;

/**
 * The four kinds of user. Operators make the commune's programme; officers of a district or province
 * may also raise emergencies; technicians keep receivers working and touch no content; admins manage
 * users and everything else.
 */
public enum Role {
    OPERATOR(EnumSet.of(Access.MONITOR, Access.CONTENT)),
    OFFICER(EnumSet.of(Access.MONITOR, Access.CONTENT, Access.EMERGENCY)),
    TECHNICIAN(EnumSet.of(Access.MONITOR, Access.DEVICE)),
    ADMIN(EnumSet.allOf(Access.class));

    private final Set<Access> allowed;

    Role(Set<Access> allowed) {
        this.allowed = allowed;
    }

    public boolean allows(Access access) {
        return access == Access.PUBLIC || allowed.contains(access);
    }

    /** Lower case, as the API and CLI write roles. */
    public String label() {
        return name().toLowerCase();
    }
}
