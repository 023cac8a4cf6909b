package io.aidos.core.internal.identity;

import io.aidos.api.AuthenticationException;
import io.aidos.core.internal.store.Database;
import java.time.Clock;
import java.util.Optional;

/**
 * Links provider identities ({@code provider}, {@code sub}) to users. A known link wins. Otherwise an existing
 * user is linked by email only when the provider says the email is verified (an unverified email would let
 * anyone who types a victim's address take over the account); a new email makes a new user without password.
 */
final class OidcAccounts {
    private final Database db;
    private final Users users;
    private final Clock clock;

    OidcAccounts(Database db, Users users, Clock clock) {
        this.db = db;
        this.users = users;
        this.clock = clock;
    }

    String userFor(OidcLogins.Verified who) {
        Optional<String> linked = db.queryOne("find a linked identity", "SELECT user_id FROM user_identities"
                + " WHERE provider = ? AND subject = ?", rs -> rs.getString(1), who.provider(), who.subject());
        if (linked.isPresent()) {
            return linked.get();
        }
        if (who.email() == null) {
            throw new AuthenticationException("provider " + who.provider() + " shared no email address");
        }
        String email = Credentials.email(who.email());
        Optional<User> existing = users.findByEmail(email);
        String userId;
        if (existing.isPresent()) {
            if (!who.emailVerified()) {
                throw new AuthenticationException("the email of this " + who.provider() + " account is not verified"
                        + " and belongs to an existing user: log in with a password and link the provider");
            }
            userId = existing.get().id();
        } else {
            userId = users.registerExternal(email).id();
        }
        db.update("link an identity", "INSERT INTO user_identities (provider, subject, user_id, created_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", who.provider(), who.subject(), userId, clock.millis());
        return userId;
    }
}
