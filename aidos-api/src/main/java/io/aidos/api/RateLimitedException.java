package io.aidos.api;

import java.time.Duration;

/** Too many requests from one API key or address; try again after {@link #retryAfter()}. */
public class RateLimitedException extends AiDosException {
    private final Duration retryAfter;

    public RateLimitedException(String who, Duration retryAfter) {
        super("too many requests from " + who + "; retry after " + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public String errorCode() {
        return "RATE_LIMITED";
    }

    @Override
    public int httpStatus() {
        return 429;
    }
}
