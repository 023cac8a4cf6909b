package io.aidos.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aidos.api.AlreadyExistsException;
import io.aidos.api.ArtifactInfo;
import io.aidos.api.ArtifactNotFoundException;
import io.aidos.api.ConflictException;
import io.aidos.api.Experiment;
import io.aidos.api.ExperimentNotFoundException;
import io.aidos.api.MetricPoint;
import io.aidos.api.Run;
import io.aidos.api.RunNotFoundException;
import io.aidos.api.RunStatus;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Experiments and runs: lifecycle, params, metrics, tags, artifacts, persistence. */
public interface TrackingContract extends ContractFixture {

    @Test
    default void runLifecycleFinishedFailedKilled() {
        Experiment exp = aidos().experiments().getOrCreate("lifecycle");
        assertThat(aidos().experiments().getOrCreate("lifecycle").id()).isEqualTo(exp.id());
        String finished;
        try (Run run = exp.startRun("baseline")) {
            assertThat(run.id()).matches("[0-9a-f]{32}");
            assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(run.endTime()).isNull();
            assertThat(run.name()).isEqualTo("baseline");
            assertThat(run.experimentId()).isEqualTo(exp.id());
            finished = run.id();
        }
        Run done = aidos().experiments().getRun(finished);
        assertThat(done.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(done.endTime()).isAfterOrEqualTo(done.startTime());

        Run failing = exp.startRun();
        failing.fail(new IllegalStateException("diverged"));
        failing.close(); // must not turn FAILED into FINISHED
        assertThat(failing.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failing.tags()).containsEntry("aidos.error.class", IllegalStateException.class.getName())
                .containsEntry("aidos.error.message", "diverged");

        Run killed = exp.startRun();
        killed.end(RunStatus.KILLED);
        assertThat(killed.status()).isEqualTo(RunStatus.KILLED);
        assertThat(exp.runs()).hasSize(3);
    }

    @Test
    default void paramsAreImmutable() {
        try (Run run = aidos().experiments().getOrCreate("params").startRun()) {
            run.logParam("learning_rate", "0.1");
            run.logParam("learning_rate", "0.1"); // same value: fine, as in MLflow
            assertThatThrownBy(() -> run.logParam("learning_rate", "0.2"))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("learning_rate");
            run.logParams(Map.of("depth", "3", "model", "xgb"));
            assertThat(run.params()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("learning_rate", "0.1", "depth", "3", "model", "xgb"));
        }
    }

    @Test
    default void metricsKeepStepsTimestampsAndNaN() {
        Run run = aidos().experiments().getOrCreate("metrics").startRun();
        for (int step = 0; step < 5; step++) {
            run.logMetric("loss", 1.0 / (step + 1), step);
        }
        run.logMetric("loss", Double.NaN, 5);
        run.logMetrics(Map.of("accuracy", 0.93, "f1", 0.92), 1);
        run.logMetric("accuracy", 0.95, 2);
        run.logMetric("accuracy", 0.10, 0); // an older step does not become the latest value

        List<MetricPoint> loss = run.metricHistory("loss");
        assertThat(loss).extracting(MetricPoint::step).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(loss.get(1).value()).isEqualTo(0.5);
        assertThat(loss.get(5).value()).isNaN();
        assertThat(loss.get(0).timestamp()).isNotNull();
        assertThat(loss).allSatisfy(p -> assertThat(p.name()).isEqualTo("loss"));
        assertThat(run.metrics()).containsEntry("accuracy", 0.95).containsEntry("f1", 0.92);
        assertThat(run.metrics().get("loss")).isNaN();
        assertThat(run.metricHistory("never-logged")).isEmpty();
        run.close();
    }

    @Test
    default void tagsCanBeOverwritten() {
        try (Run run = aidos().experiments().getOrCreate("tags").startRun()) {
            run.setTag("owner", "ana");
            run.setTag("owner", "bo");
            run.setTag("team", "vision");
            assertThat(run.tags()).containsEntry("owner", "bo").containsEntry("team", "vision");
        }
    }

    @Test
    default void artifactsRoundTripAndDeduplicate() throws Exception {
        Path notes = write("notes.txt", "hello artifacts");
        Path dir = tempDir().resolve("model");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("weights.bin"), "w");
        Files.writeString(dir.resolve("sub/config.json"), "{}");
        try (Run run = aidos().experiments().getOrCreate("artifacts").startRun()) {
            run.logArtifact("notes.txt", notes);
            run.logArtifact("copy/notes.txt", "hello artifacts".getBytes(StandardCharsets.UTF_8));
            run.logArtifacts("model", dir);
            List<ArtifactInfo> all = run.artifacts();
            assertThat(all).extracting(ArtifactInfo::path).containsExactly("copy/notes.txt", "model/sub/config.json",
                    "model/weights.bin", "notes.txt");
            assertThat(all.get(0).sha256()).isEqualTo(all.get(3).sha256()).matches("[0-9a-f]{64}");
            assertThat(all.get(3).sizeBytes()).isEqualTo(15);
            try (InputStream in = run.openArtifact("model/sub/config.json")) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{}");
            }
            assertThatThrownBy(() -> run.openArtifact("missing.txt")).isInstanceOf(ArtifactNotFoundException.class);
        }
    }

    @Test
    default void flushedMetricsAreVisibleToOtherHandlesAndSurviveReopen() {
        Run run = aidos().experiments().getOrCreate("persist").startRun("keep");
        run.logParam("seed", "42");
        run.setTag("kind", "test");
        for (int i = 0; i < 2_500; i++) {
            run.logMetric("loss", i, i);
        }
        run.flush();
        assertThat(aidos().experiments().getRun(run.id()).metricHistory("loss")).hasSize(2_500);
        run.logMetric("loss", -1, 2_500); // not flushed explicitly: close() of the backend must write it
        String id = run.id();
        reopen();
        Run again = aidos().experiments().getRun(id);
        assertThat(again.name()).isEqualTo("keep");
        assertThat(again.params()).containsEntry("seed", "42");
        assertThat(again.tags()).containsEntry("kind", "test");
        assertThat(again.metricHistory("loss")).hasSize(2_501);
        assertThat(again.metrics()).containsEntry("loss", -1.0);
        assertThat(aidos().experiments().get("persist").runs()).extracting(Run::id).containsExactly(id);
    }

    @Test
    default void experimentsAreUniqueAndMissingThingsAreNotFound() {
        aidos().experiments().create("unique");
        assertThatThrownBy(() -> aidos().experiments().create("unique")).isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> aidos().experiments().get("absent")).isInstanceOf(ExperimentNotFoundException.class);
        assertThatThrownBy(() -> aidos().experiments().getRun("0123456789abcdef0123456789abcdef"))
                .isInstanceOf(RunNotFoundException.class);
        assertThat(aidos().experiments().list()).extracting(Experiment::name).contains("unique");
    }
}
