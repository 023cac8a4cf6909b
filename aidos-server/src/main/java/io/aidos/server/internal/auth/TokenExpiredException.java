package io.aidos.server.internal.auth;

import io.aidos.api.AuthenticationException;

/** 401 {@code TOKEN_EXPIRED}: the access token was good but its time is up; refresh it or log in again. */
public final class TokenExpiredException extends AuthenticationException {
    public TokenExpiredException() {
        super("the access token has expired: get a new one with POST /api/v1/auth/refresh or log in again");
    }

    @Override
    public String errorCode() {
        return "TOKEN_EXPIRED";
    }
}
