package io.aidos.server.internal.auth;

import io.aidos.api.AuthenticationException;
import io.aidos.api.RateLimitedException;
import io.aidos.core.internal.identity.Action;
import io.aidos.core.internal.identity.Identity;
import io.aidos.core.internal.identity.RateLimiter;
import io.aidos.server.AuthenticationRequest;
import io.aidos.server.Principal;
import io.aidos.server.RequestAuthenticator;
import io.aidos.server.internal.Tenancy;

import java.time.Duration;
import java.util.Map;

/**
 * Authenticates every protected request with AI-DOS identity: the bearer credential is an API key
 * ({@code aidos_...}) or an access token. Reads need the READ action, anything else WRITE, in the organization the
 * request acts in ({@link Tenancy#choose}: an API key's own, or the caller's pick with {@code X-AIDOS-Org}), which
 * the request is then served from. Requests are
 * rate limited per address before the credential is checked (so guessing keys is slow too) and per caller after.
 */
public final class IdentityAuthenticator implements RequestAuthenticator {
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
    public Principal authenticate(AuthenticationRequest request) {
        limit(perAddress, "address " + request.remoteAddress(), request.remoteAddress());
        String credential = request.bearerToken().orElseThrow(() -> new AuthenticationException(
                "this server needs an API key or access token: send Authorization: Bearer <key>"));
        io.aidos.core.internal.identity.Principal who = identity.authenticate(credential);
        String callerId = who.apiKeyId() != null ? "key:" + who.apiKeyId() : "user:" + who.userId();
        limit(perCaller, callerId, callerId);
        Action needed = isRead(request.method()) ? Action.READ : Action.WRITE;
        String org = Tenancy.choose(request.organization(), who.roles().keySet(), who.siteAdmin());
        identity.require(who, needed, org);
        return new Principal(callerId, who.describe(), Map.of("user", String.valueOf(who.userId()),
                Tenancy.ORG_ATTRIBUTE, org));
    }

    private static void limit(RateLimiter limiter, String who, String key) {
        Duration wait = limiter.tryAcquire(key);
        if (!wait.isZero()) {
            throw new RateLimitedException(who, wait);
        }
    }

    private static boolean isRead(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }
}
