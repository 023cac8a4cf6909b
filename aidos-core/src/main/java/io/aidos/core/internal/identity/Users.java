package io.aidos.core.internal.identity;

import io.aidos.api.AlreadyExistsException;
import io.aidos.api.NotFoundException;
import io.aidos.core.internal.store.Database;
import io.aidos.core.internal.store.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/** The users table: registration, lookup, and the failed-login counter behind the lockout. */
public final class Users {
    private static final String COLUMNS = "id, email, password_hash IS NOT NULL, site_admin, created_at";
    private final Database db;
    private final PasswordHasher hasher;
    private final Clock clock;

    Users(Database db, PasswordHasher hasher, Clock clock) {
        this.db = db;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Registers a user with a password; checks the email and the password policy first. */
    public User register(String email, String password) {
        String normalized = Credentials.email(email);
        Credentials.password(password, normalized);
        return insert(normalized, hasher.hash(password));
    }

    /** A user who logs in only through an identity provider (no password). */
    User registerExternal(String normalizedEmail) {
        return insert(normalizedEmail, null);
    }

    private User insert(String email, String passwordHash) {
        String id = Ids.newId();
        long now = clock.millis();
        int inserted = db.update("register a user", "INSERT INTO users (id, email, password_hash, failed_logins,"
                + " locked_until, site_admin, created_at) VALUES (?, ?, ?, 0, NULL, FALSE, ?) ON CONFLICT DO NOTHING",
                id, email, passwordHash, now);
        if (inserted == 0) {
            throw new AlreadyExistsException("user", email);
        }
        return new User(id, email, passwordHash != null, false, now);
    }

    public Optional<User> find(String id) {
        return db.queryOne("find a user", "SELECT " + COLUMNS + " FROM users WHERE id = ?", Users::map, id);
    }

    public User get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("user", id));
    }

    public Optional<User> findByEmail(String email) {
        return db.queryOne("find a user by email", "SELECT " + COLUMNS + " FROM users WHERE email = ?",
                Users::map, email);
    }

    /** Makes a user an operator of the whole installation (or not): for the server's bootstrap command. */
    public void setSiteAdmin(String userId, boolean siteAdmin) {
        if (db.update("set site admin", "UPDATE users SET site_admin = ? WHERE id = ?", siteAdmin, userId) == 0) {
            throw new NotFoundException("user", userId);
        }
    }

    /** What a login checks: id, password hash (may be null), and the lock. */
    record LoginRow(String id, String passwordHash, Long lockedUntil) {
    }

    Optional<LoginRow> loginRow(String email) {
        return db.queryOne("look up a login", "SELECT id, password_hash, locked_until FROM users WHERE email = ?",
                rs -> new LoginRow(rs.getString(1), rs.getString(2), (Long) rs.getObject(3)), email);
    }

    /** Counts a failure; the {@code max}-th in a row locks the account until {@code lockedUntil}. */
    void recordFailure(String userId, int max, long lockedUntil) {
        // Every SET expression sees the row's old values, so the check and the increment are one atomic step.
        db.update("count a failed login", "UPDATE users SET"
                + " failed_logins = CASE WHEN failed_logins + 1 >= ? THEN 0 ELSE failed_logins + 1 END,"
                + " locked_until = CASE WHEN failed_logins + 1 >= ? THEN ? ELSE locked_until END WHERE id = ?",
                max, max, lockedUntil, userId);
    }

    void recordSuccess(String userId) {
        db.update("reset failed logins", "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?"
                + " AND (failed_logins <> 0 OR locked_until IS NOT NULL)", userId);
    }

    void rehash(String userId, String password) {
        db.update("rehash a password", "UPDATE users SET password_hash = ? WHERE id = ?", hasher.hash(password), userId);
    }

    /** Changes a password after checking the policy; the caller has verified the old one or a reset token. */
    public void changePassword(String userId, String newPassword) {
        Credentials.password(newPassword, get(userId).email());
        rehash(userId, newPassword);
    }

    private static User map(ResultSet rs) throws SQLException {
        return new User(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4), rs.getLong(5));
    }
}
