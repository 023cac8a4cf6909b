package io.aidos.examples;

import io.aidos.api.AiDos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's demo runs, twice, on a fresh embedded store and prints what the README promises. */
class DemoTest {
    @TempDir
    Path temp;

    @Test
    void demoTrainsRegistersAndPredictsAndCanRunAgain() throws Exception {
        String uri = "local:" + temp.resolve("demo");
        String first = capture(uri);
        assertThat(first).contains("Dataset iris v1: 150 rows, 5 columns").contains("Sepal.Length")
                .contains("[job] attempt 1/3: logistic-regression on iris v1")
                .contains("[job] done: accuracy=").contains("FINISHED").contains("metric accuracy")
                .contains("artifact model/model.tribuo").contains("Registered model 'iris' version 1")
                .contains("Prediction for").contains("virginica")
                .contains("Deployed 'iris-prod'").contains("/deployments/iris-prod/invocations -> 200")
                .contains("{\"predictions\":[\"virginica\"]}");
        String second = capture(uri);
        assertThat(second).contains("Dataset iris v2").contains("Registered model 'iris' version 2");
        try (AiDos aidos = AiDos.open(uri)) {
            var versions = aidos.datasets().get("iris").versions();
            assertThat(versions.get(1).contentHash()).isEqualTo(versions.get(0).contentHash());
            double accuracy = aidos.experiments().getRun(aidos.models().get("iris").byAlias("production").runId())
                    .metrics().get("accuracy");
            assertThat(accuracy).isGreaterThan(0.85);
            try (var p = aidos.models().load("iris", "production")) {
                assertThat(p.predict(Demo.FLOWER).label()).isEqualTo("virginica");
            }
        }
    }

    private static String capture(String uri) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            Demo.main(new String[] {uri});
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
