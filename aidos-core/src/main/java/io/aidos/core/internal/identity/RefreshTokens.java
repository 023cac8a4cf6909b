package io.aidos.core.internal.identity;

import io.aidos.api.AuthenticationException;
import io.aidos.core.internal.store.Database;
import io.aidos.core.internal.store.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Rotating refresh tokens: opaque 256-bit random strings ({@code rt_...}) stored only as SHA-256. Each is single
 * use: refreshing marks it used and issues the next one of the same family. Presenting a used token again means
 * it was stolen (or the client misbehaves), so the whole family is revoked and the legitimate holder logs in
 * again.
 */
public final class RefreshTokens {
    private static final String PREFIX = "rt_";
    private final Database db;
    private final Duration ttl;
    private final Clock clock;

    RefreshTokens(Database db, Duration ttl, Clock clock) {
        this.db = db;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A new token; {@code familyId} null starts a new family (a new login). */
    Issued issue(String userId, String familyId) {
        String token = PREFIX + Secrets.randomToken(32);
        long now = clock.millis();
        Instant exp = Instant.ofEpochMilli(now).plus(ttl);
        String family = familyId == null ? Ids.newId() : familyId;
        db.update("store a refresh token", "INSERT INTO refresh_tokens (token_hash, family_id, user_id, created_at,"
                + " expires_at) VALUES (?, ?, ?, ?, ?)", Secrets.sha256Hex(token), family, userId, now, exp.toEpochMilli());
        return new Issued(token, exp, userId, family);
    }

    record Issued(String token, Instant expiresAt, String userId, String familyId) {
        @Override
        public String toString() {
            return "RefreshToken[until " + expiresAt + "]";
        }
    }

    /** Uses up {@code token} and returns the next one of its family; AuthenticationException if it is not valid. */
    Issued rotate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            throw invalid();
        }
        String hash = Secrets.sha256Hex(token);
        long now = clock.millis();
        // The conditional UPDATE is the claim: of two concurrent uses of one token, exactly one succeeds.
        int claimed = db.update("use a refresh token", "UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ?"
                + " AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?", now, hash, now);
        Optional<String[]> row = db.queryOne("read a refresh token", "SELECT user_id, family_id, used_at FROM"
                + " refresh_tokens WHERE token_hash = ?", rs -> new String[] {rs.getString(1), rs.getString(2),
                    rs.getString(3)}, hash);
        if (row.isEmpty()) {
            throw invalid();
        }
        String userId = row.get()[0];
        String family = row.get()[1];
        if (claimed == 0) {
            if (row.get()[2] != null) {
                revokeFamily(family); // reuse of a rotated token: assume theft
            }
            throw invalid();
        }
        return issue(userId, family);
    }

    /** Revokes every token of the family {@code token} belongs to (logout). Unknown tokens are ignored. */
    void revokeFamilyOf(String token) {
        db.queryOne("find a token family", "SELECT family_id FROM refresh_tokens WHERE token_hash = ?",
                rs -> rs.getString(1), Secrets.sha256Hex(token)).ifPresent(this::revokeFamily);
    }

    void revokeFamily(String familyId) {
        db.update("revoke a token family", "UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ?"
                + " AND revoked_at IS NULL", clock.millis(), familyId);
    }

    /** Revokes all of a user's refresh tokens (logout everywhere, password change). */
    void revokeAllOf(String userId) {
        db.update("revoke a user's tokens", "UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ?"
                + " AND revoked_at IS NULL", clock.millis(), userId);
    }

    private static AuthenticationException invalid() {
        return new AuthenticationException("invalid, expired or revoked refresh token");
    }
}
