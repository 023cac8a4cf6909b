package io.aidos.serving.internal.http.protocol;

/** How many rows one request may hold, in either protocol: enough for any batch, few enough to bound memory. */
final class RowLimit {
    static final int MAX_ROWS = 100_000;

    private RowLimit() {
    }

    /** Rejects {@code rows} over {@link #MAX_ROWS}; {@code what} names the request part, e.g. {@code input 'x'}. */
    static void check(long rows, String what) {
        if (rows > MAX_ROWS) {
            throw InputErrors.of(what, "holds " + rows + " rows but a request may hold at most " + MAX_ROWS
                    + "; split it into several requests");
        }
    }
}
