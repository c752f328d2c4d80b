package vn.loa.server.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.protocol.ServerSignature;

/**
 * The server's Ed25519 key pair, made at first start in {@code <data>/identity/}: the private key
 * ({@value #PRIVATE_FILE}, readable by the server's user only) and the public half receivers pin
 * ({@value #PUBLIC_FILE}). Kept with the data, not the configuration, because it must survive a
 * re-deployed config directory: a new key would make every pinned receiver refuse the server.
 */
public final class ServerIdentity {
    public static final String PRIVATE_FILE = "server-ed25519.key";
    public static final String PUBLIC_FILE = "server-ed25519.pub";
    private static final Logger log = LoggerFactory.getLogger(ServerIdentity.class);
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final Path publicFile;

    private ServerIdentity(PrivateKey privateKey, PublicKey publicKey, Path publicFile) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.publicFile = publicFile;
    }

    /** Reads the key pair from {@code dataDir/identity}, or makes and stores one there first. */
    public static ServerIdentity loadOrCreate(Path dataDir) {
        Path dir = dataDir.resolve("identity");
        Path privateFile = dir.resolve(PRIVATE_FILE);
        try {
            if (!Files.exists(privateFile)) {
                create(dir, privateFile);
            }
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getMimeDecoder().decode(body(Files.readString(privateFile), "PRIVATE KEY"))));
            PublicKey pub = ServerSignature.readPublicKeyPem(Files.readString(dir.resolve(PUBLIC_FILE)));
            requireMatchingHalves(key, pub, dir);
            return new ServerIdentity(key, pub, dir.resolve(PUBLIC_FILE));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read or create the server identity in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path dir, Path privateFile) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        Path partial = dir.resolve(PRIVATE_FILE + ".new");
        Files.deleteIfExists(partial);
        // Created with owner-only permissions, so the key is never readable by others, not even briefly.
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(partial);
        }
        Files.writeString(partial, pem, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        Files.writeString(dir.resolve(PUBLIC_FILE), ServerSignature.publicKeyPem(pair.getPublic()));
        try {
            Files.move(partial, privateFile);
        } catch (FileAlreadyExistsException raced) {
            Files.delete(partial);
        }
        log.info("Made a new server identity key in {}; give receivers {} to pin (fingerprint {})", dir,
                dir.resolve(PUBLIC_FILE), ServerSignature.fingerprint(pair.getPublic()));
    }

    /**
     * A public file that does not belong to the private key would have every pinned receiver refuse the
     * server; better to refuse to start. The trial signature also loads the Ed25519 code before the
     * first receiver's handshake needs it.
     */
    private static void requireMatchingHalves(PrivateKey key, PublicKey pub, Path dir) throws GeneralSecurityException {
        byte[] probe = "loa-identity-check".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key);
        signer.update(probe);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(pub);
        verifier.update(probe);
        if (!verifier.verify(signer.sign())) {
            throw new GeneralSecurityException(PUBLIC_FILE + " is not the public half of " + PRIVATE_FILE + " in " + dir);
        }
    }

    private static String body(String pem, String label) {
        return pem.replace("-----BEGIN " + label + "-----", "").replace("-----END " + label + "-----", "").strip();
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public Path publicFile() {
        return publicFile;
    }

    public String fingerprint() {
        return ServerSignature.fingerprint(publicKey);
    }
}
