package vn.loa.protocol;

/** COMMAND's command field, with the capability a receiver must declare for it and its argument range. */
public enum CommandType {
    SET_VOLUME(1, Capability.VOLUME_CONTROL, 0, 100),
    MUTE(2, Capability.VOLUME_CONTROL, 0, 0),
    UNMUTE(3, Capability.VOLUME_CONTROL, 0, 0),
    AMPLIFIER_ON(4, Capability.AMPLIFIER_CONTROL, 0, 0),
    AMPLIFIER_OFF(5, Capability.AMPLIFIER_CONTROL, 0, 0),
    TEST_TONE(6, Capability.TEST_TONE, 1, 600),
    REBOOT(7, Capability.REMOTE_REBOOT, 0, 0);

    private final int code;
    private final Capability capability;
    private final int minArgument;
    private final int maxArgument;

    CommandType(int code, Capability capability, int minArgument, int maxArgument) {
        this.code = code;
        this.capability = capability;
        this.minArgument = minArgument;
        this.maxArgument = maxArgument;
    }

    public int code() {
        return code;
    }

    public Capability capability() {
        return capability;
    }

    /** Whether the command needs an argument at all (a missing one must not be read as 0: volume 0 is silence). */
    public boolean takesArgument() {
        return !(minArgument == 0 && maxArgument == 0);
    }

    public boolean acceptsArgument(int argument) {
        return argument >= minArgument && argument <= maxArgument;
    }

    public String argumentRange() {
        return minArgument == maxArgument ? "exactly " + minArgument : minArgument + ".." + maxArgument;
    }

    /** The command with that code, or null (a receiver answers COMMAND_UNSUPPORTED). */
    public static CommandType fromCode(int code) {
        for (CommandType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
