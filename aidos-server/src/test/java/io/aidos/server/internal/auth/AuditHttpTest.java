package io.aidos.server.internal.auth;

import static io.aidos.server.internal.auth.Http.body;
import static io.aidos.server.internal.auth.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.aidos.core.internal.identity.AuditEvent;
import io.aidos.core.internal.identity.AuditQuery;
import io.aidos.core.internal.identity.Principal;
import io.aidos.core.internal.identity.Role;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the audit log holds after changes over HTTP: one event per API key created or revoked (the identity
 * service's, not also the request's), and MLflow changes naming the resource they touched, which MLflow carries in
 * the body or the answer rather than in the path.
 */
class AuditHttpTest extends IdentityServerTest {
    /** A new member of the local organization; returns {user id, access token}. */
    private static String[] member() {
        String email = newEmail();
        String userId = register(email);
        identity.organizations().setMember(Principal.localOwner(), Principal.LOCAL_ORG, userId, Role.MEMBER);
        return new String[] {userId, login(email).get("access_token").asText()};
    }

    /** The actor's events, oldest first, logins left out. */
    private static List<AuditEvent> eventsOf(String actorId) {
        List<AuditEvent> events = new ArrayList<>(identity.audit().query(Principal.localOwner(),
                AuditQuery.of(null).actor(actorId)));
        events.removeIf(e -> e.action().startsWith("login."));
        Collections.reverse(events);
        return events;
    }

    @Test
    void creatingAndRevokingAnApiKeyIsRecordedOnceEach() {
        String[] user = member();
        Instant before = Instant.now().minusSeconds(1);
        HttpResponse<String> created = http.send("POST", "/api/v1/auth/api-keys",
                body("name", "ci", "scopes", List.of("read")), user[1]);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String keyId = json(created).get("id").asText();
        assertThat(http.send("DELETE", "/api/v1/auth/api-keys/" + keyId, null, user[1]).statusCode()).isEqualTo(200);

        List<AuditEvent> events = eventsOf(user[0]);
        assertThat(events).extracting(AuditEvent::action).containsExactly("api_key.create", "api_key.revoke");
        for (AuditEvent e : events) {
            assertThat(e.actorKind()).isEqualTo("user");
            assertThat(e.resourceKind()).isEqualTo("api_key");
            assertThat(e.resourceId()).isEqualTo(keyId);
            assertThat(e.orgId()).isEqualTo(Principal.LOCAL_ORG);
            assertThat(e.address()).isEqualTo("127.0.0.1");
            assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
            assertThat(e.time()).isBetween(before, Instant.now().plusSeconds(1));
        }
    }

    @Test
    void aRefusedApiKeyChangeIsRecordedOnceToo() {
        String[] user = member();
        HttpResponse<String> created = http.send("POST", "/api/v1/auth/api-keys",
                body("name", "ci", "scopes", List.of("read")), user[1]);
        String keyId = json(created).get("id").asText();
        String secret = json(created).get("secret").asText();
        assertThat(http.send("POST", "/api/v1/auth/api-keys", body("name", "x", "scopes", List.of("read")), secret)
                .statusCode()).as("a key cannot mint keys").isEqualTo(403);
        assertThat(http.send("POST", "/api/v1/auth/api-keys", body("name", "x", "scopes", List.of("admin")), user[1])
                .statusCode()).as("a member cannot give a key admin").isEqualTo(403);

        List<AuditEvent> byKey = eventsOf(keyId);
        assertThat(byKey).extracting(e -> e.action() + " " + e.outcome())
                .containsExactly("POST /api/v1/auth/api-keys DENIED");
        assertThat(eventsOf(user[0])).extracting(e -> e.action() + " " + e.outcome())
                .containsExactly("api_key.create SUCCESS", "POST /api/v1/auth/api-keys DENIED");
    }

    @Test
    void mlflowChangesNameTheirResource() {
        String[] user = member();
        String token = user[1];
        String experiment = json(mlflow("experiments/create", body("name", "audited-mlflow"), token))
                .get("experiment_id").asText();
        String run = json(mlflow("runs/create", body("experiment_id", experiment), token))
                .at("/run/info/run_id").asText();
        mlflow("runs/log-metric", body("run_id", run, "key", "loss", "value", 0.5, "timestamp", 1, "step", 0), token);
        mlflow("runs/update", body("run_id", run, "status", "FINISHED", "end_time", 2), token);
        mlflow("registered-models/create", body("name", "audited-model"), token);
        mlflow("model-versions/create", body("name", "audited-model", "source", "runs:/" + run + "/model",
                "run_id", run), token);
        HttpResponse<String> missing = http.send("POST", "/api/2.0/mlflow/runs/log-metric",
                body("run_id", "no-such-run", "key", "loss", "value", 1, "timestamp", 1), token);
        assertThat(missing.statusCode()).isEqualTo(404);

        assertThat(eventsOf(user[0])).extracting(e -> e.action() + " " + e.resourceKind() + " " + e.resourceId()
                + " " + e.outcome()).containsExactly(
                "POST /api/2.0/mlflow/experiments/create experiment " + experiment + " SUCCESS",
                "POST /api/2.0/mlflow/runs/create run " + run + " SUCCESS",
                "POST /api/2.0/mlflow/runs/log-metric run " + run + " SUCCESS",
                "POST /api/2.0/mlflow/runs/update run " + run + " SUCCESS",
                "POST /api/2.0/mlflow/registered-models/create registered_model audited-model SUCCESS",
                "POST /api/2.0/mlflow/model-versions/create model_version audited-model/1 SUCCESS",
                "POST /api/2.0/mlflow/runs/log-metric run no-such-run FAILURE");
    }

    private static HttpResponse<String> mlflow(String path, String body, String token) {
        HttpResponse<String> r = http.send("POST", "/api/2.0/mlflow/" + path, body, token);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r;
    }
}
