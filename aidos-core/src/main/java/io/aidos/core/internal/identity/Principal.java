package io.aidos.core.internal.identity;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: a user (by password, access token or OIDC), an API key acting for its user in one
 * organization, or the embedded backend's local owner. Immutable; holds no secret.
 *
 * @param kind       how the caller authenticated
 * @param userId     the user (for an API key, its owner); {@code local} for the local owner
 * @param apiKeyId   the API key's id, or null
 * @param roles      the caller's role in each organization it belongs to (directly or through a team)
 * @param scopes     the actions an API key is limited to; all actions for users
 * @param siteAdmin  an operator of the whole installation: allowed everything in every organization
 */
public record Principal(Kind kind, String userId, String apiKeyId, Map<String, Role> roles, Set<Action> scopes,
                        boolean siteAdmin) {

    public enum Kind { USER, API_KEY, LOCAL }

    public static final String LOCAL_ORG = "local";

    public Principal {
        roles = Map.copyOf(roles);
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
    }

    /** The single owner the embedded {@code local:} backend runs as, with no login. */
    public static Principal localOwner() {
        return new Principal(Kind.LOCAL, "local", null, Map.of(LOCAL_ORG, Role.OWNER), EnumSet.allOf(Action.class),
                true);
    }

    public Optional<Role> roleIn(String orgId) {
        return Optional.ofNullable(roles.get(orgId));
    }

    /** Whether this principal may do {@code action} to resources of organization {@code orgId}. */
    public boolean can(Action action, String orgId) {
        if (!scopes.contains(action)) {
            return false;
        }
        if (siteAdmin) {
            return true;
        }
        Role role = roles.get(orgId);
        return role != null && role.allows(action);
    }

    /** A short description for logs and error messages: kind and ids, never a credential. */
    public String describe() {
        return switch (kind) {
            case USER -> "user " + userId;
            case API_KEY -> "API key " + apiKeyId + " of user " + userId;
            case LOCAL -> "local owner";
        };
    }
}
