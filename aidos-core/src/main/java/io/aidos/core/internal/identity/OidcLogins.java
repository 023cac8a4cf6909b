package io.aidos.core.internal.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.aidos.api.AuthenticationException;
import io.aidos.api.InvalidInputException;
import io.aidos.core.internal.store.Database;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Login at a {@link LoginProvider}, authorization code flow with PKCE (S256). {@link #begin} stores a fresh state, nonce and
 * code verifier (in the database, so any server of a cluster can complete the login) and builds the provider's
 * authorization URL. {@link #complete} consumes the state once, exchanges the code with the verifier, and
 * accepts the ID token only if its signature verifies against the provider's JWKS (RS/ES/PS algorithms only)
 * and its {@code iss}, {@code aud} (and {@code azp}), {@code exp}, {@code iat} and {@code nonce} are right. For a
 * plain {@link OAuth2Provider} there is no ID token and no nonce is sent: the access token the code redeems for
 * reads the user from the provider's user-info API ({@link OAuth2UserInfo}).
 */
public final class OidcLogins {
    static final Duration LOGIN_TTL = Duration.ofMinutes(10);
    private static final Duration LEEWAY = Duration.ofSeconds(60);
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.PS256);
    private final Database db;
    private final Map<String, LoginProvider> providers;
    private final Clock clock;
    private final HttpClient http;
    private final Map<String, OidcMetadata> metadata = new ConcurrentHashMap<>();
    private final Map<String, JWKSet> keys = new ConcurrentHashMap<>();

    OidcLogins(Database db, List<LoginProvider> providers, Clock clock, HttpClient http) {
        this.db = db;
        this.providers = providers.stream().collect(Collectors.toUnmodifiableMap(LoginProvider::name, p -> p));
        this.clock = clock;
        this.http = http;
    }

    /** The verified identity an ID token (or a user-info answer with an access token) asserts. */
    record Verified(String provider, String subject, String email, boolean emailVerified) {
    }

    public AuthorizationRedirect begin(String providerName) {
        LoginProvider provider = provider(providerName);
        URI authorizationEndpoint = provider instanceof OidcProvider oidc ? metadata(oidc).authorizationEndpoint()
                : ((OAuth2Provider) provider).authorizationUri();
        String state = Secrets.randomToken(32);
        String nonce = Secrets.randomToken(32);
        String verifier = Secrets.randomToken(48); // 64 characters, within RFC 7636's 43..128
        long now = clock.millis();
        db.update("expire old OIDC logins", "DELETE FROM oidc_logins WHERE expires_at < ?", now);
        db.update("begin an OIDC login", "INSERT INTO oidc_logins (state, provider, nonce, code_verifier, redirect_uri,"
                + " expires_at) VALUES (?, ?, ?, ?, ?, ?)", state, provider.name(), nonce, verifier,
                provider.redirectUri().toString(), now + LOGIN_TTL.toMillis());
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", provider.clientId());
        q.put("redirect_uri", provider.redirectUri().toString());
        q.put("scope", String.join(" ", provider.scopes()));
        q.put("state", state);
        if (provider instanceof OidcProvider) {
            q.put("nonce", nonce); // stored either way (the column is required); only an ID token can carry it
        }
        q.put("code_challenge", challenge(verifier));
        q.put("code_challenge_method", "S256");
        String base = authorizationEndpoint.toString();
        return new AuthorizationRedirect(URI.create(base + (base.contains("?") ? "&" : "?") + form(q).replace("+", "%20")),
                state);
    }

    /** Completes the login the provider redirected back with; AuthenticationException on any mismatch. */
    Verified complete(String state, String code) {
        if (state == null || code == null) {
            throw new AuthenticationException("login callback without state or code");
        }
        Optional<String[]> login = db.queryOne("read an OIDC login", "SELECT provider, nonce, code_verifier,"
                + " redirect_uri, expires_at FROM oidc_logins WHERE state = ?", rs -> new String[] {rs.getString(1),
                    rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)}, state);
        // Deleting is the claim: a state is good for one callback only.
        if (login.isEmpty() || db.update("consume an OIDC login", "DELETE FROM oidc_logins WHERE state = ?", state) != 1
                || Long.parseLong(login.get()[4]) < clock.millis()) {
            throw new AuthenticationException("unknown or expired login state");
        }
        LoginProvider p = provider(login.get()[0]);
        if (p instanceof OAuth2Provider plain) {
            JsonNode tokens = exchange(plain, plain.tokenUri(), code, login.get()[2], login.get()[3]);
            String accessToken = tokens.path("access_token").asText(null);
            if (accessToken == null) { // GitHub answers a refused code with 200 and {"error": ...}
                throw new AuthenticationException("provider " + plain.name() + " refused the code: "
                        + tokens.path("error").asText("no access token"));
            }
            return OAuth2UserInfo.read(http, plain, accessToken);
        }
        OidcProvider provider = (OidcProvider) p;
        OidcMetadata meta = metadata(provider);
        JsonNode tokens = exchange(provider, meta.tokenEndpoint(), code, login.get()[2], login.get()[3]);
        String idToken = tokens.path("id_token").asText(null);
        if (idToken == null) {
            throw new AuthenticationException("provider " + provider.name() + " returned no ID token");
        }
        return verify(provider, meta, idToken, login.get()[1]);
    }

    /** Redeems the code: client secret by HTTP Basic for OIDC, in the form body for plain OAuth 2 (as GitHub documents). */
    private JsonNode exchange(LoginProvider provider, URI tokenEndpoint, String code, String verifier, String redirect) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirect);
        form.put("code_verifier", verifier);
        form.put("client_id", provider.clientId());
        boolean basic = provider instanceof OidcProvider;
        if (!basic && provider.clientSecret() != null) {
            form.put("client_secret", provider.clientSecret());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(tokenEndpoint).timeout(OidcMetadata.TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (basic && provider.clientSecret() != null) {
            String user = enc(provider.clientId()) + ":" + enc(provider.clientSecret());
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        return OidcMetadata.send(http, request.build(), provider.name());
    }

    private Verified verify(OidcProvider provider, OidcMetadata meta, String idToken, String nonce) {
        try {
            SignedJWT jwt = SignedJWT.parse(idToken);
            if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
                throw bad(provider, "an ID token signed with " + jwt.getHeader().getAlgorithm());
            }
            JWK key = key(provider, meta, jwt);
            var verifier = new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(),
                    ((AsymmetricJWK) key).toPublicKey());
            if (!jwt.verify(verifier)) {
                throw bad(provider, "an ID token whose signature does not verify");
            }
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            List<String> aud = c.getAudience();
            if (!meta.issuer().equals(c.getIssuer())) {
                throw bad(provider, "an ID token of issuer " + c.getIssuer());
            }
            if (aud == null || !aud.contains(provider.clientId())
                    || (aud.size() > 1 && !provider.clientId().equals(c.getStringClaim("azp")))) {
                throw bad(provider, "an ID token for another client");
            }
            if (c.getExpirationTime() == null || now.minus(LEEWAY).isAfter(c.getExpirationTime().toInstant())
                    || c.getIssueTime() == null || now.plus(LEEWAY).isBefore(c.getIssueTime().toInstant())) {
                throw bad(provider, "an expired or not yet valid ID token");
            }
            String tokenNonce = c.getStringClaim("nonce");
            if (tokenNonce == null || !Secrets.constantTimeEquals(tokenNonce, nonce)) {
                throw bad(provider, "an ID token with the wrong nonce");
            }
            if (c.getSubject() == null) {
                throw bad(provider, "an ID token without subject");
            }
            Boolean verified = c.getBooleanClaim("email_verified");
            return new Verified(provider.name(), c.getSubject(), c.getStringClaim("email"), Boolean.TRUE.equals(verified));
        } catch (ParseException | JOSEException | ClassCastException e) {
            throw bad(provider, "an unreadable ID token");
        }
    }

    /** The key the token names; the JWKS is fetched again once when the kid is unknown (provider rotated). */
    private JWK key(OidcProvider provider, OidcMetadata meta, SignedJWT jwt) {
        String kid = jwt.getHeader().getKeyID();
        JWKSet set = keys.computeIfAbsent(provider.name(), n -> meta.fetchKeys(http, n));
        JWK key = find(set, kid);
        if (key == null) {
            set = meta.fetchKeys(http, provider.name());
            keys.put(provider.name(), set);
            key = find(set, kid);
        }
        if (key == null) {
            throw bad(provider, "an ID token signed by an unknown key");
        }
        return key;
    }

    private static JWK find(JWKSet set, String kid) {
        if (kid == null) {
            return set.getKeys().size() == 1 ? set.getKeys().get(0) : null;
        }
        return set.getKeyByKeyId(kid);
    }

    private LoginProvider provider(String name) {
        LoginProvider p = providers.get(name);
        if (p == null) {
            throw new InvalidInputException("provider", name, "is not a configured identity provider");
        }
        return p;
    }

    private OidcMetadata metadata(OidcProvider provider) {
        return metadata.computeIfAbsent(provider.name(), n -> OidcMetadata.discover(http, provider));
    }

    static String challenge(String verifier) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static AuthenticationException bad(OidcProvider provider, String what) {
        return new AuthenticationException("login rejected: provider " + provider.name() + " sent " + what);
    }
}
