package io.aidos.serving;

import io.aidos.api.AiDos;
import io.aidos.api.AuthenticationException;
import io.aidos.api.Deployment;
import io.aidos.api.PermissionDeniedException;
import io.aidos.core.internal.InferenceAccess;
import io.aidos.core.internal.InferenceCall;
import io.aidos.core.internal.LocalAiDos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's {@link InferenceAccess} guards every endpoint that names a deployment or shows its answers or
 * metrics, over all three protocols, while health checks stay open; with the default access nothing is asked.
 */
class InferenceAccessTest {
    private static final String KEY = "let-me-in";
    private static final String IRIS_SPLIT = "{\"dataframe_split\":{\"columns\":[\"Sepal.Length\",\"Sepal.Width\","
            + "\"Petal.Length\",\"Petal.Width\"],\"data\":[[6.7,3.0,5.2,2.3]]}}";
    private static final String IRIS_OIP = "{\"inputs\":[{\"name\":\"x\",\"shape\":[1,4],\"datatype\":\"FP64\","
            + "\"data\":[6.7,3.0,5.2,2.3]}]}";
    private static final String IRIS_V1 = "{\"instances\":[[6.7,3.0,5.2,2.3]]}";

    @TempDir
    static Path temp;
    static AiDos aidos;
    static Deployment d;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final List<InferenceCall> ASKED = new CopyOnWriteArrayList<>();

    /** Admits the one key; another token is a known caller of another organization; none is unauthenticated. */
    static final InferenceAccess ONE_KEY = call -> {
        ASKED.add(call);
        String token = call.bearerToken().orElseThrow(() -> new AuthenticationException("send a key"));
        if (!token.equals(KEY)) {
            throw new PermissionDeniedException("not this organization's key");
        }
    };

    /** Every route that must ask, with a body for the POSTs. */
    static final List<String[]> GUARDED = List.of(
            new String[] {"POST", "/invocations", IRIS_SPLIT},
            new String[] {"POST", "/deployments/iris-guarded/invocations", IRIS_SPLIT},
            new String[] {"GET", "/deployments/iris-guarded/ping", null},
            new String[] {"GET", "/deployments/iris-guarded/version", null},
            new String[] {"GET", "/v2/models/iris-guarded", null},
            new String[] {"GET", "/v2/models/iris-guarded/versions/1", null},
            new String[] {"GET", "/v2/models/iris-guarded/ready", null},
            new String[] {"POST", "/v2/models/iris-guarded/infer", IRIS_OIP},
            new String[] {"POST", "/v2/models/iris-guarded/versions/1/infer", IRIS_OIP},
            new String[] {"GET", "/v1/models", null},
            new String[] {"GET", "/v1/models/iris-guarded", null},
            new String[] {"POST", "/v1/models/iris-guarded:predict", IRIS_V1},
            new String[] {"GET", "/metrics", null});

    static final List<String> OPEN = List.of("/ping", "/health", "/version", "/v2", "/v2/health/live",
            "/v2/health/ready");

    @BeforeAll
    static void deploy() {
        ServingFixture.trainIris(temp.resolve("store"));
        aidos = ServingFixture.open(temp.resolve("store"));
        d = aidos.deployer().deploy("iris-guarded").model("iris", "1").start();
    }

    @AfterEach
    void openAgain() {
        ((LocalAiDos) aidos).inferenceAccess(InferenceAccess.OPEN);
        ASKED.clear();
    }

    @AfterAll
    static void close() {
        aidos.close();
    }

    @Test
    void withoutAKeyEveryGuardedRouteAnswers401AndReachesNoModel() throws Exception {
        ((LocalAiDos) aidos).inferenceAccess(ONE_KEY);
        long before = d.stats().requests();
        for (String[] route : GUARDED) {
            HttpResponse<String> r = send(route, null);
            assertThat(r.statusCode()).as(route[0] + " " + route[1]).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).as(route[1]).hasValue("Bearer");
            assertThat(r.body()).as(route[1]).contains("send a key");
        }
        assertThat(d.stats().requests()).as("no refused request reached a replica").isEqualTo(before);
        assertThat(ASKED).hasSize(GUARDED.size());
        InferenceCall first = ASKED.get(0);
        assertThat(first.organization()).isEqualTo("local");
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.path()).isEqualTo("/invocations");
        assertThat(first.bearerToken()).isEmpty();
    }

    @Test
    void anotherOrganizationsKeyGets403AndTheRightKeyIsServed() throws Exception {
        ((LocalAiDos) aidos).inferenceAccess(ONE_KEY);
        for (String[] route : GUARDED) {
            HttpResponse<String> denied = send(route, "Bearer someone-elses");
            assertThat(denied.statusCode()).as(route[0] + " " + route[1]).isEqualTo(403);
            assertThat(denied.body()).as(route[1]).contains("not this organization's key");
            HttpResponse<String> served = send(route, "bearer " + KEY); // the scheme is case-insensitive
            assertThat(served.statusCode()).as(route[0] + " " + route[1] + ": " + served.body()).isEqualTo(200);
        }
        HttpResponse<String> predicted = send(GUARDED.get(0), "Bearer " + KEY);
        assertThat(predicted.body()).isEqualTo("{\"predictions\":[\"virginica\"]}");
        assertThat(ASKED).allMatch(call -> !call.toString().contains(KEY), "a call's text never shows the token");
    }

    @Test
    void healthChecksNeedNoKey() throws Exception {
        ((LocalAiDos) aidos).inferenceAccess(ONE_KEY);
        for (String path : OPEN) {
            assertThat(send(new String[] {"GET", path, null}, null).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(ASKED).isEmpty();
    }

    @Test
    void theDefaultAccessAsksForNothing() throws Exception {
        for (String[] route : GUARDED) {
            assertThat(send(route, null).statusCode()).as(route[0] + " " + route[1]).isEqualTo(200);
        }
        assertThat(d.predict(Map.of("Sepal.Length", 6.7, "Sepal.Width", 3.0, "Petal.Length", 5.2,
                "Petal.Width", 2.3)).label()).isEqualTo("virginica");
    }

    private static HttpResponse<String> send(String[] route, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(d.endpoint().resolve("/") + route[1].substring(1)));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (route[0].equals("POST")) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(route[2]));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
