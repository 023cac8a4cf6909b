package io.aidos.core.internal.identity;

import java.time.Instant;

/** What a login or a refresh returns. {@link #toString()} shows no token, so logging one leaks nothing. */
public record TokenPair(String accessToken, Instant accessTokenExpiresAt, String refreshToken,
                        Instant refreshTokenExpiresAt) {
    @Override
    public String toString() {
        return "TokenPair[access token until " + accessTokenExpiresAt + ", refresh token until "
                + refreshTokenExpiresAt + "]";
    }
}
