package io.aidos.core.internal.identity;

import io.aidos.api.InvalidInputException;
import java.util.Locale;

/** What a principal may do to an organization's resources. API key scopes are these names in lower case. */
public enum Action {
    /** See resources: datasets, runs, models, jobs. */
    READ,
    /** Create and change resources. */
    WRITE,
    /** Delete resources. */
    DELETE,
    /** Manage members, teams and API keys, and read the audit log. */
    ADMIN,
    /** Give or take the owner role, delete the organization. */
    OWN;

    /** The scope name, e.g. {@code read}. */
    public String scope() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Action ofScope(String scope) {
        for (Action a : values()) {
            if (a.scope().equals(scope)) {
                return a;
            }
        }
        throw new InvalidInputException("scope", scope, "must be one of read, write, delete, admin, own");
    }
}
