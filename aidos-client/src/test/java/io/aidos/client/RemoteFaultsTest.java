package io.aidos.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.AiDosException;
import io.aidos.api.AuthenticationException;
import io.aidos.api.BackendUnavailableException;
import io.aidos.api.DatasetNotFoundException;
import io.aidos.api.InvalidInputException;
import io.aidos.api.PermissionDeniedException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's fault handling against WireMock: retries, Retry-After, timeouts, resets, bad JSON, the breaker. */
class RemoteFaultsTest {
    private static final String IRIS = "/api/v1/datasets/iris";
    private static final String IRIS_JSON = "{\"name\":\"iris\",\"description\":null,\"created_at\":\"2026-01-01T00:00:00Z\"}";
    private static WireMockServer wm;

    @BeforeAll
    static void startWireMock() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
    }

    @AfterAll
    static void stopWireMock() {
        wm.stop();
    }

    @BeforeEach
    void reset() {
        wm.resetAll();
    }

    private AiDos open(AiDosConfig.Builder extra) {
        return AiDos.open(extra.uri("http://127.0.0.1:" + wm.port()).build());
    }

    private static AiDosConfig.Builder fast() {
        return AiDosConfig.builder().uri("http://x").requestTimeout(Duration.ofSeconds(5))
                .property("client.retry.initial-backoff-ms", "5").property("client.retry.max-backoff-ms", "20");
    }

    private void failThenSucceed(String path, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... failures) {
        String state = Scenario.STARTED;
        for (int i = 0; i < failures.length; i++) {
            String nextState = "after-" + i;
            wm.stubFor(get(urlPathEqualTo(path)).inScenario("faults").whenScenarioStateIs(state)
                    .willReturn(failures[i]).willSetStateTo(nextState));
            state = nextState;
        }
        wm.stubFor(get(urlPathEqualTo(path)).inScenario("faults").whenScenarioStateIs(state)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(IRIS_JSON)));
    }

    @Test
    void theConfiguredOrganizationTravelsWithEveryRequest() {
        failThenSucceed(IRIS);
        try (AiDos aidos = open(fast().apiKey("secret-key").property("organization", "acme"))) {
            assertThat(aidos.datasets().get("iris").name()).isEqualTo("iris");
        }
        wm.verify(getRequestedFor(urlPathEqualTo(IRIS)).withHeader("X-AIDOS-Org", equalTo("acme")));
    }

    @Test
    void getIsRetriedThrough503sAndSendsTheBearerToken() {
        failThenSucceed(IRIS, aResponse().withStatus(503), aResponse().withStatus(503));
        try (AiDos aidos = open(fast().apiKey("secret-key"))) {
            assertThat(aidos.datasets().get("iris").name()).isEqualTo("iris");
        }
        wm.verify(3, getRequestedFor(urlPathEqualTo(IRIS)).withHeader("Authorization", equalTo("Bearer secret-key")));
    }

    @Test
    void retryAfterOn429IsHonoured() {
        failThenSucceed(IRIS, aResponse().withStatus(429).withHeader("Retry-After", "1"));
        long start = System.nanoTime();
        try (AiDos aidos = open(fast())) {
            assertThat(aidos.datasets().get("iris").name()).isEqualTo("iris");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        wm.verify(2, getRequestedFor(urlPathEqualTo(IRIS)));
    }

    @Test
    void aSlowAnswerPastTheTimeoutFailsAsUnavailableAfterRetries() {
        wm.stubFor(get(urlPathEqualTo(IRIS)).willReturn(aResponse().withStatus(200).withFixedDelay(2_000)
                .withBody(IRIS_JSON)));
        try (AiDos aidos = open(fast().requestTimeout(Duration.ofMillis(300)).property("client.retry.max-attempts", "2"))) {
            assertThatThrownBy(() -> aidos.datasets().get("iris")).isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining("cannot reach");
        }
        wm.verify(2, getRequestedFor(urlPathEqualTo(IRIS)));
    }

    @Test
    void aResetConnectionIsRetried() {
        failThenSucceed(IRIS, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        try (AiDos aidos = open(fast())) {
            assertThat(aidos.datasets().get("iris").name()).isEqualTo("iris");
        }
        wm.verify(2, getRequestedFor(urlPathEqualTo(IRIS)));
    }

    @Test
    void malformedJsonIsAClearError() {
        wm.stubFor(get(urlPathEqualTo(IRIS)).willReturn(aResponse().withStatus(200).withBody("{\"name\": oops")));
        try (AiDos aidos = open(fast())) {
            assertThatThrownBy(() -> aidos.datasets().get("iris")).isExactlyInstanceOf(AiDosException.class)
                    .hasMessageContaining("malformed JSON").hasMessageContaining("/api/v1/datasets/iris");
        }
    }

    @Test
    void aPostWithoutIdempotencyKeyIsNotRetried() {
        wm.stubFor(post(urlPathEqualTo("/api/v1/experiments")).willReturn(aResponse().withStatus(503)));
        try (AiDos aidos = open(fast())) {
            assertThatThrownBy(() -> aidos.experiments().create("x")).isInstanceOf(BackendUnavailableException.class);
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/experiments")));
    }

    @Test
    void theCircuitOpensAfterRepeatedFailures() {
        wm.stubFor(get(urlPathEqualTo(IRIS)).willReturn(aResponse().withStatus(503)));
        try (AiDos aidos = open(fast().property("client.retry.max-attempts", "1")
                .property("client.circuit.minimum-calls", "4").property("client.circuit.window", "4")
                .property("client.circuit.open-ms", "60000"))) {
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> aidos.datasets().get("iris")).isInstanceOf(BackendUnavailableException.class)
                        .hasMessageContaining("503");
            }
            assertThatThrownBy(() -> aidos.datasets().get("iris")).isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining("circuit breaker is open");
        }
        wm.verify(4, getRequestedFor(urlPathEqualTo(IRIS)));
    }

    @Test
    void errorBodiesMapBackToTheirExceptionTypes() {
        stubError("/api/v1/datasets/nope", 404, "{\"error_code\":\"NOT_FOUND\",\"message\":\"dataset 'nope' not found\","
                + "\"resource_kind\":\"dataset\",\"resource_name\":\"nope\"}");
        stubError("/api/v1/datasets/bad", 400, "{\"error_code\":\"INVALID_INPUT\",\"message\":\"limit must be 1\","
                + "\"field\":\"limit\",\"value\":\"0\"}");
        stubError("/api/v1/datasets/anon", 401, "{\"error_code\":\"UNAUTHENTICATED\",\"message\":\"no key\"}");
        stubError("/api/v1/datasets/other", 403, "{\"error_code\":\"PERMISSION_DENIED\",\"message\":\"not yours\"}");
        try (AiDos aidos = open(fast())) {
            assertThatThrownBy(() -> aidos.datasets().get("nope")).isInstanceOf(DatasetNotFoundException.class)
                    .hasMessage("dataset 'nope' not found");
            assertThatThrownBy(() -> aidos.datasets().get("bad")).isInstanceOf(InvalidInputException.class)
                    .hasMessage("limit must be 1")
                    .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("limit"));
            assertThatThrownBy(() -> aidos.datasets().get("anon")).isInstanceOf(AuthenticationException.class);
            assertThatThrownBy(() -> aidos.datasets().get("other")).isInstanceOf(PermissionDeniedException.class);
        }
    }

    private static void stubError(String path, int status, String body) {
        wm.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }
}
