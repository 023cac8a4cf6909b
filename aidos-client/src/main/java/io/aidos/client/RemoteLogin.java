package io.aidos.client;

import io.aidos.api.AiDosConfig;
import io.aidos.client.internal.PasswordLogin;

/**
 * Logs in to an AI-DOS server with email and password and returns a config holding the access token (sent as the
 * bearer) and the refresh token ({@code auth.refreshToken}), with which the client renews an expired access token
 * by itself:
 *
 * <pre>{@code
 * try (AiDos aidos = AiDos.open(RemoteLogin.login("https://aidos.example.org", email, password))) { ... }
 * }</pre>
 *
 * Failures: {@link io.aidos.api.AuthenticationException} (wrong email or password, locked account, or a second
 * factor needed: then call {@link #login(AiDosConfig, String, String, String)} with the code), and
 * {@link io.aidos.api.BackendUnavailableException} when throttled (429) or unreachable. The config's
 * {@code toString()} shows no token.
 */
public final class RemoteLogin {

    private RemoteLogin() {
    }

    public static AiDosConfig login(String uri, String email, String password) {
        return login(AiDosConfig.builder().uri(uri).build(), email, password, null);
    }

    /**
     * Logs in with the settings of {@code base} (timeouts, {@code tls.truststore}, ...), and a TOTP or recovery
     * {@code code} (null when the account has no MFA).
     */
    public static AiDosConfig login(AiDosConfig base, String email, String password, String code) {
        return PasswordLogin.login(base, email, password, code);
    }
}
