package io.aidos.server;

import java.util.Map;
import java.util.Objects;

/**
 * Who a request acts for, as a {@link RequestAuthenticator} decided. {@code attributes} carry what an identity
 * system wants to pass on to handlers (organization, scopes, key id); never a secret.
 */
public record Principal(String id, String displayName, Map<String, String> attributes) {
    /** The embedded single local owner: what every request is without real identity. */
    public static final Principal LOCAL_OWNER = new Principal("local", "local owner", Map.of("role", "owner"));

    public Principal {
        Objects.requireNonNull(id, "id");
        displayName = displayName == null ? id : displayName;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    @Override
    public String toString() {
        return "Principal{" + id + "}";
    }
}
