package vn.loa.sim;

import vn.loa.protocol.CommandType;
import vn.loa.protocol.ErrorCode;
import vn.loa.protocol.message.Command;

/**
 * Checks and applies COMMANDs as a receiver's firmware would: unknown commands, bad arguments, replays
 * (sequence not above the last accepted) and expired commands are refused with their code.
 */
final class CommandExecutor {
    /** The answer to one command: null code means ACK. */
    record Verdict(CommandType type, ErrorCode error, String detail) {
        boolean accepted() {
            return error == null;
        }
    }

    private final DeviceState device;
    /** Survives reconnects (a replay may come over a new link) but not a reboot, like RAM in a receiver. */
    private long lastAcceptedSequence;

    CommandExecutor(DeviceState device) {
        this.device = device;
    }

    Verdict execute(Command command, long serverNowMicros) {
        CommandType type = CommandType.fromCode(command.commandCode());
        if (type == null) {
            return new Verdict(null, ErrorCode.COMMAND_UNSUPPORTED, "command " + command.commandCode() + " unknown");
        }
        if (command.sequence() <= lastAcceptedSequence) {
            return new Verdict(type, ErrorCode.COMMAND_REPLAYED,
                    "sequence " + command.sequence() + " is not above " + lastAcceptedSequence);
        }
        if (command.expiresAtMicros() < serverNowMicros) {
            return new Verdict(type, ErrorCode.COMMAND_EXPIRED,
                    "expired " + (serverNowMicros - command.expiresAtMicros()) / 1000 + " ms ago");
        }
        if (!type.acceptsArgument(command.argument())) {
            return new Verdict(type, ErrorCode.COMMAND_INVALID,
                    type + " takes " + type.argumentRange() + ", got " + command.argument());
        }
        lastAcceptedSequence = command.sequence();
        apply(type, command.argument());
        return new Verdict(type, null, null);
    }

    void forgetSequences() {
        lastAcceptedSequence = 0;
    }

    private void apply(CommandType type, int argument) {
        switch (type) {
            case SET_VOLUME -> device.setVolume(argument);
            case MUTE -> device.setMuted(true);
            case UNMUTE -> device.setMuted(false);
            case AMPLIFIER_ON -> device.setAmplifierOn(true);
            case AMPLIFIER_OFF -> device.setAmplifierOn(false);
            case TEST_TONE -> device.playTestTone(argument);
            case REBOOT -> {
                // The receiver acknowledges first and restarts afterwards; see ReceiverLink.
            }
        }
    }
}
