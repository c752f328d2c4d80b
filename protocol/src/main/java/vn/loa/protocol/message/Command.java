package vn.loa.protocol.message;

import vn.loa.protocol.MessageType;
import vn.loa.protocol.codec.PayloadReader;
import vn.loa.protocol.codec.PayloadWriter;

/**
 * A remote-control command. The command code stays raw so that a receiver can answer an unknown
 * (newer) command with COMMAND_UNSUPPORTED instead of failing the whole frame.
 */
public record Command(int commandCode, int argument, long sequence, long expiresAtMicros) implements Message {

    public Command {
        Limits.requireRange(commandCode, 0, 0xFF, "command");
    }

    public static Command read(PayloadReader in) {
        return new Command(in.u8("command"), in.i32("argument"), in.i64("sequence"), in.i64("expiresAtMicros"));
    }

    @Override
    public void write(PayloadWriter out) {
        out.u8(commandCode).i32(argument).i64(sequence).i64(expiresAtMicros);
    }

    @Override
    public MessageType type() {
        return MessageType.COMMAND;
    }
}
