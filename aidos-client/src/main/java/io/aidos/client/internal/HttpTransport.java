package io.aidos.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.aidos.api.AiDosConfig;
import io.aidos.api.AiDosException;
import io.aidos.api.BackendUnavailableException;
import io.aidos.api.InvalidInputException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends requests to the server. GET, PUT and DELETE, and POSTs that carry an {@code Idempotency-Key}, are retried
 * on 503, 429 (after its Retry-After), timeouts and broken connections, with exponential backoff and jitter; all
 * calls pass one circuit breaker, which opens after repeated failures and then fails fast with
 * {@link BackendUnavailableException}. Other errors map back to the server's exception type.
 */
final class HttpTransport implements AutoCloseable {
    /** {@code AiDosConfig.property("organization", id)}: the organization a user's requests act in. */
    static final String ORGANIZATION_PROPERTY = "organization";
    private final HttpUrl base;
    private final OkHttpClient http;
    private final OkHttpClient streaming;
    private final TokenSession tokens;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final Duration requestTimeout;
    /** The organization every request acts in ({@code X-AIDOS-Org}); null lets the server decide. */
    private final String organization;

    /** What a successful response becomes; runs inside the retry, while the response is open. */
    @FunctionalInterface
    interface ResponseReader<T> {
        T read(Response response) throws IOException;
    }

    HttpTransport(AiDosConfig config) {
        HttpUrl parsed = HttpUrl.parse(config.uri());
        if (parsed == null) {
            throw new InvalidInputException("uri", config.uri(), "is not a valid http(s) URL");
        }
        this.base = parsed;
        this.requestTimeout = config.requestTimeout();
        this.organization = config.properties().get(ORGANIZATION_PROPERTY);
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        ClientTls.configure(builder, config);
        this.http = builder
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.requestTimeout())
                .writeTimeout(config.requestTimeout())
                .retryOnConnectionFailure(false)
                .connectionPool(new ConnectionPool(config.poolSize(), 5, java.util.concurrent.TimeUnit.MINUTES))
                .build();
        this.streaming = http.newBuilder().readTimeout(Duration.ZERO).build();
        this.tokens = new TokenSession(config, parsed);
        ClientSettings s = ClientSettings.of(config);
        this.retry = Retry.of("aidos-http", RetryConfig.custom()
                .maxAttempts(s.maxAttempts())
                .retryOnException(e -> e instanceof RemoteErrors.Unavailable)
                .intervalBiFunction((attempt, outcome) -> backoff(s, attempt,
                        outcome.isLeft() ? outcome.getLeft() : null))
                .build());
        this.breaker = CircuitBreaker.of("aidos-http", CircuitBreakerConfig.custom()
                .failureRateThreshold(s.failureRate())
                .minimumNumberOfCalls(s.minimumCalls())
                .slidingWindowSize(s.window())
                .waitDurationInOpenState(s.openFor())
                .recordException(e -> e instanceof BackendUnavailableException)
                .build());
    }

    static long backoff(ClientSettings s, int attempt, Throwable failure) {
        if (failure instanceof RemoteErrors.Unavailable u && u.retryAfterMillis >= 0) {
            return Math.min(u.retryAfterMillis, 60_000);
        }
        long exp = s.initialBackoff().toMillis() << Math.min(20, Math.max(0, attempt - 1));
        long capped = Math.min(exp, s.maxBackoff().toMillis());
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1); // "equal jitter"
    }

    HttpUrl.Builder url(String... segments) {
        HttpUrl.Builder b = base.newBuilder().addPathSegments("api/v1");
        for (String s : segments) {
            b.addPathSegment(s);
        }
        return b;
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    /** Sends {@code request}; retried when it is safe (see the class comment). */
    <T> T send(Request request, ResponseReader<T> reader) {
        return send(http, request, reader);
    }

    /** Like {@link #send} without a read timeout, for streams that follow a live log. */
    <T> T sendStreaming(Request request, ResponseReader<T> reader) {
        return send(streaming, request, reader);
    }

    /**
     * Sends with the current bearer token; when the server answers TOKEN_EXPIRED and the client holds a refresh
     * token, refreshes once and sends once more (a second refusal is final).
     */
    private <T> T send(OkHttpClient client, Request request, ResponseReader<T> reader) {
        String token = tokens.current();
        try {
            return sendAs(client, request, token, reader);
        } catch (RemoteErrors.TokenExpired expired) {
            if (!tokens.canRefresh() || !replayable(request)) {
                throw expired;
            }
            return sendAs(client, request, tokens.refresh(http, token), reader);
        }
    }

    /** A streamed upload can be read once: it cannot be sent again after a refresh. */
    private static boolean replayable(Request request) {
        return request.body() == null || !request.body().isOneShot();
    }

    private <T> T sendAs(OkHttpClient client, Request request, String token, ResponseReader<T> reader) {
        Request.Builder rb = request.newBuilder();
        if (token != null) {
            rb.header("Authorization", "Bearer " + token);
        }
        if (organization != null) {
            rb.header("X-AIDOS-Org", organization);
        }
        Request req = rb.build();
        Supplier<T> attempt = CircuitBreaker.decorateSupplier(breaker, () -> once(client, req, reader));
        if (retryable(req)) {
            attempt = Retry.decorateSupplier(retry, attempt);
        }
        try {
            return attempt.get();
        } catch (CallNotPermittedException e) {
            throw new BackendUnavailableException("the AI-DOS server at " + base + " failed repeatedly; the client's"
                    + " circuit breaker is open and calls fail fast for a while", e);
        }
    }

    static boolean retryable(Request req) {
        String m = req.method();
        return m.equals("GET") || m.equals("PUT") || m.equals("DELETE") || m.equals("HEAD")
                || req.header("Idempotency-Key") != null;
    }

    private <T> T once(OkHttpClient client, Request req, ResponseReader<T> reader) {
        Response response;
        try {
            response = client.newCall(req).execute();
        } catch (IOException e) {
            throw new RemoteErrors.Unavailable("cannot reach the AI-DOS server at " + base + ": " + e, e);
        }
        boolean keepOpen = false;
        try {
            if (!response.isSuccessful()) {
                String body = response.body().string();
                throw RemoteErrors.of(response.code(), body, retryAfter(response.header("Retry-After")));
            }
            T result = reader.read(response);
            keepOpen = result == response; // a reader that returns the response streams it; the caller closes it
            return result;
        } catch (IOException e) {
            throw new RemoteErrors.Unavailable("the AI-DOS server at " + base + " broke off the answer: " + e, e);
        } finally {
            if (!keepOpen) {
                response.close();
            }
        }
    }

    static long retryAfter(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Math.max(0, Long.parseLong(header.trim())) * 1000;
        } catch (NumberFormatException e) {
            try {
                return Math.max(0, java.time.ZonedDateTime.parse(header.trim(),
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli()
                        - System.currentTimeMillis());
            } catch (java.time.format.DateTimeParseException ignored) {
                return -1;
            }
        }
    }

    /** Reads a JSON answer; an answer that is not JSON is an {@link AiDosException} saying so. */
    static JsonNode json(Response response) throws IOException {
        String body = response.body().string();
        try {
            return Json.MAPPER.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AiDosException("the AI-DOS server answered " + response.request().method() + " "
                    + response.request().url().encodedPath() + " with malformed JSON: " + e.getOriginalMessage()
                    + " (body starts: " + RemoteErrors.shorten(body) + ")", e);
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
