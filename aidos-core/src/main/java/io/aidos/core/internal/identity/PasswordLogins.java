package io.aidos.core.internal.identity;

import io.aidos.api.AuthenticationException;
import io.aidos.api.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Email + password (+ second factor) login with brute-force lockout: {@code maxFailedLogins} failures in a row
 * lock the account for {@code lockout}; a locked account rejects even the right password. Every failure, for an
 * unknown email too, costs one Argon2 computation and ends in the same message, so neither the answer nor its
 * timing tells whether an email is registered or locked.
 */
final class PasswordLogins {
    static final String FAILED = "wrong email or password, or too many failed attempts: try again later";
    private final Users users;
    private final Mfa mfa;
    private final PasswordHasher hasher;
    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;
    private volatile String dummyHash;

    PasswordLogins(Users users, Mfa mfa, IdentityConfig config) {
        this.users = users;
        this.mfa = mfa;
        this.hasher = config.passwordHasher();
        this.maxFailures = config.maxFailedLogins();
        this.lockout = config.lockout();
        this.clock = config.clock();
    }

    /** The user id after a successful login; AuthenticationException (or MfaRequiredException) otherwise. */
    String login(String email, String password, String secondFactor) {
        String normalized;
        try {
            normalized = Credentials.email(email);
        } catch (InvalidInputException e) {
            throw new AuthenticationException(FAILED);
        }
        Optional<Users.LoginRow> row = users.loginRow(normalized);
        long now = clock.millis();
        if (row.isEmpty() || row.get().passwordHash() == null || password == null) {
            hasher.verify(password == null ? "" : password, dummyHash()); // same cost as a real check
            throw new AuthenticationException(FAILED);
        }
        Users.LoginRow r = row.get();
        if (r.lockedUntil() != null && r.lockedUntil() > now) {
            hasher.verify(password, dummyHash());
            throw new AuthenticationException(FAILED);
        }
        if (!hasher.verify(password, r.passwordHash())) {
            users.recordFailure(r.id(), maxFailures, now + lockout.toMillis());
            throw new AuthenticationException(FAILED);
        }
        if (mfa.enabled(r.id())) {
            if (secondFactor == null || secondFactor.isBlank()) {
                throw new MfaRequiredException();
            }
            if (!mfa.verify(r.id(), secondFactor)) {
                users.recordFailure(r.id(), maxFailures, now + lockout.toMillis());
                throw new AuthenticationException("wrong or already used second-factor code");
            }
        }
        users.recordSuccess(r.id());
        if (hasher.needsRehash(r.passwordHash())) {
            users.rehash(r.id(), password);
        }
        return r.id();
    }

    private String dummyHash() {
        String h = dummyHash;
        if (h == null) {
            h = hasher.hash(Secrets.randomToken(16));
            dummyHash = h;
        }
        return h;
    }
}
