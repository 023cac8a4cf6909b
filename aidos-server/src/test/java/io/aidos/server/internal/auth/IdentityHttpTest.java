package io.aidos.server.internal.auth;

import io.aidos.core.LogCapture;
import io.aidos.core.internal.identity.Base32;

import static io.aidos.server.internal.auth.Http.body;
import static io.aidos.server.internal.auth.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.core.internal.identity.Principal;
import io.aidos.core.internal.identity.Role;
import io.aidos.core.internal.identity.Totp;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The identity API over HTTP on a real server: registration, login, refresh rotation, logout, MFA, API keys,
 * organizations and teams, the audit of every change, JWKS, and the route table vs OpenAPI.
 */
class IdentityHttpTest extends IdentityServerTest {
    @Test
    void theOpenApiDocumentListsTheIdentityRoutesAndEachIsServed() {
        JsonNode doc = json(http.send("GET", "/api/v1/openapi.json", null, null));
        Set<String> documented = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
        assertThat(documented).isEqualTo(new TreeSet<>(server.routes()));
        assertThat(server.routes()).contains("POST /api/v1/auth/login", "POST /api/v1/auth/refresh",
                "GET /api/v1/auth/me", "POST /api/v1/auth/api-keys", "DELETE /api/v1/auth/api-keys/{key_id}",
                "POST /api/v1/auth/mfa/enrol", "GET /api/v1/auth/oidc/{provider}/begin", "GET /.well-known/jwks.json",
                "POST /api/v1/orgs", "PUT /api/v1/orgs/{org_id}/members/{user_id}", "GET /api/v1/orgs/{org_id}/audit");
        for (String route : server.routes()) {
            String[] mp = route.split(" ", 2);
            HttpResponse<String> probe = http.send(mp[0], mp[1].replaceAll("\\{[^}]+}", "x"),
                    mp[0].equals("GET") || mp[0].equals("DELETE") ? null : "{}", null);
            assertThat(probe.body()).as(route).doesNotContain("no route");
        }
    }

    @Test
    void registerLoginMeRefreshWithRotationAndLogout() {
        String email = newEmail();
        String id = register(email);
        assertThat(http.send("POST", "/api/v1/auth/register", body("email", email, "password", PASSWORD), null)
                .statusCode()).isEqualTo(409);
        JsonNode tokens = login(email);
        assertThat(tokens.get("token_type").asText()).isEqualTo("Bearer");
        String access = tokens.get("access_token").asText();
        JsonNode me = json(http.send("GET", "/api/v1/auth/me", null, access));
        assertThat(me.get("id").asText()).isEqualTo(id);
        assertThat(me.get("email").asText()).isEqualTo(email);
        assertThat(me.get("mfa_enabled").asBoolean()).isFalse();
        assertThat(http.send("GET", "/api/v1/auth/me", null, null).statusCode()).isEqualTo(401);

        String refresh = tokens.get("refresh_token").asText();
        HttpResponse<String> next = http.send("POST", "/api/v1/auth/refresh", body("refresh_token", refresh), null);
        assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
        String refresh2 = json(next).get("refresh_token").asText();
        assertThat(refresh2).isNotEqualTo(refresh);
        // the used token again: refused, and its whole family with it
        assertThat(http.send("POST", "/api/v1/auth/refresh", body("refresh_token", refresh), null).statusCode())
                .isEqualTo(401);
        assertThat(http.send("POST", "/api/v1/auth/refresh", body("refresh_token", refresh2), null).statusCode())
                .isEqualTo(401);

        JsonNode again = login(email);
        assertThat(http.send("POST", "/api/v1/auth/logout", body("refresh_token",
                again.get("refresh_token").asText()), null).statusCode()).isEqualTo(200);
        assertThat(http.send("POST", "/api/v1/auth/refresh", body("refresh_token",
                again.get("refresh_token").asText()), null).statusCode()).isEqualTo(401);

        JsonNode third = login(email);
        assertThat(http.send("POST", "/api/v1/auth/logout-everywhere", "{}", third.get("access_token").asText())
                .statusCode()).isEqualTo(200);
        assertThat(http.send("POST", "/api/v1/auth/refresh", body("refresh_token",
                third.get("refresh_token").asText()), null).statusCode()).isEqualTo(401);
    }

    @Test
    void wrongPasswordsGetOneGenericAnswerAndALockedAccountTheSame() {
        String email = newEmail();
        register(email);
        HttpResponse<String> unknown = http.send("POST", "/api/v1/auth/login",
                body("email", "nobody@example.org", "password", PASSWORD), null);
        assertThat(unknown.statusCode()).isEqualTo(401);
        String message = json(unknown).get("message").asText();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = http.send("POST", "/api/v1/auth/login",
                    body("email", email, "password", PASSWORD + "!"), null);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(json(wrong).get("message").asText()).isEqualTo(message);
            assertThat(wrong.body()).doesNotContain(PASSWORD);
        }
        HttpResponse<String> locked = http.send("POST", "/api/v1/auth/login", body("email", email, "password", PASSWORD),
                null);
        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(json(locked).get("message").asText()).isEqualTo(message);
        assertThat(json(locked).get("error_code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void mfaEnrolConfirmThenLoginNeedsACodeAndARecoveryCodeWorksOnce() {
        String email = newEmail();
        register(email);
        String access = login(email).get("access_token").asText();
        HttpResponse<String> enrol = http.send("POST", "/api/v1/auth/mfa/enrol", "{}", access);
        assertThat(enrol.statusCode()).as(enrol.body()).isEqualTo(201);
        JsonNode e = json(enrol);
        assertThat(e.get("otpauth_uri").asText()).startsWith("otpauth://totp/");
        assertThat(e.get("recovery_codes")).hasSize(10);
        String code = new Totp(Totp.Algorithm.SHA1, 6).code(Base32.decode(e.get("secret").asText()),
                Totp.step(Instant.now().getEpochSecond()));
        assertThat(http.send("POST", "/api/v1/auth/mfa/confirm", body("code", code), access).statusCode())
                .isEqualTo(200);

        HttpResponse<String> noCode = http.send("POST", "/api/v1/auth/login", body("email", email, "password", PASSWORD),
                null);
        assertThat(noCode.statusCode()).isEqualTo(401);
        assertThat(json(noCode).get("error_code").asText()).isEqualTo("MFA_REQUIRED");
        String recovery = e.get("recovery_codes").get(0).asText();
        HttpResponse<String> withRecovery = http.send("POST", "/api/v1/auth/login",
                body("email", email, "password", PASSWORD, "code", recovery), null);
        assertThat(withRecovery.statusCode()).as(withRecovery.body()).isEqualTo(200);
        String access2 = json(withRecovery).get("access_token").asText();
        JsonNode state = json(http.send("GET", "/api/v1/auth/mfa", null, access2));
        assertThat(state.get("enabled").asBoolean()).isTrue();
        assertThat(state.get("recovery_codes_left").asInt()).isEqualTo(9);
        assertThat(http.send("POST", "/api/v1/auth/login", body("email", email, "password", PASSWORD, "code",
                recovery), null).statusCode()).isEqualTo(401);
        assertThat(http.send("POST", "/api/v1/auth/mfa/disable", body("code", "000000"), access2).statusCode())
                .isEqualTo(401);
        assertThat(http.send("POST", "/api/v1/auth/mfa/disable", body("code", e.get("recovery_codes").get(1)
                .asText()), access2).statusCode()).isEqualTo(200);
        login(email);
    }

    @Test
    void apiKeysAreShownOnceListedWithoutSecretsAndRevoked() {
        String email = newEmail();
        String userId = register(email);
        identity.organizations().setMember(Principal.localOwner(), Principal.LOCAL_ORG, userId, Role.MEMBER);
        String access = login(email).get("access_token").asText();
        HttpResponse<String> created = http.send("POST", "/api/v1/auth/api-keys",
                body("name", "ci", "scopes", List.of("read", "write")), access);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String secret = json(created).get("secret").asText();
        String keyId = json(created).get("id").asText();
        assertThat(secret).startsWith("aidos_");
        HttpResponse<String> list = http.send("GET", "/api/v1/auth/api-keys", null, access);
        assertThat(list.body()).contains(keyId).doesNotContain(secret).doesNotContain("\"secret\"");
        assertThat(http.send("GET", "/api/v1/datasets", null, secret).statusCode()).isEqualTo(200);
        // a key cannot mint keys, and a member cannot give a key admin
        assertThat(http.send("POST", "/api/v1/auth/api-keys", body("name", "x", "scopes", List.of("read")), secret)
                .statusCode()).isEqualTo(403);
        assertThat(http.send("POST", "/api/v1/auth/api-keys", body("name", "x", "scopes", List.of("admin")), access)
                .statusCode()).isEqualTo(403);
        assertThat(http.send("DELETE", "/api/v1/auth/api-keys/" + keyId, null, access).statusCode()).isEqualTo(200);
        assertThat(http.send("GET", "/api/v1/datasets", null, secret).statusCode()).isEqualTo(401);
    }

    @Test
    void organizationsMembersAndTeams() {
        String ownerEmail = newEmail();
        String owner = register(ownerEmail);
        String other = register(newEmail());
        String access = login(ownerEmail).get("access_token").asText();
        String name = "team-org-" + USERS.get();
        HttpResponse<String> created = http.send("POST", "/api/v1/orgs", body("name", name), access);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String org = json(created).get("id").asText();
        assertThat(http.send("GET", "/api/v1/orgs", null, access).body()).contains(name).contains("owner");
        assertThat(http.send("PUT", "/api/v1/orgs/" + org + "/members/" + other, body("role", "viewer"), access)
                .statusCode()).isEqualTo(200);
        assertThat(http.send("GET", "/api/v1/orgs/" + org + "/members", null, access).body()).contains(other)
                .contains(owner);
        HttpResponse<String> team = http.send("POST", "/api/v1/orgs/" + org + "/teams",
                body("name", "ml", "role", "member"), access);
        assertThat(team.statusCode()).as(team.body()).isEqualTo(201);
        String teamId = json(team).get("id").asText();
        assertThat(http.send("PUT", "/api/v1/orgs/" + org + "/teams/" + teamId + "/members/" + other, "{}", access)
                .statusCode()).isEqualTo(200);
        assertThat(identity.organizations().rolesOf(other).get(org)).isEqualTo(Role.MEMBER);
        assertThat(http.send("PUT", "/api/v1/orgs/local/teams/" + teamId + "/members/" + other, "{}", access)
                .statusCode()).as("a team of another org").isEqualTo(404);
        // the last owner stays
        assertThat(http.send("DELETE", "/api/v1/orgs/" + org + "/members/" + owner, null, access).statusCode())
                .isEqualTo(409);
        assertThat(http.send("DELETE", "/api/v1/orgs/" + org + "/members/" + other, null, access).statusCode())
                .isEqualTo(200);
    }

    @Test
    void everyChangeIsAuditedAndOnlyAdminsReadTheLog() {
        String adminEmail = newEmail();
        String admin = register(adminEmail);
        identity.organizations().setMember(Principal.localOwner(), Principal.LOCAL_ORG, admin, Role.ADMIN);
        String viewer = register("viewer-" + newEmail());
        identity.organizations().setMember(Principal.localOwner(), Principal.LOCAL_ORG, viewer, Role.VIEWER);
        String access = login(adminEmail).get("access_token").asText();
        String viewerAccess = login("viewer-user" + USERS.get() + "@example.org").get("access_token").asText();

        assertThat(http.send("POST", "/api/v1/experiments", body("name", "audited"), access).statusCode())
                .isEqualTo(201);
        assertThat(http.send("POST", "/api/v1/experiments", body("name", "by-viewer"), viewerAccess).statusCode())
                .isEqualTo(403);
        assertThat(http.send("POST", "/api/2.0/mlflow/experiments/create", body("name", "via-mlflow"), access)
                .statusCode()).isEqualTo(200);

        HttpResponse<String> log = http.send("GET", "/api/v1/orgs/local/audit?actor=" + admin + "&limit=10", null,
                access);
        assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        json(log).get("events").forEach(ev -> actions.add(ev.get("action").asText() + " " + ev.get("outcome")
                .asText() + " " + ev.get("resource_kind").asText() + " " + ev.get("detail").asText()));
        assertThat(actions).contains("POST /api/v1/experiments SUCCESS experiment status 201",
                "POST /api/2.0/mlflow/experiments/create SUCCESS experiment status 200");
        JsonNode first = json(log).get("events").get(0);
        assertThat(first.get("actor_kind").asText()).isEqualTo("user");
        assertThat(first.get("org_id").asText()).isEqualTo("local");
        assertThat(first.get("address").asText()).isNotBlank();

        HttpResponse<String> denied = http.send("GET", "/api/v1/orgs/local/audit?actor=" + viewer, null, access);
        assertThat(denied.body()).contains("POST /api/v1/experiments").contains("DENIED");
        assertThat(http.send("GET", "/api/v1/orgs/local/audit", null, viewerAccess).statusCode()).isEqualTo(403);
        assertThat(http.send("GET", "/api/v1/audit", null, access).statusCode()).as("all orgs: site admins")
                .isEqualTo(403);
        // paging: one at a time, newest first
        JsonNode page1 = json(http.send("GET", "/api/v1/orgs/local/audit?actor=" + admin + "&limit=1", null, access));
        long before = page1.get("next_before").asLong();
        JsonNode page2 = json(http.send("GET", "/api/v1/orgs/local/audit?actor=" + admin + "&limit=1&before="
                + before, null, access));
        assertThat(page2.get("events").get(0).get("id").asLong()).isLessThan(before);
    }

    @Test
    void theJwksPublishesPublicKeysOnly() {
        HttpResponse<String> r = http.send("GET", "/.well-known/jwks.json", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode key = json(r).get("keys").get(0);
        assertThat(key.get("kty").asText()).isEqualTo("EC");
        assertThat(key.has("kid")).isTrue();
        assertThat(key.has("d")).as("no private part").isFalse();
    }

    @Test
    void passwordsAndTokensNeverReachTheLogs() {
        String email = newEmail();
        List<String> secrets = new ArrayList<>();
        String logged = LogCapture.during(() -> {
            register(email);
            http.send("POST", "/api/v1/auth/login", body("email", email, "password", PASSWORD + "x"), null);
            JsonNode t = login(email);
            secrets.add(t.get("access_token").asText());
            secrets.add(t.get("refresh_token").asText());
            JsonNode next = json(http.send("POST", "/api/v1/auth/refresh", body("refresh_token",
                    t.get("refresh_token").asText()), null));
            secrets.add(next.get("refresh_token").asText());
            http.send("POST", "/api/v1/auth/api-keys", "{\"name\": \"k\", \"scopes\": [\"nope\"]}",
                    next.get("access_token").asText());
            http.send("GET", "/api/v1/datasets", null, "aidos_0123456789ab_forged-secret");
        });
        assertThat(logged).doesNotContain(PASSWORD).doesNotContain("forged-secret");
        for (String s : secrets) {
            assertThat(logged).doesNotContain(s);
        }
        assertThat(identity.audit().query(Principal.localOwner(), io.aidos.core.internal.identity.AuditQuery.of(null))
                .toString()).doesNotContain(PASSWORD).doesNotContain(secrets.get(1));
    }
}
