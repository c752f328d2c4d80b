package vn.loa.sim;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.io.IOException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import vn.loa.protocol.Capability;
import vn.loa.protocol.CommandType;
import vn.loa.protocol.ErrorCode;
import vn.loa.protocol.Frame;
import vn.loa.protocol.FrameFormat;
import vn.loa.protocol.ProtocolException;
import vn.loa.protocol.ServerSignature;
import vn.loa.protocol.StationAuth;
import vn.loa.protocol.message.Ack;
import vn.loa.protocol.message.AudioChunk;
import vn.loa.protocol.message.AudioEnd;
import vn.loa.protocol.message.AudioStart;
import vn.loa.protocol.message.Auth;
import vn.loa.protocol.message.Challenge;
import vn.loa.protocol.message.Command;
import vn.loa.protocol.message.ErrorMessage;
import vn.loa.protocol.message.Hello;
import vn.loa.protocol.message.Message;
import vn.loa.protocol.message.TimeSyncRequest;
import vn.loa.protocol.message.TimeSyncResponse;
import vn.loa.protocol.message.Welcome;

/** One TCP connection of a simulated receiver, speaking the receiver side of docs/protocol.md. */
final class ReceiverLink extends SimpleChannelInboundHandler<Frame> {
    static final long CAPABILITIES = Capability.toBits(EnumSet.allOf(Capability.class));
    private final SimulatedReceiver receiver;
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();
    private ChannelHandlerContext ctx;
    private long nextRequestId = 1;
    private long heartbeatMs;
    private long lastHeardNanos;
    private int beats;
    private ErrorCode lastError;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** This connection's nonce for the server to sign, and the server's from CHALLENGE. */
    private final byte[] receiverNonce = new byte[StationAuth.NONCE_LENGTH];
    private byte[] serverNonce;
    private boolean welcomed;

    ReceiverLink(SimulatedReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        receiver.log("connected");
        RANDOM.nextBytes(receiverNonce);
        send(new Hello(receiver.id(), FrameFormat.VERSION, receiver.firmware(), CAPABILITIES, receiverNonce));
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Frame frame) {
        lastHeardNanos = System.nanoTime();
        if (receiver.frozen()) {
            return;
        }
        Message m = frame.message();
        if (!welcomed && receiver.trust().pinnedKey() != null
                && !(m instanceof Challenge || m instanceof Welcome || m instanceof ErrorMessage)) {
            receiver.log("server_refused", "reason", frame.type() + " before a signed WELCOME");
            ctx.close();
            return;
        }
        if (m instanceof Challenge c) {
            serverNonce = c.nonce();
            String secret = receiver.faults().wrongSecret() ? receiver.secret() + "-wrong" : receiver.secret();
            send(new Auth(StationAuth.mac(secret, c.nonce(), receiver.id())));
        } else if (m instanceof Welcome w) {
            onWelcome(w);
        } else if (m instanceof TimeSyncResponse r) {
            long now = Micros.now();
            long used = receiver.clockSample(r.offsetMicros(now), r.roundTripMicros(now));
            receiver.log("time_sync", "offsetMicros", r.offsetMicros(now), "rttMicros", r.roundTripMicros(now),
                    "usedOffsetMicros", used);
        } else if (m instanceof Command c) {
            onCommand(frame, c);
        } else if (m instanceof AudioStart s) {
            receiver.audio().start(s);
            statusSoon();
        } else if (m instanceof AudioChunk c) {
            receiver.audio().chunk(c);
        } else if (m instanceof AudioEnd e) {
            receiver.audio().end(e);
            statusSoon();
        } else if (m instanceof ErrorMessage e) {
            onError(e);
        } else {
            throw new ProtocolException(ErrorCode.UNEXPECTED_MESSAGE, frame.type() + " is not for a receiver",
                    frame.requestId(), frame.type().code());
        }
    }

    private boolean statusPending;
    /** See docs/protocol.md, STATUS. */
    static final long SESSION_STATUS_SPREAD_MS = 2_000;
    private static final long[] EARLY_TIME_SYNCS_MS = {1_000, 3_000, 6_000};

    private void onWelcome(Welcome w) {
        PublicKey pinned = receiver.trust().pinnedKey();
        if (pinned != null && (serverNonce == null
                || !ServerSignature.verify(pinned, receiverNonce, serverNonce, receiver.id(), w))) {
            // Whoever answered knows no key we trust: nothing it sends may be played or obeyed.
            receiver.log("server_refused", "reason", w.signature() == null ? "WELCOME is not signed"
                    : "WELCOME is not signed by the pinned server key " + ServerSignature.fingerprint(pinned));
            ctx.close();
            return;
        }
        welcomed = true;
        heartbeatMs = w.heartbeatIntervalMs();
        receiver.loggedIn(w, pinned != null);
        sendStatus();
        sendTimeSync();
        // A few more exchanges soon after login, as NTP's iburst does: a login storm delays replies, and
        // the clock filter needs some quiet samples to choose from before the first audio arrives.
        for (long ms : EARLY_TIME_SYNCS_MS) {
            after(ms, () -> {
                if (!receiver.frozen()) {
                    sendTimeSync();
                }
            });
        }
        timers.add(ctx.executor().scheduleAtFixedRate(this::beat, heartbeatMs, heartbeatMs, TimeUnit.MILLISECONDS));
        Faults f = receiver.faults();
        after(f.dropAfterMs(), () -> {
            receiver.log("fault_drop");
            ctx.close();
        });
        after(f.freezeAfterMs(), receiver::freeze);
        after(f.garbageAfterMs(), this::sendGarbage);
    }

    /** Every N: STATUS; every second beat also TIME_SYNC, so the server is heard from at least every 2N. */
    private void beat() {
        if (receiver.frozen()) {
            return;
        }
        if (System.nanoTime() - lastHeardNanos > TimeUnit.MILLISECONDS.toNanos(3 * heartbeatMs)) {
            receiver.log("server_silent", "silentMs", 3 * heartbeatMs);
            ctx.close();
            return;
        }
        receiver.device().drift();
        sendStatus();
        if (++beats % 2 == 0) {
            sendTimeSync();
        }
    }

    private void onCommand(Frame frame, Command c) {
        CommandExecutor.Verdict v = receiver.commands().execute(c, receiver.serverNowMicros());
        String name = v.type() == null ? String.valueOf(c.commandCode()) : v.type().name();
        receiver.log("command", "command", name, "argument", c.argument(), "sequence", c.sequence(),
                "result", v.accepted() ? "ACK" : v.error().name());
        if (!v.accepted()) {
            ctx.writeAndFlush(Frame.replyTo(frame, ErrorMessage.of(v.error(), frame.type().code(), v.detail())));
            return;
        }
        if (v.type() == CommandType.REBOOT) {
            ctx.writeAndFlush(Frame.replyTo(frame, new Ack()))
                    .addListener(f -> receiver.reboot());
            return;
        }
        ctx.write(Frame.replyTo(frame, new Ack()));
        sendStatus();
    }

    private void onError(ErrorMessage e) {
        lastError = e.errorCode();
        receiver.log("error", "code", lastError == null ? String.format("0x%04X", e.code()) : lastError.name(),
                "fatal", e.fatal(), "text", e.text());
        if (!receiver.online() && e.fatal()) {
            receiver.log("refused", "code", lastError == null ? "UNKNOWN" : lastError.name());
        }
    }

    private void sendGarbage() {
        byte[] junk = new byte[64];
        ThreadLocalRandom.current().nextBytes(junk);
        junk[0] = 0;
        receiver.log("fault_garbage", "bytes", junk.length);
        ctx.writeAndFlush(Unpooled.wrappedBuffer(junk));
    }

    /**
     * Reports a change of session in one STATUS, at a random moment within {@link #SESSION_STATUS_SPREAD_MS}
     * of it. A cut-in brings AUDIO_END and AUDIO_START together and the server needs the outcome once;
     * and an alert starts on every receiver of a province in the same second: reporting at once would
     * send the server ten thousand STATUS messages exactly while it is sending them the alert.
     */
    private void statusSoon() {
        if (!statusPending) {
            statusPending = true;
            ctx.executor().schedule(() -> {
                statusPending = false;
                if (ctx.channel().isActive()) {
                    sendStatus();
                }
            }, ThreadLocalRandom.current().nextLong(SESSION_STATUS_SPREAD_MS), TimeUnit.MILLISECONDS);
        }
    }

    private void sendStatus() {
        ctx.writeAndFlush(Frame.of(receiver.device().toStatus(receiver.audio().currentSessionId(),
                receiver.audio().bufferMs())));
    }

    private void sendTimeSync() {
        send(new TimeSyncRequest(Micros.now()));
    }

    private void send(Message m) {
        long id = nextRequestId;
        nextRequestId = id == FrameFormat.MAX_REQUEST_ID ? 1 : id + 1;
        ctx.writeAndFlush(Frame.request(id, m));
    }

    private void after(long ms, Runnable action) {
        if (ms > 0) {
            timers.add(ctx.executor().schedule(action, ms, TimeUnit.MILLISECONDS));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        timers.forEach(t -> t.cancel(false));
        receiver.audio().linkLost();
        receiver.linkClosed(lastError);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof ProtocolException e) {
            receiver.log("protocol_error", "code", e.code().name(), "text", e.detail());
            if (ctx.channel().isActive() && e.code() != ErrorCode.TRUNCATED_FRAME) {
                ctx.writeAndFlush(new Frame(e.requestId(), 0, ErrorMessage.of(e.code(), e.refersType(), e.detail())))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
        } else if (!(cause instanceof IOException)) {
            receiver.log("fault", "text", String.valueOf(cause));
        }
        ctx.close();
    }
}
