package io.aidos.core.internal.identity;

import io.aidos.api.AiDosException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How secrets that must stay usable (JWT signing keys, TOTP secrets) are stored. With a key-encryption key
 * (32 bytes, e.g. from {@code AIDOS_KEY_ENCRYPTION_KEY}) they are sealed with AES-256-GCM as
 * {@code enc:v1:<base64(iv || ciphertext+tag)>}; without one they are stored as {@code plain:<value>} and the
 * database's own access control is the only protection. Values are never logged.
 */
final class KeyProtection {
    private static final String ENC = "enc:v1:";
    private static final String PLAIN = "plain:";
    private final SecretKeySpec key;

    private KeyProtection(byte[] key) {
        this.key = key == null ? null : new SecretKeySpec(key, "AES");
    }

    static KeyProtection of(byte[] keyEncryptionKey) {
        return new KeyProtection(keyEncryptionKey);
    }

    String seal(String secret) {
        if (key == null) {
            return PLAIN + secret;
        }
        try {
            byte[] iv = Secrets.randomBytes(12);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ENC + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new AiDosException("cannot encrypt a stored secret: " + e.getClass().getSimpleName(), e);
        }
    }

    String open(String stored) {
        if (stored.startsWith(PLAIN)) {
            return stored.substring(PLAIN.length());
        }
        if (!stored.startsWith(ENC)) {
            throw new AiDosException("a stored secret has an unknown format");
        }
        if (key == null) {
            throw new AiDosException("a stored secret is encrypted but no key-encryption key is configured");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(ENC.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new AiDosException("cannot decrypt a stored secret (wrong key-encryption key?)", e);
        }
    }
}
