package io.aidos.serving.internal.http;

import io.aidos.serving.internal.deploy.VariantMetrics;
import io.aidos.serving.internal.stats.LatencyHistogram;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** The text exposition format of the serving counters. */
class PrometheusMetricsTest {
    @Test
    void eachFamilyHasItsHeaderAndOneSamplePerVariant() {
        LatencyHistogram latencies = new LatencyHistogram();
        latencies.record(300_000);      // 0.3 ms
        latencies.record(3_000_000);    // 3 ms
        latencies.record(30_000_000);   // 30 ms
        Map<String, List<VariantMetrics>> byDeployment = new TreeMap<>();
        byDeployment.put("iris", List.of(new VariantMetrics("iris:2", 3, 1, 4, latencies, 33_300_000, 2, 3),
                new VariantMetrics("shadow:iris:3", 0, 0, 0, new LatencyHistogram(), 0, 0, 1)));

        String page = new String(PrometheusMetrics.write(byDeployment), UTF_8);

        assertThat(page).contains("""
                # HELP aidos_serving_requests_total Requests answered (successes and errors) by the variant
                # TYPE aidos_serving_requests_total counter
                aidos_serving_requests_total{deployment="iris",variant="iris:2"} 3
                aidos_serving_requests_total{deployment="iris",variant="shadow:iris:3"} 0
                """);
        String iris2 = "{deployment=\"iris\",variant=\"iris:2\"}";
        assertThat(page).contains("aidos_serving_request_errors_total" + iris2 + " 1\n",
                "aidos_serving_requests_rejected_total" + iris2 + " 4\n",
                "aidos_serving_in_flight_requests" + iris2 + " 2\n",
                "aidos_serving_replicas" + iris2 + " 3\n",
                "# TYPE aidos_serving_in_flight_requests gauge\n");
        String bucket = "aidos_serving_request_duration_seconds_bucket{deployment=\"iris\",variant=\"iris:2\",le=";
        assertThat(page).contains(bucket + "\"0.0005\"} 1\n", bucket + "\"0.0025\"} 1\n", bucket + "\"0.005\"} 2\n",
                bucket + "\"0.025\"} 2\n", bucket + "\"0.05\"} 3\n", bucket + "\"10\"} 3\n", bucket + "\"+Inf\"} 3\n",
                "aidos_serving_request_duration_seconds_sum" + iris2 + " 0.0333\n",
                "aidos_serving_request_duration_seconds_count" + iris2 + " 3\n");
        assertThat(page.lines().filter(l -> l.startsWith("# TYPE"))).hasSize(6);
        assertThat(page).endsWith("\n");
    }

    @Test
    void labelValuesAreEscaped() {
        assertThat(PrometheusMetrics.escape("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
    }
}
