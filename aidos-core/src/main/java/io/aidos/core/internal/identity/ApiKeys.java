package io.aidos.core.internal.identity;

import io.aidos.api.AuthenticationException;
import io.aidos.api.InvalidInputException;
import io.aidos.api.NotFoundException;
import io.aidos.core.internal.store.Database;
import io.aidos.core.internal.store.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * API keys: {@code aidos_<prefix>_<secret>} where the prefix (12 hex digits) finds the row and the secret
 * (256 random bits) is kept only as SHA-256, compared in constant time. A key acts for its user in one
 * organization, limited to its scopes and to the user's current role there. Verified keys are remembered for a
 * few seconds ({@link ApiKeyCache}); {@link #revoke} forgets the key at once in this process.
 */
public final class ApiKeys {
    static final String MARK = "aidos_";
    private static final String COLUMNS = "id, prefix, name, user_id, org_id, scopes, created_at, expires_at,"
            + " revoked_at, last_used_at";
    private final Database db;
    private final Clock clock;
    static final int CACHE_ENTRIES = 10_000;
    private final Duration lastUsedGranularity;
    private final ApiKeyCache cache;

    ApiKeys(Database db, Clock clock, Duration lastUsedGranularity, Duration cacheTtl) {
        this.db = db;
        this.clock = clock;
        this.lastUsedGranularity = lastUsedGranularity;
        this.cache = new ApiKeyCache(cacheTtl, CACHE_ENTRIES, clock);
    }

    /** Creates a key; {@code expiresAt} null means it never expires. The caller checks the user's rights. */
    NewApiKey create(String userId, String orgId, String name, Set<Action> scopes, Instant expiresAt) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInputException("name", name, "must have 1 to 100 characters");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidInputException("scopes", scopes, "must name at least one of read, write, delete, admin, own");
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidInputException("expiresAt", expiresAt, "must be in the future");
        }
        String id = Ids.newId();
        String prefix = HexFormat.of().formatHex(Secrets.randomBytes(6));
        String secret = Secrets.randomToken(32);
        String scopeList = scopes.stream().sorted().map(Action::scope).collect(Collectors.joining(" "));
        db.update("create an API key", "INSERT INTO api_keys (id, prefix, secret_hash, name, user_id, org_id, scopes,"
                + " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, prefix, Secrets.sha256Hex(secret),
                name, userId, orgId, scopeList, now.toEpochMilli(), expiresAt == null ? null : expiresAt.toEpochMilli());
        ApiKey key = new ApiKey(id, prefix, name, userId, orgId, scopes, Instant.ofEpochMilli(now.toEpochMilli()),
                expiresAt, null, null);
        return new NewApiKey(key, MARK + prefix + "_" + secret);
    }

    static boolean looksLikeKey(String credential) {
        return credential != null && credential.startsWith(MARK);
    }

    /**
     * The key {@code presented} stands for, if valid, unrevoked and unexpired; records its use. A key verified less
     * than the cache TTL ago is taken from the cache (its expiry still checked); its use is then not recorded,
     * which the last-used granularity allows for.
     */
    ApiKey authenticate(String presented) {
        if (!looksLikeKey(presented) || presented.length() > 200) {
            throw invalid();
        }
        String presentedHash = Secrets.sha256Hex(presented);
        long generation = cache.generation();
        ApiKey cached = cache.get(presentedHash);
        if (cached != null) {
            if (cached.expiresAt() != null && !clock.instant().isBefore(cached.expiresAt())) {
                throw invalid();
            }
            return cached;
        }
        int sep = presented.indexOf('_', MARK.length());
        if (sep < 0) {
            throw invalid();
        }
        String prefix = presented.substring(MARK.length(), sep);
        String secret = presented.substring(sep + 1);
        List<Object[]> rows = db.query("look up an API key", "SELECT secret_hash, " + COLUMNS
                + " FROM api_keys WHERE prefix = ?", rs -> new Object[] {rs.getString(1), map(rs, 1)}, prefix);
        // Hash and compare even for an unknown prefix, so timing does not tell which prefixes exist.
        String expected = rows.isEmpty() ? "0".repeat(64) : (String) rows.get(0)[0];
        boolean match = Secrets.constantTimeEquals(Secrets.sha256Hex(secret), expected);
        if (rows.isEmpty() || !match) {
            throw invalid();
        }
        ApiKey key = (ApiKey) rows.get(0)[1];
        Instant now = clock.instant();
        if (key.revokedAt() != null || (key.expiresAt() != null && !now.isBefore(key.expiresAt()))) {
            throw invalid();
        }
        if (key.lastUsedAt() == null || key.lastUsedAt().plus(lastUsedGranularity).isBefore(now)) {
            db.update("record an API key's use", "UPDATE api_keys SET last_used_at = ? WHERE id = ?",
                    now.toEpochMilli(), key.id());
        }
        cache.put(presentedHash, key, generation);
        return key;
    }

    public ApiKey get(String id) {
        return db.queryOne("get an API key", "SELECT " + COLUMNS + " FROM api_keys WHERE id = ?", rs -> map(rs, 0), id)
                .orElseThrow(() -> new NotFoundException("API key", id));
    }

    public List<ApiKey> listOf(String userId) {
        return db.query("list API keys", "SELECT " + COLUMNS + " FROM api_keys WHERE user_id = ? ORDER BY created_at",
                rs -> map(rs, 0), userId);
    }

    /** Revokes a key for good, refused at once by this process; revoking twice is harmless. */
    void revoke(String id) {
        get(id);
        db.update("revoke an API key", "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                clock.millis(), id);
        cache.forget(id);
    }

    private static ApiKey map(ResultSet rs, int offset) throws SQLException {
        Set<Action> scopes = EnumSet.noneOf(Action.class);
        Arrays.stream(rs.getString(offset + 6).split(" ")).map(Action::ofScope).forEach(scopes::add);
        return new ApiKey(rs.getString(offset + 1), rs.getString(offset + 2), rs.getString(offset + 3),
                rs.getString(offset + 4), rs.getString(offset + 5), scopes, instant(rs, offset + 7),
                instant(rs, offset + 8), instant(rs, offset + 9), instant(rs, offset + 10));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static AuthenticationException invalid() {
        return new AuthenticationException("invalid, expired or revoked API key");
    }
}
