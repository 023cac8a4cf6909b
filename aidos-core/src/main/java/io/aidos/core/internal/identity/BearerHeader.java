package io.aidos.core.internal.identity;

import java.util.Optional;

/** The token of an {@code Authorization: Bearer <token>} header, as the REST API and the inference servers read it. */
public final class BearerHeader {
    private static final String SCHEME = "bearer ";

    private BearerHeader() {
    }

    /** The token, or empty when the header is absent, of another scheme (the scheme is case-insensitive) or blank. */
    public static Optional<String> token(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(SCHEME.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
