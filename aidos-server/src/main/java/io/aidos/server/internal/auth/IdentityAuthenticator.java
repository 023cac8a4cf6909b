package io.aidos.server.internal.auth;

import com.nimbusds.jwt.SignedJWT;
import io.aidos.api.AuthenticationException;
import io.aidos.api.RateLimitedException;
import io.aidos.core.internal.identity.Action;
import io.aidos.core.internal.identity.Identity;
import io.aidos.core.internal.identity.RateLimiter;
import io.aidos.server.AuthenticationRequest;
import io.aidos.server.Principal;
import io.aidos.server.RequestAuthenticator;
import io.aidos.server.internal.Tenancy;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates every protected request with AI-DOS identity: the bearer credential is an API key
 * ({@code aidos_...}) or an access token. Reads need the READ action, anything else WRITE, in the organization the
 * request acts in ({@link Tenancy#choose}: an API key's own, or the caller's pick with {@code X-AIDOS-Org}), which
 * the request is then served from. The identity routes ({@code /api/v1/auth/...}, {@code /api/v1/orgs...}) only
 * need a valid credential, because the identity services check each action themselves. Login, registration,
 * refresh, logout and the OIDC redirect and callback need no credential. Requests are rate limited per address
 * before the credential is checked (so guessing keys is slow too) and per caller after. An access token that failed
 * only because it expired is reported as {@code TOKEN_EXPIRED}, so clients know to refresh it.
 */
public final class IdentityAuthenticator implements RequestAuthenticator {
    static final String AUTH = "/api/v1/auth/";
    static final String ORGS = "/api/v1/orgs";
    private static final Set<String> OPEN = Set.of(AUTH + "register", AUTH + "login", AUTH + "refresh",
            AUTH + "logout", AUTH + "oidc/callback");
    private final Identity identity;
    private final RateLimiter perAddress;
    private final RateLimiter perCaller;

    public IdentityAuthenticator(Identity identity, RateLimiter perAddress, RateLimiter perCaller) {
        this.identity = identity;
        this.perAddress = perAddress;
        this.perCaller = perCaller;
    }

    /** Defaults: 200 requests burst and 100/s per address; 1,000 burst and 500/s per caller. */
    public static IdentityAuthenticator withDefaultLimits(Identity identity) {
        return new IdentityAuthenticator(identity, RateLimiter.of(200, 100), RateLimiter.of(1000, 500));
    }

    @Override
    public boolean protects(String path) {
        return RequestAuthenticator.super.protects(path) && !isOpen(path);
    }

    /** Paths anyone may call: they carry their own proof (a password, a refresh token, an OIDC state). */
    static boolean isOpen(String path) {
        return OPEN.contains(path) || (path.startsWith(AUTH + "oidc/") && path.endsWith("/begin"));
    }

    @Override
    public Principal authenticate(AuthenticationRequest request) {
        limit(perAddress, "address " + request.remoteAddress(), request.remoteAddress());
        String credential = request.bearerToken().orElseThrow(() -> new AuthenticationException(
                "this server needs an API key or access token: send Authorization: Bearer <key>"));
        io.aidos.core.internal.identity.Principal who = verify(identity, credential);
        String callerId = callerId(who);
        limit(perCaller, callerId, callerId);
        String org = io.aidos.core.internal.identity.Principal.LOCAL_ORG; // identity routes name their own orgs
        if (!request.path().startsWith(AUTH) && !request.path().startsWith(ORGS)) {
            Action needed = isRead(request.method(), request.path()) ? Action.READ : Action.WRITE;
            org = Tenancy.choose(request.organization(), who.roles().keySet(), who.siteAdmin());
            identity.require(who, needed, org);
        }
        return principal(who, org);
    }

    /**
     * A call to a deployment of {@code request.organization()}: a valid credential with READ there (predicting reads
     * a model). Not rate limited: the deployment's own queue bounds the load (429), and a key cannot be guessed.
     */
    @Override
    public Principal authenticateInference(AuthenticationRequest request) {
        String org = request.organization().orElseThrow(() -> new IllegalArgumentException(
                "an inference request names its organization"));
        String credential = request.bearerToken().orElseThrow(() -> new AuthenticationException(
                "this inference server needs an API key or access token of its organization: send Authorization:"
                        + " Bearer <key>"));
        io.aidos.core.internal.identity.Principal who = verify(identity, credential);
        identity.require(who, Action.READ, Tenancy.choose(Optional.of(org), who.roles().keySet(), who.siteAdmin()));
        return principal(who, org);
    }

    private static String callerId(io.aidos.core.internal.identity.Principal who) {
        return who.apiKeyId() != null ? "key:" + who.apiKeyId() : "user:" + who.userId();
    }

    /** Who a request acts for, in {@code org}: never the credential. */
    private static Principal principal(io.aidos.core.internal.identity.Principal who, String org) {
        return new Principal(callerId(who), who.describe(), Map.of("user", String.valueOf(who.userId()),
                Tenancy.ORG_ATTRIBUTE, org));
    }

    /** The principal behind {@code credential}; {@link TokenExpiredException} for an access token past its time. */
    public static io.aidos.core.internal.identity.Principal verify(Identity identity, String credential) {
        try {
            return identity.authenticate(credential);
        } catch (AuthenticationException e) {
            if (expiredAccessToken(credential)) {
                throw new TokenExpiredException();
            }
            throw e;
        }
    }

    /**
     * Whether {@code credential} is a JWT whose {@code exp} has passed. Read without verifying the signature: it only
     * picks the error code of a request that fails anyway, and tells nothing the token does not say itself.
     */
    static boolean expiredAccessToken(String credential) {
        if (credential == null || credential.startsWith("aidos_") || credential.length() > 8192) {
            return false;
        }
        try {
            Date exp = SignedJWT.parse(credential).getJWTClaimsSet().getExpirationTime();
            return exp != null && exp.toInstant().isBefore(Instant.now());
        } catch (ParseException | RuntimeException e) {
            return false;
        }
    }

    private static void limit(RateLimiter limiter, String who, String key) {
        Duration wait = limiter.tryAcquire(key);
        if (!wait.isZero()) {
            throw new RateLimitedException(who, wait);
        }
    }

    /**
     * Whether a request only reads: GET, HEAD and OPTIONS, and the searches that take their query as a POST body
     * ({@code /api/v1/runs/search}, MLflow's {@code runs/search} and {@code experiments/search}).
     */
    static boolean isRead(String method, String path) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
                || method.equals("POST") && path.endsWith("/search");
    }
}
