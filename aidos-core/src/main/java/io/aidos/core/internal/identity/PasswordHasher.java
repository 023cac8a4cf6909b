package io.aidos.core.internal.identity;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * Argon2id password hashing (password4j, pure Java) in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}. The default parameters are OWASP's first recommendation
 * (19 MiB, 2 iterations, parallelism 1); a 16-byte random salt and a 32-byte hash. Verification reads the
 * parameters from the stored string, so raising them later keeps old hashes valid ({@link #needsRehash}), and
 * compares in constant time.
 */
public final class PasswordHasher {
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private final int memoryKib;
    private final int iterations;
    private final int parallelism;

    public PasswordHasher(int memoryKib, int iterations, int parallelism) {
        if (memoryKib < 8 * parallelism) {
            throw new IllegalArgumentException("memoryKib must be >= 8 * parallelism but was " + memoryKib);
        }
        if (iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("iterations and parallelism must be >= 1 but were "
                    + iterations + " and " + parallelism);
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    /** OWASP's Argon2id recommendation: m=19456 KiB, t=2, p=1. */
    public static PasswordHasher owasp() {
        return new PasswordHasher(19456, 2, 1);
    }

    public String hash(String password) {
        byte[] salt = Secrets.randomBytes(16);
        byte[] hash = compute(password, salt, memoryKib, iterations, parallelism, 32);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Whether {@code password} matches {@code stored}; false (never an exception) for a malformed string. */
    public boolean verify(String password, String stored) {
        Parsed p = Parsed.of(stored);
        if (p == null) {
            return false;
        }
        byte[] actual = compute(password, p.salt, p.m, p.t, p.p, p.hash.length);
        return MessageDigest.isEqual(actual, p.hash);
    }

    /** Whether a stored hash was made with weaker parameters than this hasher's. */
    public boolean needsRehash(String stored) {
        Parsed p = Parsed.of(stored);
        return p == null || p.m < memoryKib || p.t < iterations;
    }

    private static byte[] compute(String password, byte[] salt, int m, int t, int p, int length) {
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        try {
            return Argon2Function.getInstance(m, t, p, length, Argon2.ID, Argon2Function.ARGON2_VERSION_13)
                    .hash(pw, salt).getBytes();
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    private record Parsed(int m, int t, int p, byte[] salt, byte[] hash) {
        static Parsed of(String s) {
            if (s == null) {
                return null;
            }
            String[] parts = s.split("\\$");
            // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
            if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
                return null;
            }
            try {
                int m = 0;
                int t = 0;
                int p = 0;
                for (String kv : parts[3].split(",")) {
                    int v = Integer.parseInt(kv.substring(2));
                    switch (kv.substring(0, 2)) {
                        case "m=" -> m = v;
                        case "t=" -> t = v;
                        case "p=" -> p = v;
                        default -> {
                            return null;
                        }
                    }
                }
                if (m < 8 || t < 1 || p < 1) {
                    return null;
                }
                return new Parsed(m, t, p, B64D.decode(parts[4]), B64D.decode(parts[5]));
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
                return null;
            }
        }
    }
}
