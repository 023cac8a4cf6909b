package io.aidos.core.internal.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.aidos.api.AiDosException;
import io.aidos.api.AuthenticationException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Short-lived access tokens: ES256 JWTs with {@code kid}, {@code iss}, {@code aud}, {@code sub} (the user id),
 * {@code iat}, {@code exp} and {@code jti}. Verification accepts only ES256 over a known, unretired key (so
 * {@code alg: none}, HMAC-with-the-public-key and foreign keys fail), then checks issuer, audience and expiry
 * (30 s leeway for clock skew between servers). Every failure is the same AuthenticationException.
 */
public final class AccessTokens {
    private static final Duration LEEWAY = Duration.ofSeconds(30);
    private static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");
    private final SigningKeys keys;
    private final String issuer;
    private final String audience;
    private final Duration ttl;
    private final Clock clock;

    AccessTokens(SigningKeys keys, IdentityConfig config) {
        this.keys = keys;
        this.issuer = config.issuer();
        this.audience = config.audience();
        this.ttl = config.accessTokenTtl();
        this.clock = config.clock();
    }

    /** A new token for {@code userId}, valid for the configured TTL. */
    public Issued issue(String userId) {
        ECKey key = keys.current();
        Instant now = clock.instant();
        Instant exp = now.plus(ttl);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(userId)
                .issueTime(Date.from(now)).expirationTime(Date.from(exp)).jwtID(Secrets.randomToken(12)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(TYPE)
                .build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new AiDosException("cannot sign an access token: " + e.getMessage(), e);
        }
        return new Issued(jwt.serialize(), exp);
    }

    /** A signed token and when it expires. */
    public record Issued(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "AccessToken[until " + expiresAt + "]";
        }
    }

    /** The user id of a valid token; AuthenticationException otherwise. */
    public String verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token); // a plain (alg none) or encrypted JWT fails to parse here
            JWSHeader header = jwt.getHeader();
            if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || header.getKeyID() == null) {
                throw invalid();
            }
            ECKey key = keys.verificationKeys(header.getKeyID()).stream()
                    .filter(k -> k.getKeyID().equals(header.getKeyID())).findFirst().orElseThrow(AccessTokens::invalid);
            if (!jwt.verify(new ECDSAVerifier(key.toECPublicKey()))) {
                throw invalid();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            List<String> aud = claims.getAudience();
            if (!issuer.equals(claims.getIssuer()) || aud == null || !aud.contains(audience)
                    || claims.getSubject() == null || claims.getExpirationTime() == null
                    || claims.getIssueTime() == null
                    || now.minus(LEEWAY).isAfter(claims.getExpirationTime().toInstant())
                    || now.plus(LEEWAY).isBefore(claims.getIssueTime().toInstant())) {
                throw invalid();
            }
            return claims.getSubject();
        } catch (ParseException | JOSEException e) {
            throw invalid();
        }
    }

    private static AuthenticationException invalid() {
        return new AuthenticationException("invalid or expired access token");
    }
}
