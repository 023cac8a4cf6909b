package io.aidos.server.internal.mlflow;

/** MLflow's limits on one {@code runs/log-batch} request, checked before anything is written. */
final class BatchLimits {
    static final int MAX_METRICS = 1000;
    static final int MAX_PARAMS = 100;
    static final int MAX_TAGS = 100;
    static final int MAX_ENTRIES = 1000;

    private BatchLimits() {
    }

    static void check(int metrics, int params, int tags) {
        over("metrics", metrics, MAX_METRICS);
        over("params", params, MAX_PARAMS);
        over("tags", tags, MAX_TAGS);
        int total = metrics + params + tags;
        if (total > MAX_ENTRIES) {
            throw MlflowException.invalid("A batch logging request can contain at most " + MAX_ENTRIES + " total"
                    + " metrics, params and tags. Got " + total + ". Please split up the batch across multiple"
                    + " requests and try again.");
        }
    }

    private static void over(String what, int count, int max) {
        if (count > max) {
            throw MlflowException.invalid("A batch logging request can contain at most " + max + " " + what
                    + ". Got " + count + " " + what + ". Please split up " + what + " across multiple requests and"
                    + " try again.");
        }
    }
}
