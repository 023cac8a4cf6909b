package io.aidos.server;

import java.util.Optional;

/**
 * What an authenticator sees of a request: method, path, the caller's address, the bearer token from
 * {@code Authorization: Bearer <token>} (empty when absent) and the organization the caller asks to act in, from
 * the {@code X-AIDOS-Org} header (empty when absent). {@link #toString()} never shows the token.
 */
public record AuthenticationRequest(String method, String path, String remoteAddress, Optional<String> bearerToken,
                                    Optional<String> organization) {

    /** A request that names no organization. */
    public AuthenticationRequest(String method, String path, String remoteAddress, Optional<String> bearerToken) {
        this(method, path, remoteAddress, bearerToken, Optional.empty());
    }

    @Override
    public String toString() {
        return "AuthenticationRequest{" + method + " " + path + " from " + remoteAddress + ", token="
                + (bearerToken.isPresent() ? "****" : "none") + organization.map(o -> ", org=" + o).orElse("") + "}";
    }
}
