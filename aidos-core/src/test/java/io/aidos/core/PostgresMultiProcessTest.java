package io.aidos.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import io.aidos.api.Experiment;
import io.aidos.api.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two processes share one PostgreSQL store: the schema is migrated once and version numbers never collide. */
class PostgresMultiProcessTest {
    @TempDir
    Path temp;

    @BeforeAll
    static void requirePostgres() {
        TestPostgres.assumeAvailable();
    }

    @Test
    void twoProcessesRegisterWithoutCollisions() throws Exception {
        AiDosConfig config = TestPostgres.freshStore(temp);
        String uri = config.uri();
        try (ChildJvm a = new ChildJvm("register", uri, "15"); ChildJvm b = new ChildJvm("register", uri, "15")) {
            List<Integer> versions = new ArrayList<>();
            for (ChildJvm child : List.of(a, b)) {
                String line = child.awaitLine("VERSIONS ").substring("VERSIONS ".length());
                Arrays.stream(line.split(" ")).map(Integer::parseInt).forEach(versions::add);
            }
            assertThat(versions).hasSize(30).doesNotHaveDuplicates();
            assertThat(versions.stream().sorted().toList()).isEqualTo(java.util.stream.IntStream.rangeClosed(1, 30)
                    .boxed().toList());
        }
        try (AiDos aidos = AiDos.open(config)) {
            Experiment shared = aidos.experiments().get("shared");
            assertThat(aidos.experiments().list()).hasSize(1);
            assertThat(shared.runs()).hasSize(2).allSatisfy((Run r) -> assertThat(r.metricHistory("i")).hasSize(15));
            assertThat(aidos.models().get("shared-model").versions()).hasSize(30);
        } finally {
            TestPostgres.dropSchemaOf(config);
        }
    }
}
