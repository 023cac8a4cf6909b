package io.aidos.training;

import io.aidos.api.AiDos;
import io.aidos.api.InvalidInputException;
import io.aidos.api.JobFailedException;
import io.aidos.api.JobStatus;
import io.aidos.api.JobTimeoutException;
import io.aidos.api.NotFoundException;
import io.aidos.api.DatasetNotFoundException;
import io.aidos.api.Task;
import io.aidos.api.TrainingJob;
import io.aidos.api.TrainingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Jobs survive restarts, cancel, fail with typed errors; bad specs are refused before anything is stored. */
class TrainingJobLifecycleTest {
    @TempDir
    Path temp;

    @Test
    void aJobSubmittedWithoutAWorkerRunsAfterARestart() {
        Path store = temp.resolve("store");
        String id;
        try (AiDos submitter = TrainingFixture.open(store, 0)) {
            TrainingFixture.importBundled(submitter, "iris", temp);
            TrainingJob job = submitter.trainer().dataset("iris").target("Species").task(Task.CLASSIFICATION)
                    .algorithm("cart").registerAs("iris").submit();
            id = job.id();
            assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
            assertThatThrownBy(() -> job.await(Duration.ofMillis(300))).isInstanceOf(JobTimeoutException.class)
                    .hasMessageContaining("still QUEUED");
        }
        try (AiDos restarted = TrainingFixture.open(store, 1)) {
            TrainingJob job = restarted.trainer().job(id);
            TrainingResult r = job.await(Duration.ofMinutes(2));
            assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(job.attempts()).isEqualTo(1);
            assertThat(r.modelVersion().modelName()).isEqualTo("iris");
            assertThat(restarted.trainer().jobs()).extracting(j -> j.id()).containsExactly(id);
            assertThat(job.spec().datasetVersion()).isEqualTo(1); // pinned at submit
        }
    }

    @Test
    void cancellingAQueuedJobEndsItAndAwaitSaysSo() {
        try (AiDos aidos = TrainingFixture.open(temp.resolve("store"), 0)) {
            TrainingFixture.importBundled(aidos, "iris", temp);
            TrainingJob job = aidos.trainer().dataset("iris").target("Species").task(Task.CLASSIFICATION)
                    .algorithm("cart").submit();
            assertThat(job.cancel()).isEqualTo(JobStatus.CANCELLED);
            assertThatThrownBy(() -> job.await(Duration.ofSeconds(5))).isInstanceOf(JobFailedException.class)
                    .hasMessageContaining("CANCELLED")
                    .satisfies(e -> assertThat(((JobFailedException) e).status()).isEqualTo(JobStatus.CANCELLED));
            assertThat(job.logs().toList()).isEmpty(); // ended: the follower returns at once
        }
    }

    @Test
    void badSpecsAreRefusedAtSubmitAndNothingIsStored() {
        try (AiDos aidos = TrainingFixture.open(temp.resolve("store"), 1)) {
            TrainingFixture.importBundled(aidos, "iris", temp);
            var trainer = aidos.trainer();
            assertThatThrownBy(() -> trainer.dataset("iris").target("Species").task(Task.CLASSIFICATION)
                    .algorithm("logistic-regression").param("epochs", 0).submit())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("epochs")
                    .hasMessageContaining("between 1 and 100000").hasMessageContaining("but was '0'");
            assertThatThrownBy(() -> trainer.dataset("iris").target("Species").task(Task.CLASSIFICATION)
                    .algorithm("xgboost").param("eta", "fast").submit())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be a number");
            assertThatThrownBy(() -> trainer.dataset("iris").target("Species").task(Task.CLASSIFICATION)
                    .algorithm("cart").param("depth", 3).submit())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not a parameter of cart")
                    .hasMessageContaining("max_depth");
            assertThatThrownBy(() -> trainer.dataset("iris").target("Species").task(Task.CLASSIFICATION)
                    .algorithm("deep-magic").submit())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("logistic-regression");
            assertThatThrownBy(() -> trainer.dataset("iris").target("Species").task(Task.CLASSIFICATION)
                    .algorithm("kmeans").submit())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not do CLASSIFICATION");
            assertThatThrownBy(() -> trainer.dataset("iris").target("species").task(Task.CLASSIFICATION)
                    .algorithm("cart").submit())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not a column")
                    .hasMessageContaining("Species");
            assertThatThrownBy(() -> trainer.dataset("iris").target("Species").task(Task.REGRESSION)
                    .algorithm("cart").submit())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("LONG or DOUBLE");
            assertThatThrownBy(() -> trainer.dataset("iris").task(Task.CLASSIFICATION).algorithm("cart").submit())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("target is required");
            assertThatThrownBy(() -> trainer.dataset("iris").algorithm("kmeans").submit())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("task is required without a target");
            assertThatThrownBy(() -> trainer.dataset("nope").target("x").task(Task.CLASSIFICATION)
                    .algorithm("cart").submit()).isInstanceOf(DatasetNotFoundException.class);
            assertThatThrownBy(() -> trainer.dataset("iris").validationSplit(0.95))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("between 0.0 and 0.9");
            assertThatThrownBy(() -> trainer.dataset("iris").param("x", List.of(1)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("string, number or boolean");
            assertThatThrownBy(() -> trainer.dataset("../etc")).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> trainer.job("0123456789abcdef0123456789abcdef"))
                    .isInstanceOf(NotFoundException.class);
            assertThat(trainer.jobs()).isEmpty();
        }
    }

    @Test
    void withoutATaskTheTargetsTypeDecidesIt() {
        try (AiDos aidos = TrainingFixture.open(temp.resolve("store"), 0)) {
            TrainingFixture.importBundled(aidos, "iris", temp);
            assertThat(aidos.trainer().dataset("iris").target("Species").algorithm("cart").submit().spec().task())
                    .isEqualTo(Task.CLASSIFICATION);
            assertThat(aidos.trainer().dataset("iris").target("Petal.Length").algorithm("cart").submit().spec()
                    .task()).isEqualTo(Task.REGRESSION);
            aidos.datasets().create("counts").fromRows(List.of(Map.of("x", 1.0, "grade", 1L),
                    Map.of("x", 2.0, "grade", 2L), Map.of("x", 3.0, "grade", 3L))).commit("few whole numbers");
            assertThat(aidos.trainer().dataset("counts").target("grade").algorithm("cart").submit().spec().task())
                    .isEqualTo(Task.CLASSIFICATION);
            assertThatThrownBy(() -> aidos.trainer().dataset("iris").target("Species").algorithm("linear-regression")
                    .submit()).isInstanceOf(InvalidInputException.class).hasMessageContaining("does not do CLASSIFICATION");
        }
    }

    @Test
    void aJobThatFailsForBadDataFailsOnceWithTheReason() {
        try (AiDos aidos = TrainingFixture.open(temp.resolve("store"), 1)) {
            aidos.datasets().create("one-label").fromRows(List.of(Map.of("x", 1.0, "y", "a"),
                    Map.of("x", 2.0, "y", "a"), Map.of("x", 3.0, "y", "a"))).commit("degenerate");
            TrainingJob job = aidos.trainer().dataset("one-label").target("y").task(Task.CLASSIFICATION)
                    .algorithm("cart").validationSplit(0).submit();
            assertThatThrownBy(() -> job.await(Duration.ofMinutes(1))).isInstanceOf(JobFailedException.class)
                    .hasMessageContaining("only one label");
            assertThat(job.attempts()).as("bad input is not retried").isEqualTo(1);
            assertThat(job.error()).contains("only one label");
        }
    }

    @Test
    void xgboostOnCreditDataWithMixedTypesAndMissingValues() {
        var file = TrainingFixture.shared("credit_data.csv");
        assumeThat(file).as("../shared/data/credit_data.csv (the team's data folder) is absent; skipping").isPresent();
        try (AiDos aidos = TrainingFixture.open(temp.resolve("store"), 1)) {
            var data = aidos.datasets().create("credit").fromCsv(file.get()).commit("credit");
            assertThat(data.stats()).anyMatch(s -> s.nulls() > 0);
            TrainingResult r = aidos.trainer().dataset("credit").target("Status").task(Task.CLASSIFICATION)
                    .algorithm("xgboost").param("num_trees", 60).param("max_depth", 4).registerAs("credit")
                    .submit().await(Duration.ofMinutes(3));
            assertThat(r.metrics().get("accuracy")).isGreaterThan(0.75);
            assertThat(r.metrics().get("roc_auc")).isGreaterThan(0.75);
            try (var p = aidos.models().load("credit", "1")) {
                var out = p.predict(Map.of("Seniority", 9, "Home", "rent", "Time", 60, "Age", 30,
                        "Marital", "married", "Records", "no", "Job", "freelance", "Expenses", 73, "Income", 129));
                assertThat(out.label()).isIn("good", "bad"); // Assets, Debt, Amount, Price missing: imputed
            }
        }
    }
}
