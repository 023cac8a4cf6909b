package io.aidos.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.AuthenticationException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An expired access token is refreshed once and the request sent again; a second refusal is final, no loop. */
class RemoteTokenRefreshTest {
    private static final String IRIS = "/api/v1/datasets/iris";
    private static final String IRIS_JSON = "{\"name\":\"iris\",\"description\":null,\"created_at\":\"2026-01-01T00:00:00Z\"}";
    private static final String EXPIRED = "{\"error_code\":\"TOKEN_EXPIRED\",\"message\":\"the access token has expired\"}";
    private WireMockServer wm;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    private AiDos open(String refreshToken) {
        return AiDos.open(AiDosConfig.builder().uri("http://127.0.0.1:" + wm.port()).apiKey("old-access")
                .property("auth.refreshToken", refreshToken).requestTimeout(Duration.ofSeconds(5)).build());
    }

    private void refreshGives(String access) {
        wm.stubFor(post(urlPathEqualTo("/api/v1/auth/refresh")).withRequestBody(equalToJson(
                "{\"refresh_token\": \"rt-1\"}")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"token_type\":\"Bearer\",\"access_token\":\""
                        + access + "\",\"refresh_token\":\"rt-2\"}")));
    }

    @Test
    void anExpiredTokenIsRefreshedOnce() {
        wm.stubFor(get(urlPathEqualTo(IRIS)).withHeader("Authorization", equalTo("Bearer old-access"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody(EXPIRED)));
        wm.stubFor(get(urlPathEqualTo(IRIS)).withHeader("Authorization", equalTo("Bearer new-access"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(IRIS_JSON)));
        refreshGives("new-access");
        try (AiDos aidos = open("rt-1")) {
            assertThat(aidos.datasets().get("iris").name()).isEqualTo("iris");
            assertThat(aidos.datasets().get("iris").name()).isEqualTo("iris"); // the new token sticks
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/auth/refresh")));
        wm.verify(1, getRequestedFor(urlPathEqualTo(IRIS)).withHeader("Authorization", equalTo("Bearer old-access")));
        wm.verify(2, getRequestedFor(urlPathEqualTo(IRIS)).withHeader("Authorization", equalTo("Bearer new-access")));
    }

    @Test
    void aSecond401AfterTheRefreshFailsWithoutLooping() {
        wm.stubFor(get(urlPathEqualTo(IRIS)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(EXPIRED)));
        refreshGives("new-access");
        try (AiDos aidos = open("rt-1")) {
            assertThatThrownBy(() -> aidos.datasets().get("iris")).isInstanceOf(AuthenticationException.class);
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/auth/refresh")));
        wm.verify(2, getRequestedFor(urlPathEqualTo(IRIS)));
    }

    @Test
    void aRefusedRefreshIsAnAuthenticationExceptionAndAPlain401IsNotRefreshed() {
        wm.stubFor(get(urlPathEqualTo(IRIS)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(EXPIRED)));
        wm.stubFor(post(urlPathEqualTo("/api/v1/auth/refresh")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error_code\":\"UNAUTHENTICATED\",\"message\":\"invalid refresh token\"}")));
        try (AiDos aidos = open("rt-1")) {
            assertThatThrownBy(() -> aidos.datasets().get("iris")).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("log in again");
        }
        wm.resetAll();
        wm.stubFor(get(urlPathEqualTo(IRIS)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error_code\":\"UNAUTHENTICATED\",\"message\":\"invalid API key\"}")));
        try (AiDos aidos = open("rt-1")) {
            assertThatThrownBy(() -> aidos.datasets().get("iris")).isInstanceOf(AuthenticationException.class);
        }
        wm.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/auth/refresh")));
    }
}
