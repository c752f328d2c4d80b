package vn.loa.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.loa.protocol.codec.FrameDecoder;
import vn.loa.protocol.message.Challenge;
import vn.loa.protocol.message.Hello;
import vn.loa.protocol.message.Welcome;

/** docs/protocol.md's example handshake decodes to what the document says, and its signature verifies. */
class ProtocolDocExamplesTest {

    @Test
    void theExampleHandshakeDecodesAndItsWelcomeIsSignedByTheExampleKey() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "protocol.md"));
        String section = doc.substring(doc.indexOf("### Example handshake"));
        Map<String, byte[]> frames = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^(HELLO|CHALLENGE|WELCOME)\\s+([0-9a-f]+)$").matcher(section);
        while (m.find()) {
            frames.put(m.group(1), HexFormat.of().parseHex(m.group(2)));
        }
        assertEquals(3, frames.size(), "three example frames in the document");
        Matcher pem = Pattern.compile("-----BEGIN PUBLIC KEY-----[^-]+-----END PUBLIC KEY-----").matcher(section);
        assertTrue(pem.find(), "the example key is in the document");
        PublicKey key = ServerSignature.readPublicKeyPem(pem.group());

        Hello hello = (Hello) decode(frames.get("HELLO"), Direction.TO_SERVER).message();
        assertEquals(new Hello("tra-mai-01", 1, "loa-fw 2.4", 0x3F, hello.receiverNonce()), hello);
        assertEquals(0xA0, hello.receiverNonce()[0] & 0xFF);
        Challenge challenge = (Challenge) decode(frames.get("CHALLENGE"), Direction.TO_RECEIVER).message();
        assertEquals(0x10, challenge.nonce()[0]);
        Frame welcomeFrame = decode(frames.get("WELCOME"), Direction.TO_RECEIVER);
        Welcome welcome = (Welcome) welcomeFrame.message();
        assertEquals(2, welcomeFrame.requestId());
        assertEquals(10_000, welcome.heartbeatIntervalMs());
        assertEquals(42, welcome.connectionId());
        assertTrue(ServerSignature.verify(key, hello.receiverNonce(), challenge.nonce(), hello.stationId(), welcome));
        assertArrayEquals(welcome.signature(), welcome.withSignature(welcome.signature()).signature());
    }

    private static Frame decode(byte[] bytes, Direction to) {
        EmbeddedChannel decoder = new EmbeddedChannel(new FrameDecoder(to));
        decoder.writeInbound(Unpooled.wrappedBuffer(bytes));
        Frame frame = decoder.readInbound();
        decoder.finishAndReleaseAll();
        return frame;
    }
}
