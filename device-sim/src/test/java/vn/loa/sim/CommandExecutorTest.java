package vn.loa.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.loa.protocol.CommandType;
import vn.loa.protocol.ErrorCode;
import vn.loa.protocol.message.Command;

class CommandExecutorTest {
    private static final long NOW = 1_800_000_000_000_000L;
    private final DeviceState device = new DeviceState("tra-mai-01");
    private final CommandExecutor executor = new CommandExecutor(device);

    @Test
    void acceptedCommandChangesTheDevice() {
        CommandExecutor.Verdict v = executor.execute(command(CommandType.SET_VOLUME, 20, 10, NOW + 5_000_000), NOW);
        assertNull(v.error());
        assertEquals(20, device.volume());
    }

    @Test
    void replayedSequenceIsRefusedAndChangesNothing() {
        executor.execute(command(CommandType.SET_VOLUME, 20, 10, NOW + 5_000_000), NOW);
        CommandExecutor.Verdict replay = executor.execute(command(CommandType.SET_VOLUME, 90, 10, NOW + 5_000_000), NOW);
        CommandExecutor.Verdict older = executor.execute(command(CommandType.MUTE, 0, 9, NOW + 5_000_000), NOW);
        assertEquals(ErrorCode.COMMAND_REPLAYED, replay.error());
        assertEquals(ErrorCode.COMMAND_REPLAYED, older.error());
        assertEquals(20, device.volume());
        assertTrue(!device.muted());
    }

    @Test
    void expiredCommandIsRefused() {
        CommandExecutor.Verdict v = executor.execute(command(CommandType.AMPLIFIER_OFF, 0, 1, NOW - 1), NOW);
        assertEquals(ErrorCode.COMMAND_EXPIRED, v.error());
        assertTrue(device.amplifierOn());
    }

    @Test
    void argumentOutOfRangeIsInvalid() {
        assertEquals(ErrorCode.COMMAND_INVALID,
                executor.execute(command(CommandType.SET_VOLUME, 101, 1, NOW + 1_000_000), NOW).error());
        assertEquals(ErrorCode.COMMAND_INVALID,
                executor.execute(command(CommandType.TEST_TONE, 0, 2, NOW + 1_000_000), NOW).error());
    }

    @Test
    void unknownCommandCodeIsUnsupported() {
        assertEquals(ErrorCode.COMMAND_UNSUPPORTED,
                executor.execute(new Command(200, 0, 1, NOW + 1_000_000), NOW).error());
    }

    @Test
    void rejectedCommandDoesNotAdvanceTheSequence() {
        executor.execute(command(CommandType.SET_VOLUME, 500, 50, NOW + 1_000_000), NOW);
        assertNull(executor.execute(command(CommandType.SET_VOLUME, 30, 40, NOW + 1_000_000), NOW).error());
    }

    private static Command command(CommandType type, int argument, long sequence, long expiresAt) {
        return new Command(type.code(), argument, sequence, expiresAt);
    }
}
