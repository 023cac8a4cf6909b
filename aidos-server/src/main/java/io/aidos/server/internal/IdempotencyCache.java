package io.aidos.server.internal;

import io.aidos.api.InvalidInputException;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Remembers the answers of POSTs sent with an {@code Idempotency-Key} header (per caller, organization, route and
 * key, the most recent 10,000), so a client that retries after a lost answer gets the first answer instead of a second effect. A retry
 * that arrives while the first attempt is still running waits for it. Only successful answers are kept: a failed
 * attempt may be retried for real.
 */
public final class IdempotencyCache {
    private static final int MAX_KEYS = 10_000;
    private static final int MAX_KEY_LENGTH = 200;
    private final Map<String, CompletableFuture<Object>> answers = new ConcurrentHashMap<>();
    private final Map<String, Boolean> order = new LinkedHashMap<>();

    /** Runs {@code work} once per key (or every time without a key) and answers 200 with its result. */
    public void answer(Context ctx, Supplier<Object> work) {
        String key = ctx.header("Idempotency-Key");
        if (key == null) {
            Json.ok(ctx, work.get());
            return;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new InvalidInputException("Idempotency-Key", key, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        // Per caller and organization too: another caller's key never replays an answer meant for someone else.
        io.aidos.server.Principal caller = io.aidos.server.AidosServer.principal(ctx);
        String slot = caller.id() + " " + Tenancy.organization(ctx) + " " + ctx.path() + " " + key;
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> first = answers.putIfAbsent(slot, mine);
        if (first != null) {
            ctx.header("Idempotent-Replayed", "true");
            Json.ok(ctx, first.join());
            return;
        }
        try {
            Object result = work.get();
            mine.complete(result);
            remember(slot);
            Json.ok(ctx, result);
        } catch (RuntimeException e) {
            answers.remove(slot);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private void remember(String slot) {
        synchronized (order) {
            order.put(slot, Boolean.TRUE);
            if (order.size() > MAX_KEYS) {
                String eldest = order.keySet().iterator().next();
                order.remove(eldest);
                answers.remove(eldest);
            }
        }
    }
}
