package io.aidos.server;

import java.util.Optional;

/**
 * What an authenticator sees of a request: method, path, the caller's address and the bearer token from
 * {@code Authorization: Bearer <token>} (empty when absent). {@link #toString()} never shows the token.
 */
public record AuthenticationRequest(String method, String path, String remoteAddress, Optional<String> bearerToken) {

    @Override
    public String toString() {
        return "AuthenticationRequest{" + method + " " + path + " from " + remoteAddress + ", token="
                + (bearerToken.isPresent() ? "****" : "none") + "}";
    }
}
