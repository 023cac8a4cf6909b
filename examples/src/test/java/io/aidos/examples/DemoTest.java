package io.aidos.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.aidos.api.AiDos;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's demo runs, twice, on a fresh embedded store and prints what the README promises. */
class DemoTest {
    @TempDir
    Path temp;

    @Test
    void demoPrintsDatasetRunAndModelVersionAndCanRunAgain() throws Exception {
        String uri = "local:" + temp.resolve("demo");
        String first = capture(uri);
        assertThat(first).contains("Dataset iris v1: 150 rows, 5 columns").contains("Sepal.Length")
                .contains("Run nearest-centroid").contains("FINISHED").contains("metric test_accuracy")
                .contains("Registered model 'iris' version 1");
        String second = capture(uri);
        assertThat(second).contains("Dataset iris v2").contains("Registered model 'iris' version 2");
        try (AiDos aidos = AiDos.open(uri)) {
            var versions = aidos.datasets().get("iris").versions();
            assertThat(versions.get(1).contentHash()).isEqualTo(versions.get(0).contentHash());
            double accuracy = aidos.experiments().getRun(aidos.models().get("iris").byAlias("production").runId())
                    .metrics().get("test_accuracy");
            assertThat(accuracy).isGreaterThan(0.8); // nearest centroid on iris is ~0.9
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
