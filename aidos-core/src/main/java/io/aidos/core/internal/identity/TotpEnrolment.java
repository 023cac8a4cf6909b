package io.aidos.core.internal.identity;

import java.util.List;

/**
 * What enrolling in MFA shows the user once: the base32 secret, the {@code otpauth://} URI for an authenticator
 * app (as a QR code), and single-use recovery codes. {@link #toString()} shows none of them.
 */
public record TotpEnrolment(String secret, String otpauthUri, List<String> recoveryCodes) {
    public TotpEnrolment {
        recoveryCodes = List.copyOf(recoveryCodes);
    }

    @Override
    public String toString() {
        return "TotpEnrolment[" + recoveryCodes.size() + " recovery codes]";
    }
}
