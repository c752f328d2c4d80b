package vn.loa.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashing with Argon2id (Bouncy Castle's implementation; nothing here is hand-made cryptography).
 * A hash is stored in the PHC string form {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}: it carries its
 * own parameters, so {@link #CURRENT} can be raised later, old hashes still verify, and
 * {@link #needsRehash} tells the sign-in to store a stronger one.
 */
public final class Passwords {
    /** The rule the console states: at least this many characters. */
    public static final int MIN_LENGTH = 10;
    /** Longer is not stronger, only slower to hash: a cap stops a megabyte "password" tying up a core. */
    public static final int MAX_LENGTH = 256;

    /** Argon2id cost: memory in KiB, iterations, lanes. */
    public record Cost(int memoryKib, int iterations, int parallelism) {
    }

    /** OWASP's first recommended Argon2id setting (19 MiB, 2 passes, 1 lane): ~50 ms on a small server. */
    public static final Cost CURRENT = new Cost(19_456, 2, 1);

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    /** Verified against when a name is unknown, so that answer takes as long as a wrong password. */
    private static final String DUMMY = hash("not a password of anyone", CURRENT);

    /** Refused password; the message is safe to show (it never contains the password). */
    public static final class Weak extends RuntimeException {
        Weak(String message) {
            super(message);
        }
    }

    private Passwords() {
    }

    /** @throws Weak unless the password meets the length rule */
    public static void check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new Weak("a password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw new Weak("a password may have at most " + MAX_LENGTH + " characters");
        }
    }

    public static String hash(String password) {
        return hash(password, CURRENT);
    }

    public static String hash(String password, Cost cost) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] out = derive(password, salt, cost, 32);
        return "$argon2id$v=19$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
    }

    /** True when {@code password} matches {@code stored}; false for a null or malformed hash. */
    public static boolean verify(String password, String stored) {
        if (password == null || password.length() > MAX_LENGTH) {
            return false;
        }
        Matcher m = stored == null ? null : PHC.matcher(stored);
        if (m == null || !m.matches()) {
            return false;
        }
        Cost cost = new Cost(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = derive(password, B64D.decode(m.group(4)), cost, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the time of one verification, for a name that has no password. */
    public static void burn(String password) {
        verify(password == null ? "" : password, DUMMY);
    }

    /** True when the hash was made with a lower cost than {@link #CURRENT}. */
    public static boolean needsRehash(String stored) {
        Matcher m = stored == null ? null : PHC.matcher(stored);
        return m == null || !m.matches() || Integer.parseInt(m.group(1)) < CURRENT.memoryKib()
                || Integer.parseInt(m.group(2)) < CURRENT.iterations();
    }

    private static byte[] derive(String password, byte[] salt, Cost cost, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(cost.memoryKib())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
