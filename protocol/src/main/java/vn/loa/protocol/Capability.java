package vn.loa.protocol;

import java.util.EnumSet;
import java.util.Set;

/** Bits of HELLO's capabilities field: what a receiver can do, so the server sends only that. */
public enum Capability {
    MP3_PLAYBACK(0x0001),
    TIME_SYNC(0x0002),
    VOLUME_CONTROL(0x0004),
    AMPLIFIER_CONTROL(0x0008),
    TEST_TONE(0x0010),
    REMOTE_REBOOT(0x0020);

    private final int bit;

    Capability(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    public static long toBits(Set<Capability> capabilities) {
        long bits = 0;
        for (Capability c : capabilities) {
            bits |= c.bit;
        }
        return bits;
    }

    /** Known bits only: unknown ones come from newer receivers and are ignored. */
    public static Set<Capability> fromBits(long bits) {
        EnumSet<Capability> set = EnumSet.noneOf(Capability.class);
        for (Capability c : values()) {
            if ((bits & c.bit) != 0) {
                set.add(c);
            }
        }
        return set;
    }
}
