package io.aidos.core.internal.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.aidos.api.AiDosException;
import io.aidos.core.internal.store.Database;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's ES256 (EC P-256) keys for access tokens. The first start generates one and stores it (private JWK,
 * sealed by {@link KeyProtection}) in {@code signing_keys}; every server sharing the store uses it. The newest
 * unretired key signs; all unretired keys verify, so {@link #rotate()} never invalidates live tokens. Key
 * material is never logged. Unknown key ids reload the table at most once a second, for keys rotated by
 * another server.
 */
public final class SigningKeys {
    private static final long RELOAD_MIN_MILLIS = 1000;
    private final Database db;
    private final KeyProtection protection;
    private final Clock clock;
    private volatile List<ECKey> keys = List.of();
    private volatile long loadedAt = Long.MIN_VALUE / 2;

    SigningKeys(Database db, KeyProtection protection, Clock clock) {
        this.db = db;
        this.protection = protection;
        this.clock = clock;
    }

    /** The key that signs new tokens: generated and stored on first use. */
    ECKey current() {
        List<ECKey> k = keys;
        if (k.isEmpty()) {
            k = reload();
            if (k.isEmpty()) {
                generate();
                k = reload();
            }
        }
        return k.get(0);
    }

    /** The public keys that verify tokens, as a JWKS the server may publish. */
    public JWKSet publicKeys() {
        current();
        return new JWKSet(new ArrayList<JWK>(keys)).toPublicJWKSet();
    }

    /** The unretired keys; reloads when {@code kid} is unknown and the last load is older than a second. */
    List<ECKey> verificationKeys(String kid) {
        List<ECKey> k = keys;
        if (k.stream().noneMatch(key -> key.getKeyID().equals(kid)) && clock.millis() - loadedAt > RELOAD_MIN_MILLIS) {
            k = reload();
        }
        return k;
    }

    /** Generates a new signing key; older keys keep verifying until {@link #retire(String)}. */
    public String rotate() {
        String kid = generate();
        reload();
        return kid;
    }

    /** Stops a key from verifying: every token it signed is rejected from now on. */
    public void retire(String kid) {
        db.update("retire a signing key", "UPDATE signing_keys SET retired_at = ? WHERE kid = ?", clock.millis(), kid);
        reload();
    }

    private String generate() {
        try {
            long now = clock.millis();
            String kid = now + "-" + Secrets.randomToken(6);
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(kid).algorithm(JWSAlgorithm.ES256)
                    .keyUse(KeyUse.SIGNATURE).generate();
            db.update("store a signing key", "INSERT INTO signing_keys (kid, algorithm, private_jwk, created_at)"
                    + " VALUES (?, ?, ?, ?)", kid, "ES256", protection.seal(key.toJSONString()), now);
            return kid;
        } catch (JOSEException e) {
            throw new AiDosException("cannot generate a signing key: " + e.getMessage(), e);
        }
    }

    private synchronized List<ECKey> reload() {
        List<String> sealed = db.query("load signing keys", "SELECT private_jwk FROM signing_keys"
                + " WHERE retired_at IS NULL ORDER BY created_at DESC, kid DESC", rs -> rs.getString(1));
        List<ECKey> loaded = new ArrayList<>();
        for (String s : sealed) {
            try {
                loaded.add(ECKey.parse(protection.open(s)));
            } catch (ParseException e) {
                throw new AiDosException("a stored signing key cannot be parsed", e);
            }
        }
        keys = List.copyOf(loaded);
        loadedAt = clock.millis();
        return keys;
    }
}
