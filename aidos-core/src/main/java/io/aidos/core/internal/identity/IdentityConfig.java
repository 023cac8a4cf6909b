package io.aidos.core.internal.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Settings of {@link Identity}. Immutable; made by {@link #builder()}, every value has a safe default. */
public final class IdentityConfig {
    private final String issuer;
    private final String audience;
    private final Duration accessTokenTtl;
    private final Duration refreshTokenTtl;
    private final int maxFailedLogins;
    private final Duration lockout;
    private final PasswordHasher passwordHasher;
    private final byte[] keyEncryptionKey;
    private final List<LoginProvider> loginProviders;
    private final Duration apiKeyLastUsedGranularity;
    private final Duration apiKeyCacheTtl;
    private final Duration rolesCacheTtl;
    private final Clock clock;

    private IdentityConfig(Builder b) {
        issuer = b.issuer;
        audience = b.audience;
        accessTokenTtl = b.accessTokenTtl;
        refreshTokenTtl = b.refreshTokenTtl;
        maxFailedLogins = b.maxFailedLogins;
        lockout = b.lockout;
        passwordHasher = b.passwordHasher;
        keyEncryptionKey = b.keyEncryptionKey == null ? null : b.keyEncryptionKey.clone();
        loginProviders = List.copyOf(b.loginProviders);
        apiKeyLastUsedGranularity = b.apiKeyLastUsedGranularity;
        apiKeyCacheTtl = b.apiKeyCacheTtl;
        rolesCacheTtl = b.rolesCacheTtl;
        clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    public Duration accessTokenTtl() {
        return accessTokenTtl;
    }

    public Duration refreshTokenTtl() {
        return refreshTokenTtl;
    }

    public int maxFailedLogins() {
        return maxFailedLogins;
    }

    public Duration lockout() {
        return lockout;
    }

    public PasswordHasher passwordHasher() {
        return passwordHasher;
    }

    byte[] keyEncryptionKey() {
        return keyEncryptionKey == null ? null : keyEncryptionKey.clone();
    }

    /** The OpenID Connect and plain OAuth 2 providers users may log in with, in configuration order. */
    public List<LoginProvider> loginProviders() {
        return loginProviders;
    }

    public Duration apiKeyLastUsedGranularity() {
        return apiKeyLastUsedGranularity;
    }

    public Duration apiKeyCacheTtl() {
        return apiKeyCacheTtl;
    }

    public Duration rolesCacheTtl() {
        return rolesCacheTtl;
    }

    public Clock clock() {
        return clock;
    }

    public static final class Builder {
        private String issuer = "aidos";
        private String audience = "aidos-api";
        private Duration accessTokenTtl = Duration.ofMinutes(15);
        private Duration refreshTokenTtl = Duration.ofDays(30);
        private int maxFailedLogins = 5;
        private Duration lockout = Duration.ofMinutes(15);
        private PasswordHasher passwordHasher = PasswordHasher.owasp();
        private byte[] keyEncryptionKey;
        private final List<LoginProvider> loginProviders = new ArrayList<>();
        private Duration apiKeyLastUsedGranularity = Duration.ofMinutes(1);
        private Duration apiKeyCacheTtl = Duration.ofSeconds(5);
        private Duration rolesCacheTtl = Duration.ofSeconds(5);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The {@code iss} of access tokens: the server's public URL, say. */
        public Builder issuer(String issuer) {
            this.issuer = nonBlank("issuer", issuer);
            return this;
        }

        /** The {@code aud} of access tokens. */
        public Builder audience(String audience) {
            this.audience = nonBlank("audience", audience);
            return this;
        }

        public Builder accessTokenTtl(Duration ttl) {
            this.accessTokenTtl = positive("accessTokenTtl", ttl);
            return this;
        }

        public Builder refreshTokenTtl(Duration ttl) {
            this.refreshTokenTtl = positive("refreshTokenTtl", ttl);
            return this;
        }

        /** Failed logins in a row after which an account is locked for {@link #lockout(Duration)}. */
        public Builder maxFailedLogins(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxFailedLogins must be >= 1 but was " + n);
            }
            this.maxFailedLogins = n;
            return this;
        }

        public Builder lockout(Duration lockout) {
            this.lockout = positive("lockout", lockout);
            return this;
        }

        public Builder passwordHasher(PasswordHasher hasher) {
            if (hasher == null) {
                throw new IllegalArgumentException("passwordHasher must not be null");
            }
            this.passwordHasher = hasher;
            return this;
        }

        /** 32 bytes that seal signing keys and TOTP secrets in the database with AES-256-GCM. */
        public Builder keyEncryptionKey(byte[] key) {
            if (key != null && key.length != 32) {
                throw new IllegalArgumentException("keyEncryptionKey must have 32 bytes but had " + key.length);
            }
            this.keyEncryptionKey = key == null ? null : key.clone();
            return this;
        }

        public Builder oidcProvider(OidcProvider provider) {
            return loginProvider("oidcProvider", provider);
        }

        /** A plain OAuth 2 provider without ID tokens, such as {@link OAuth2Provider#github GitHub}. */
        public Builder oauth2Provider(OAuth2Provider provider) {
            return loginProvider("oauth2Provider", provider);
        }

        private Builder loginProvider(String field, LoginProvider provider) {
            if (provider == null) {
                throw new IllegalArgumentException(field + " must not be null");
            }
            if (loginProviders.stream().anyMatch(p -> p.name().equals(provider.name()))) {
                throw new IllegalArgumentException(field + " '" + provider.name() + "' is configured twice");
            }
            loginProviders.add(provider);
            return this;
        }

        /** How stale an API key's last-used time may get: saves one write per request under load. */
        public Builder apiKeyLastUsedGranularity(Duration granularity) {
            if (granularity == null || granularity.isNegative()) {
                throw new IllegalArgumentException("apiKeyLastUsedGranularity must be >= 0 but was " + granularity);
            }
            this.apiKeyLastUsedGranularity = granularity;
            return this;
        }

        /**
         * How long a verified API key is remembered (default 5 s; zero turns the cache off). A revoke in this process
         * applies at once; one in another server process of a cluster is seen here within this time.
         */
        public Builder apiKeyCacheTtl(Duration ttl) {
            if (ttl == null || ttl.isNegative() || ttl.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("apiKeyCacheTtl must be between 0 and 1 minute but was " + ttl);
            }
            this.apiKeyCacheTtl = ttl;
            return this;
        }

        /**
         * How long a user's roles, once read, are remembered (default 5 s; zero reads them on every request). A
         * membership or team change in this process applies at once; one in another server process of a cluster is
         * seen here within this time.
         */
        public Builder rolesCacheTtl(Duration ttl) {
            if (ttl == null || ttl.isNegative() || ttl.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("rolesCacheTtl must be between 0 and 1 minute but was " + ttl);
            }
            this.rolesCacheTtl = ttl;
            return this;
        }

        public Builder clock(Clock clock) {
            if (clock == null) {
                throw new IllegalArgumentException("clock must not be null");
            }
            this.clock = clock;
            return this;
        }

        public IdentityConfig build() {
            return new IdentityConfig(this);
        }

        private static String nonBlank(String field, String v) {
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException(field + " must not be blank but was '" + v + "'");
            }
            return v;
        }

        private static Duration positive(String field, Duration d) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(field + " must be > 0 but was " + d);
            }
            return d;
        }
    }
}
