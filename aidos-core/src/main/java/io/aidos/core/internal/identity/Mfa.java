package io.aidos.core.internal.identity;

import io.aidos.api.AuthenticationException;
import io.aidos.api.ConflictException;
import io.aidos.core.internal.store.Database;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * TOTP second factor: enrolment (a 160-bit secret, shown once with an otpauth:// URI and ten recovery codes),
 * confirmation with a first code, then verification with a window of one step either side. A code's step must
 * be later than the last accepted one, so a code cannot be replayed. Recovery codes (80 random bits each) are
 * stored as SHA-256 and each works once.
 */
public final class Mfa {
    static final int WINDOW = 1;
    static final int RECOVERY_CODES = 10;
    private static final Totp TOTP = new Totp(Totp.Algorithm.SHA1, 6); // what authenticator apps support
    private final Database db;
    private final KeyProtection protection;
    private final Clock clock;
    private final String issuer;

    Mfa(Database db, KeyProtection protection, Clock clock, String issuer) {
        this.db = db;
        this.protection = protection;
        this.clock = clock;
        this.issuer = issuer;
    }

    /** Starts (or restarts) enrolment; MFA is enforced only after {@link #confirm}. */
    public TotpEnrolment enrol(String userId, String accountName) {
        if (enabled(userId)) {
            throw new ConflictException("MFA is already enabled; disable it first to enrol a new authenticator");
        }
        String secret = Base32.encode(Secrets.randomBytes(20));
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String raw = Base32.encode(Secrets.randomBytes(10)).toLowerCase(Locale.ROOT); // 16 characters
            codes.add(raw.substring(0, 4) + "-" + raw.substring(4, 8) + "-" + raw.substring(8, 12) + "-"
                    + raw.substring(12));
        }
        db.inTransaction("enrol in MFA", c -> {
            Database.update(c, "DELETE FROM totp_credentials WHERE user_id = ?", userId);
            Database.update(c, "DELETE FROM recovery_codes WHERE user_id = ?", userId);
            Database.update(c, "INSERT INTO totp_credentials (user_id, secret, algorithm, digits, enabled, created_at)"
                    + " VALUES (?, ?, ?, ?, FALSE, ?)", userId, protection.seal(secret), TOTP.algorithm().name(),
                    TOTP.digits(), clock.millis());
            for (String code : codes) {
                Database.update(c, "INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)", userId,
                        Secrets.sha256Hex(normalize(code)));
            }
            return null;
        });
        String label = enc(issuer) + ":" + enc(accountName);
        String uri = "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + enc(issuer)
                + "&algorithm=SHA1&digits=6&period=30";
        return new TotpEnrolment(secret, uri, codes);
    }

    /** Enables MFA once the user proves their authenticator works. */
    public void confirm(String userId, String code) {
        if (!acceptTotp(userId, code, false)) {
            throw new AuthenticationException("wrong code: check the authenticator's clock and try the next code");
        }
        db.update("enable MFA", "UPDATE totp_credentials SET enabled = TRUE WHERE user_id = ?", userId);
    }

    public boolean enabled(String userId) {
        return db.queryOne("check MFA", "SELECT enabled FROM totp_credentials WHERE user_id = ?",
                rs -> rs.getBoolean(1), userId).orElse(false);
    }

    public void disable(String userId) {
        db.inTransaction("disable MFA", c -> {
            Database.update(c, "DELETE FROM totp_credentials WHERE user_id = ?", userId);
            Database.update(c, "DELETE FROM recovery_codes WHERE user_id = ?", userId);
            return null;
        });
    }

    /** Whether {@code code} (a TOTP code or an unused recovery code) passes; uses it up either way it passes. */
    public boolean verify(String userId, String code) {
        if (code == null) {
            return false;
        }
        String c = code.strip();
        if (c.length() <= 8) {
            return acceptTotp(userId, c, true);
        }
        String hash = Secrets.sha256Hex(normalize(c));
        return db.update("use a recovery code", "UPDATE recovery_codes SET used_at = ? WHERE user_id = ?"
                + " AND code_hash = ? AND used_at IS NULL", clock.millis(), userId, hash) == 1;
    }

    /** Recovery codes left unused. */
    public int recoveryCodesLeft(String userId) {
        return db.queryOne("count recovery codes", "SELECT COUNT(*) FROM recovery_codes WHERE user_id = ?"
                + " AND used_at IS NULL", rs -> rs.getInt(1), userId).orElse(0);
    }

    private boolean acceptTotp(String userId, String code, boolean mustBeEnabled) {
        Optional<Object[]> row = db.queryOne("read a TOTP secret", "SELECT secret, algorithm, digits, enabled"
                + " FROM totp_credentials WHERE user_id = ?", rs -> new Object[] {rs.getString(1), rs.getString(2),
                    rs.getInt(3), rs.getBoolean(4)}, userId);
        if (row.isEmpty() || (mustBeEnabled && !(Boolean) row.get()[3])) {
            return false;
        }
        Totp totp = new Totp(Totp.Algorithm.valueOf((String) row.get()[1]), (Integer) row.get()[2]);
        byte[] key = Base32.decode(protection.open((String) row.get()[0]));
        OptionalLong step = totp.matchingStep(key, code, clock.instant().getEpochSecond(), WINDOW);
        if (step.isEmpty()) {
            return false;
        }
        // Accept a step only if it is later than every step accepted before: no replay, even across servers.
        return db.update("record a TOTP step", "UPDATE totp_credentials SET last_step = ? WHERE user_id = ?"
                + " AND (last_step IS NULL OR last_step < ?)", step.getAsLong(), userId, step.getAsLong()) == 1;
    }

    private static String normalize(String recoveryCode) {
        return recoveryCode.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
