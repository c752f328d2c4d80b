package vn.loa.server.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Argon2id hashes carry their parameters: they verify after the cost is raised, and are marked for re-hashing. */
class PasswordsTest {

    @Test
    void aHashNamesItsAlgorithmAndCostAndVerifiesOnlyItsPassword() {
        String hash = Passwords.hash("mật khẩu của xã A");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(Passwords.verify("mật khẩu của xã A", hash));
        assertFalse(Passwords.verify("mật khẩu của xã B", hash));
        assertNotEquals(hash, Passwords.hash("mật khẩu của xã A"), "every hash has its own salt");
        assertFalse(Passwords.needsRehash(hash));
    }

    @Test
    void aHashMadeWithALowerCostStillVerifiesAndAsksToBeRaised() {
        String old = Passwords.hash("mat-khau-cu-123", new Passwords.Cost(8_192, 1, 1));
        assertTrue(old.contains("m=8192,t=1,p=1"), old);
        assertTrue(Passwords.verify("mat-khau-cu-123", old));
        assertTrue(Passwords.needsRehash(old));
    }

    @Test
    void malformedHashesAndLengthRules() {
        assertFalse(Passwords.verify("x", null));
        assertFalse(Passwords.verify("x", "$2a$10$notargon"));
        assertFalse(Passwords.verify("x".repeat(Passwords.MAX_LENGTH + 1), Passwords.hash("abcdefghijk")));
        assertThrows(Passwords.Weak.class, () -> Passwords.check("ngắn-quá"));
        assertThrows(Passwords.Weak.class, () -> Passwords.check(null));
        assertThrows(Passwords.Weak.class, () -> Passwords.check("x".repeat(Passwords.MAX_LENGTH + 1)));
        Passwords.check("đủ mười ký tự");
    }
}
