package io.aidos.core.internal.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords, RFC 6238 (HOTP of RFC 4226 over 30-second steps since the epoch), with
 * HMAC-SHA1, -SHA256 or -SHA512 and 6 or 8 digits.
 */
public final class Totp {
    public static final long STEP_SECONDS = 30;
    private final Algorithm algorithm;
    private final int digits;

    public enum Algorithm {
        SHA1("HmacSHA1"), SHA256("HmacSHA256"), SHA512("HmacSHA512");

        private final String mac;

        Algorithm(String mac) {
            this.mac = mac;
        }
    }

    public Totp(Algorithm algorithm, int digits) {
        if (digits != 6 && digits != 8) {
            throw new IllegalArgumentException("digits must be 6 or 8 but was " + digits);
        }
        this.algorithm = algorithm;
        this.digits = digits;
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    public int digits() {
        return digits;
    }

    /** The time step of {@code epochSecond}. */
    public static long step(long epochSecond) {
        return Math.floorDiv(epochSecond, STEP_SECONDS);
    }

    /** The code for {@code step}, zero-padded to {@link #digits()}. */
    public String code(byte[] key, long step) {
        try {
            Mac mac = Mac.getInstance(algorithm.mac);
            mac.init(new SecretKeySpec(key, "RAW"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = h[h.length - 1] & 0xf;
            int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
                    | (h[offset + 3] & 0xff);
            int otp = binary % (digits == 6 ? 1_000_000 : 100_000_000);
            return String.format("%0" + digits + "d", otp);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.mac + " is missing from this JVM", e);
        }
    }

    /**
     * The step within {@code window} steps of {@code epochSecond} whose code is {@code code}, or empty. Every
     * candidate is computed and compared in constant time, whatever matches.
     */
    public OptionalLong matchingStep(byte[] key, String code, long epochSecond, int window) {
        long now = step(epochSecond);
        long found = Long.MIN_VALUE;
        byte[] given = code == null ? new byte[0] : code.getBytes(StandardCharsets.US_ASCII);
        for (long s = now - window; s <= now + window; s++) {
            if (MessageDigest.isEqual(code(key, s).getBytes(StandardCharsets.US_ASCII), given) && found == Long.MIN_VALUE) {
                found = s;
            }
        }
        return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
    }
}
