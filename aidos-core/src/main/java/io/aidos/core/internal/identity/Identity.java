package io.aidos.core.internal.identity;

import io.aidos.api.AuthenticationException;
import io.aidos.api.InvalidInputException;
import io.aidos.api.PermissionDeniedException;
import io.aidos.core.internal.store.Database;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The identity and access services on one store: what the server calls. Authenticate a request with
 * {@link #authenticate(String)}, check it with {@link #require}, record it with {@link #audit()}. Logins
 * and API key creation and revocation are audited here; everything else is the caller's to append. Thread-safe.
 */
public final class Identity {
    private final IdentityConfig config;
    private final Users users;
    private final ResourceOrgs resources;
    private final Authorizer authorizer;
    private final Organizations organizations;
    private final SigningKeys signingKeys;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final ApiKeys apiKeys;
    private final Mfa mfa;
    private final PasswordLogins passwordLogins;
    private final OidcLogins oidcLogins;
    private final OidcAccounts oidcAccounts;
    private final AuditLog audit;
    private static final int ROLES_CACHE_USERS = 10_000;

    private Identity(Database db, IdentityConfig config) {
        this.config = config;
        KeyProtection protection = KeyProtection.of(config.keyEncryptionKey());
        users = new Users(db, config.passwordHasher(), config.clock());
        resources = new ResourceOrgs(db);
        authorizer = new Authorizer(resources);
        organizations = new Organizations(db, authorizer, config.clock(),
                new ExpiringCache<>(config.rolesCacheTtl(), ROLES_CACHE_USERS, config.clock()));
        signingKeys = new SigningKeys(db, protection, config.clock());
        accessTokens = new AccessTokens(signingKeys, config);
        refreshTokens = new RefreshTokens(db, config.refreshTokenTtl(), config.clock());
        apiKeys = new ApiKeys(db, config.clock(), config.apiKeyLastUsedGranularity(), config.apiKeyCacheTtl());
        mfa = new Mfa(db, protection, config.clock(), config.issuer());
        passwordLogins = new PasswordLogins(users, mfa, config);
        oidcLogins = new OidcLogins(db, config.loginProviders(), config.clock(),
                HttpClient.newBuilder().connectTimeout(OidcMetadata.TIMEOUT).build());
        oidcAccounts = new OidcAccounts(db, users, config.clock());
        audit = new AuditLog(db, authorizer, config.clock());
    }

    public static Identity open(Database db, IdentityConfig config) {
        return new Identity(db, config);
    }

    /** Logs in with email and password, plus a TOTP or recovery code when the account has MFA. */
    public TokenPair login(String email, String password, String secondFactor, String address) {
        try {
            String userId = passwordLogins.login(email, password, secondFactor);
            audit.append(new AuditEvent(0, null, "user", userId, "login.password", "user", userId, null, address,
                    AuditEvent.Outcome.SUCCESS, null));
            return issue(userId, null);
        } catch (AuthenticationException e) {
            audit.append(AuditEvent.anonymous(email, "login.password", address, AuditEvent.Outcome.FAILURE,
                    e.errorCode()));
            throw e;
        }
    }

    /** Trades a refresh token for a new pair; reusing an old one revokes its whole family. */
    public TokenPair refresh(String refreshToken) {
        RefreshTokens.Issued next = refreshTokens.rotate(refreshToken);
        AccessTokens.Issued access = accessTokens.issue(next.userId());
        return new TokenPair(access.token(), access.expiresAt(), next.token(), next.expiresAt());
    }

    /** Ends the session {@code refreshToken} belongs to (access tokens expire on their own). */
    public void logout(String refreshToken) {
        if (refreshToken != null) {
            refreshTokens.revokeFamilyOf(refreshToken);
        }
    }

    /** Ends every session of the user, e.g. after a password change. */
    public void logoutEverywhere(String userId) {
        refreshTokens.revokeAllOf(userId);
    }

    /**
     * The principal behind a credential from an {@code Authorization: Bearer} header (or an {@code X-API-Key}
     * header): an API key ({@code aidos_...}) or an access token. AuthenticationException if it is not valid.
     */
    public Principal authenticate(String credential) {
        if (credential == null || credential.isBlank()) {
            throw new AuthenticationException("no credentials");
        }
        if (ApiKeys.looksLikeKey(credential)) {
            ApiKey key = apiKeys.authenticate(credential);
            Role role = organizations.rolesOf(key.userId()).get(key.orgId());
            return new Principal(Principal.Kind.API_KEY, key.userId(), key.id(),
                    role == null ? Map.of() : Map.of(key.orgId(), role), key.scopes(), false);
        }
        return principalOf(accessTokens.verify(credential));
    }

    /** The principal of a user, with their current roles. */
    public Principal principalOf(String userId) {
        User user = users.find(userId).orElseThrow(() -> new AuthenticationException("the user no longer exists"));
        return new Principal(Principal.Kind.USER, user.id(), null, organizations.rolesOf(user.id()),
                EnumSet.allOf(Action.class), user.siteAdmin());
    }

    /** Throws PermissionDeniedException unless {@code principal} may do {@code action} in {@code orgId}. */
    public void require(Principal principal, Action action, String orgId) {
        authorizer.require(principal, action, orgId);
    }

    /**
     * Creates an API key acting for {@code actor}'s user in {@code orgId}. Keys cannot mint keys, and a key's
     * scopes cannot exceed the user's role there. The secret is in the result only.
     */
    public NewApiKey createApiKey(Principal actor, String orgId, String name, Set<Action> scopes, Instant expiresAt,
                                  String address) {
        if (actor.kind() == Principal.Kind.API_KEY) {
            throw new PermissionDeniedException("an API key cannot create API keys");
        }
        for (Action a : scopes) {
            authorizer.require(actor, a, orgId);
        }
        NewApiKey key = apiKeys.create(actor.userId(), orgId, name, scopes, expiresAt);
        audit.append(AuditEvent.of(actor, "api_key.create", "api_key", key.key().id(), orgId, address,
                AuditEvent.Outcome.SUCCESS, "prefix " + key.key().prefix()));
        return key;
    }

    /** Revokes a key: its owner, or an admin of its organization. */
    public void revokeApiKey(Principal actor, String keyId, String address) {
        ApiKey key = apiKeys.get(keyId);
        if (!key.userId().equals(actor.userId()) || actor.kind() == Principal.Kind.API_KEY) {
            authorizer.require(actor, Action.ADMIN, key.orgId());
        }
        apiKeys.revoke(keyId);
        audit.append(AuditEvent.of(actor, "api_key.revoke", "api_key", keyId, key.orgId(), address,
                AuditEvent.Outcome.SUCCESS, null));
    }

    /** Starts a login at an OIDC or plain OAuth 2 provider: where to send the browser. */
    public AuthorizationRedirect beginOidcLogin(String provider) {
        return oidcLogins.begin(provider);
    }

    /**
     * Completes a login from the provider's callback ({@code state}, {@code code}), at an OIDC or plain OAuth 2
     * provider alike; links or creates the user. Audited as {@code login.oidc} with the provider's name.
     */
    public TokenPair completeOidcLogin(String state, String code, String address) {
        try {
            OidcLogins.Verified who = oidcLogins.complete(state, code);
            String userId = oidcAccounts.userFor(who);
            audit.append(new AuditEvent(0, null, "user", userId, "login.oidc", "user", userId, null, address,
                    AuditEvent.Outcome.SUCCESS, "provider " + who.provider()));
            return issue(userId, null);
        } catch (AuthenticationException | InvalidInputException e) {
            audit.append(AuditEvent.anonymous(null, "login.oidc", address, AuditEvent.Outcome.FAILURE, e.getMessage()));
            throw e;
        }
    }

    private TokenPair issue(String userId, String family) {
        AccessTokens.Issued access = accessTokens.issue(userId);
        RefreshTokens.Issued refresh = refreshTokens.issue(userId, family);
        return new TokenPair(access.token(), access.expiresAt(), refresh.token(), refresh.expiresAt());
    }

    public IdentityConfig config() {
        return config;
    }

    public Users users() {
        return users;
    }

    public Organizations organizations() {
        return organizations;
    }

    public ApiKeys apiKeys() {
        return apiKeys;
    }

    public Mfa mfa() {
        return mfa;
    }

    public AuditLog audit() {
        return audit;
    }

    public SigningKeys signingKeys() {
        return signingKeys;
    }

    public AccessTokens accessTokens() {
        return accessTokens;
    }

    public ResourceOrgs resources() {
        return resources;
    }

    public Authorizer authorizer() {
        return authorizer;
    }
}
