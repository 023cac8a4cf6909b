package io.aidos.serving.internal.http;

import io.aidos.serving.internal.deploy.VariantMetrics;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The serving counters in Prometheus's text exposition format (version 0.0.4), as Triton, MLServer and DJL Serving
 * offer them at {@code /metrics}: per deployment and variant, requests, errors, rejections, in-flight requests,
 * replicas, and a latency histogram. Counts are since the deployment started in this process, as in {@code stats()}.
 */
final class PrometheusMetrics {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** Histogram bucket bounds in seconds: from half a millisecond (a small model's request) to ten seconds. */
    static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final long[] BUCKET_NANOS = new long[BUCKETS.length];

    static {
        for (int i = 0; i < BUCKETS.length; i++) {
            BUCKET_NANOS[i] = Math.round(BUCKETS[i] * 1e9);
        }
    }

    private PrometheusMetrics() {
    }

    /** The page for {@code byDeployment}: each deployment's name with its variants' counters. */
    static byte[] write(Map<String, List<VariantMetrics>> byDeployment) {
        StringBuilder out = new StringBuilder(512 + 2048 * byDeployment.size());
        family(out, byDeployment, "aidos_serving_requests_total", "counter",
                "Requests answered (successes and errors) by the variant", VariantMetrics::requests);
        family(out, byDeployment, "aidos_serving_request_errors_total", "counter",
                "Requests the variant failed to answer", VariantMetrics::errors);
        family(out, byDeployment, "aidos_serving_requests_rejected_total", "counter",
                "Requests refused as overloaded (429) before running", VariantMetrics::rejected);
        family(out, byDeployment, "aidos_serving_in_flight_requests", "gauge",
                "Requests running or queued in the variant's replicas now", VariantMetrics::inFlight);
        family(out, byDeployment, "aidos_serving_replicas", "gauge", "Replicas of the variant now",
                VariantMetrics::replicas);
        String latency = "aidos_serving_request_duration_seconds";
        header(out, latency, "histogram", "Time from arrival in the deployment to the answer, queueing included");
        byDeployment.forEach((deployment, variants) -> {
            for (VariantMetrics v : variants) {
                String labels = labels(deployment, v.variant());
                long[] cumulative = v.latencies().cumulativeCounts(BUCKET_NANOS);
                for (int i = 0; i < BUCKETS.length; i++) {
                    sample(out, latency + "_bucket", labels + ",le=\"" + number(BUCKETS[i]) + "\"", cumulative[i]);
                }
                long count = v.requests();
                sample(out, latency + "_bucket", labels + ",le=\"+Inf\"", Math.max(count,
                        cumulative[BUCKETS.length - 1]));
                sample(out, latency + "_sum", labels, v.latencySumNanos() / 1e9);
                sample(out, latency + "_count", labels, count);
            }
        });
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void family(StringBuilder out, Map<String, List<VariantMetrics>> byDeployment, String name,
                               String type, String help, ToDoubleFunction<VariantMetrics> value) {
        header(out, name, type, help);
        byDeployment.forEach((deployment, variants) -> {
            for (VariantMetrics v : variants) {
                sample(out, name, labels(deployment, v.variant()), value.applyAsDouble(v));
            }
        });
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, String labels, double value) {
        out.append(name).append('{').append(labels).append("} ").append(number(value)).append('\n');
    }

    private static String labels(String deployment, String variant) {
        return "deployment=\"" + escape(deployment) + "\",variant=\"" + escape(variant) + "\"";
    }

    /** Whole numbers without a fraction, others in plain decimal ({@code 0.0005}, not {@code 5.0E-4}). */
    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : Double.toString(v);
    }

    /** A label value as the format wants it: backslash, double quote and line feed escaped. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
