package io.aidos.training.internal.jobs;

import io.aidos.api.AiDos;
import io.aidos.api.EarlyStopping;
import io.aidos.api.Goal;
import io.aidos.api.Job;
import io.aidos.api.JobFailedException;
import io.aidos.api.JobStatus;
import io.aidos.api.Run;
import io.aidos.api.RunQuery;
import io.aidos.api.RunStatus;
import io.aidos.api.SearchSpace;
import io.aidos.api.SearchStrategy;
import io.aidos.api.Task;
import io.aidos.api.TuningDraft;
import io.aidos.api.TuningJob;
import io.aidos.api.TuningResult;
import io.aidos.core.Await;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.training.CurveAlgorithm;
import io.aidos.training.TrainingFixture;
import io.aidos.training.internal.algorithm.AlgorithmCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tuning scheduler (early stopping, cancellation, a retried coordinator) with {@link CurveAlgorithm}, a test
 * double whose trials have exactly the learning curves and durations the test needs. Nothing here is about
 * learning; {@code TuningTest} tunes real models.
 */
class TuningSchedulerTest {
    private static final Duration LEASE = Duration.ofSeconds(3); // heartbeats (and cancel checks) every second
    private static final AlgorithmCatalog CATALOG = new AlgorithmCatalog(List.of(new CurveAlgorithm()));

    @TempDir
    Path temp;
    AiDos aidos;
    LocalTrainer trainer;

    @BeforeEach
    void open() {
        aidos = TrainingFixture.open(temp.resolve("store"), 2); // aidos.trainer() is never called: no default workers
        TrainingFixture.importBundled(aidos, "iris", temp);
        trainer = new LocalTrainer((LocalAiDos) aidos, CATALOG, LEASE);
    }

    @AfterEach
    void close() {
        trainer.close();
        aidos.close();
    }

    private TuningDraft curves(LocalTrainer on, SearchStrategy strategy) {
        return on.tune().dataset("iris").target("Species").task(Task.CLASSIFICATION).algorithm(CurveAlgorithm.NAME)
                .experiment("curves").objective("val_accuracy", Goal.MAXIMIZE).strategy(strategy).parallelism(2);
    }

    /** Good trials come first, so the rules have finished curves to compare the poor ones with. */
    private TuningResult searchWith(EarlyStopping rule) {
        SearchSpace space = SearchSpace.builder().choice("quality", 0.9, 0.85, 0.3, 0.2, 0.1, 0.05).build();
        return curves(trainer, SearchStrategy.GRID).param("epochs", 20).param("epoch_millis", 100)
                .space(space).earlyStopping(rule).submit().await(Duration.ofMinutes(1));
    }

    @Test
    void medianStoppingStopsPoorTrialsAndKeepsTheBest() {
        TuningResult r = searchWith(EarlyStopping.MEDIAN);
        checkStopped(r);
    }

    @Test
    void ashaStopsPoorTrialsAndKeepsTheBest() {
        TuningResult r = searchWith(EarlyStopping.ASHA);
        checkStopped(r);
    }

    private void checkStopped(TuningResult r) {
        assertThat(r.trials()).isEqualTo(6);
        assertThat(r.stoppedEarly()).isGreaterThanOrEqualTo(2);
        assertThat(r.bestParams()).containsEntry("quality", 0.9);
        assertThat(r.bestValue()).isCloseTo(0.9 * (1 - Math.exp(-20 / 3.0)), org.assertj.core.api.Assertions.within(1e-9));
        List<Run> children = aidos.experiments().searchRuns(RunQuery.in("curves")
                .where("tags.`mlflow.parentRunId` = '" + r.run().id() + "'"));
        List<Run> killed = children.stream().filter(c -> c.status() == RunStatus.KILLED).toList();
        assertThat(killed).hasSize(r.stoppedEarly()).allSatisfy(c -> {
            assertThat(Double.parseDouble(c.params().get("quality"))).isLessThan(0.9);
            assertThat(c.metricHistory("val_accuracy").size()).isLessThan(20);
        });
        assertThat(trainer.jobs()).filteredOn(j -> j.kind().equals("train"))
                .filteredOn(j -> j.status() == JobStatus.CANCELLED).hasSize(r.stoppedEarly());
        assertThat(r.bestRun().status()).isEqualTo(RunStatus.FINISHED);
    }

    @Test
    void cancellingATuningJobCancelsItsTrials() throws Exception {
        TuningJob job = curves(trainer, SearchStrategy.RANDOM).param("epochs", 1000).param("epoch_millis", 20)
                .space(SearchSpace.builder().range("quality", 0.1, 0.9).build()).maxTrials(6).submit();
        Await.until("two running trials", Duration.ofSeconds(30), () -> trials(trainer).stream()
                .filter(j -> j.status() == JobStatus.RUNNING).count() == 2);

        assertThat(job.cancel()).isEqualTo(JobStatus.RUNNING); // the coordinator stops at its next check
        assertThatThrownBy(() -> job.await(Duration.ofSeconds(30))).isInstanceOf(JobFailedException.class);
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
        Await.until("trials ended", Duration.ofSeconds(30), () -> trials(trainer).stream()
                .allMatch(j -> j.status().isFinal()));
        assertThat(trials(trainer)).hasSize(2).allSatisfy(j -> assertThat(j.status()).isEqualTo(JobStatus.CANCELLED));
        Run parent = aidos.experiments().searchRuns(RunQuery.in("curves")
                .where("tags.`aidos.job_id` = '" + job.id() + "'")).get(0);
        assertThat(parent.status()).isEqualTo(RunStatus.KILLED);
    }

    @Test
    void aRetriedCoordinatorKeepsTheTrialsItHadFinished() throws Exception {
        TuningJob job = curves(trainer, SearchStrategy.RANDOM).param("epochs", 10).param("epoch_millis", 100)
                .space(SearchSpace.builder().range("quality", 0.1, 0.9).build()).maxTrials(6).parallelism(1)
                .submit();
        Await.until("two finished trials", Duration.ofSeconds(30), () -> trials(trainer).stream()
                .filter(j -> j.status() == JobStatus.SUCCEEDED).count() >= 2);
        trainer.close(); // asks the coordinator to stop: it is queued again, its attempt given back
        List<String> before = trials(trainer).stream().filter(j -> j.status() == JobStatus.SUCCEEDED)
                .map(Job::id).toList();

        trainer = new LocalTrainer((LocalAiDos) aidos, CATALOG, LEASE);
        TuningResult r = trainer.tuningJob(job.id()).await(Duration.ofMinutes(1));

        assertThat(job.attempts()).as("a shutdown uses no attempt").isEqualTo(1);
        assertThat(r.trials()).isEqualTo(6);
        assertThat(trials(trainer)).hasSize(6).extracting(Job::id).containsAll(before);
        assertThat(trials(trainer)).allSatisfy(j -> assertThat(j.attempts()).isEqualTo(1));
        assertThat(job.logLines(0)).anyMatch(l -> l.line().startsWith("recovered "));
        assertThat(aidos.experiments().searchRuns(RunQuery.in("curves")
                .where("tags.`mlflow.parentRunId` = '" + r.run().id() + "'"))).hasSize(6);
    }

    private static List<Job> trials(LocalTrainer trainer) {
        return trainer.jobs().stream().filter(j -> j.kind().equals("train")).toList();
    }
}
