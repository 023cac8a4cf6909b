package io.aidos.core.internal.identity;

import io.aidos.api.AuthenticationException;

/** The password was right but the account has MFA: log in again with a TOTP or recovery code. */
public final class MfaRequiredException extends AuthenticationException {
    public MfaRequiredException() {
        super("a second factor is required: send a TOTP code or a recovery code");
    }

    @Override
    public String errorCode() {
        return "MFA_REQUIRED";
    }
}
