package io.aidos.training;

import io.aidos.api.AiDos;
import io.aidos.api.Goal;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Job;
import io.aidos.api.MetricPoint;
import io.aidos.api.Prediction;
import io.aidos.api.Predictor;
import io.aidos.api.Run;
import io.aidos.api.RunQuery;
import io.aidos.api.RunStatus;
import io.aidos.api.SearchSpace;
import io.aidos.api.SearchStrategy;
import io.aidos.api.Task;
import io.aidos.api.TuningDraft;
import io.aidos.api.TuningJob;
import io.aidos.api.TuningResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real XGBoost searches on iris: trials are child runs, the best is the best child, its model is registered. */
class TuningTest {
    @TempDir
    Path temp;
    AiDos aidos;

    @BeforeEach
    void open() {
        aidos = TrainingFixture.open(temp.resolve("store"), 2);
        TrainingFixture.importBundled(aidos, "iris", temp);
    }

    @AfterEach
    void close() {
        aidos.close();
    }

    private TuningDraft xgboostOnIris(SearchSpace space, SearchStrategy strategy) {
        return aidos.trainer().tune().dataset("iris").target("Species").task(Task.CLASSIFICATION)
                .algorithm("xgboost").param("num_trees", 10).experiment("iris-tuning").space(space)
                .objective("accuracy", Goal.MAXIMIZE).strategy(strategy).maxTrials(6).parallelism(2);
    }

    @Test
    void randomSearchRunsTrialsAsChildRunsAndRegistersTheBest() {
        SearchSpace space = SearchSpace.builder().intRange("max_depth", 1, 6).logRange("eta", 0.05, 0.5).build();
        TuningJob job = xgboostOnIris(space, SearchStrategy.RANDOM).registerAs("iris-best").submit();
        TuningResult r = job.await(Duration.ofMinutes(2));

        List<Run> children = checkTrials(r, 6);
        assertThat(r.stoppedEarly()).isZero();
        assertThat(r.bestParams()).containsOnlyKeys("max_depth", "eta");
        assertThat(r.bestRun().params()).containsEntry("max_depth", String.valueOf(r.bestParams().get("max_depth")))
                .containsEntry("num_trees", "10");
        assertThat(r.run().params()).containsEntry("search.max_depth", "int 1..6")
                .containsEntry("search.eta", "log_uniform 0.05..0.5").containsEntry("num_trees", "10")
                .containsEntry("objective", "accuracy").containsEntry("strategy", "RANDOM");
        assertThat(r.run().tags()).containsEntry("aidos.best_run_id", r.bestRun().id())
                .containsEntry("aidos.job_id", job.id());
        assertThat(children).extracting(c -> c.params().get("eta")).doesNotHaveDuplicates();

        assertThat(r.modelVersion().version()).isEqualTo(1);
        assertThat(r.modelVersion().runId()).isEqualTo(r.bestRun().id());
        try (Predictor p = aidos.models().load("iris-best", "1")) {
            Prediction one = p.predict(Map.of("Sepal.Length", 5.1, "Sepal.Width", 3.5, "Petal.Length", 1.4,
                    "Petal.Width", 0.2));
            assertThat(one.label()).isEqualTo("setosa");
        }

        assertThat(job.logLines(0)).extracting(l -> l.line())
                .anyMatch(l -> l.matches("trial 1/6 max_depth=\\d eta=0\\.\\d+ -> accuracy=\\d\\.\\d{4} \\(best .*\\)"))
                .anyMatch(l -> l.startsWith("done: best trial "));
        assertThat(aidos.trainer().jobs()).extracting(Job::kind).containsOnly("train", "tune").hasSize(7);
        assertThat(aidos.trainer().tuningJob(job.id()).spec().maxTrials()).isEqualTo(6);
        assertThat(aidos.trainer().tuningJob(job.id()).spec().base().datasetVersion()).isEqualTo(1);
        assertThatThrownBy(() -> aidos.trainer().job(job.id())).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void gridSearchTriesEachCombinationOnceAndStopsWhenTheGridIsDone() {
        SearchSpace space = SearchSpace.builder().intRange("max_depth", 2, 3).choice("eta", 0.1, 0.3).build();
        TuningResult r = xgboostOnIris(space, SearchStrategy.GRID).submit().await(Duration.ofMinutes(2));

        List<Run> children = checkTrials(r, 4);
        assertThat(new HashSet<>(children.stream().map(c -> c.params().get("max_depth") + "/"
                + c.params().get("eta")).toList())).containsExactlyInAnyOrder("2/0.1", "2/0.3", "3/0.1", "3/0.3");
        assertThat(r.modelVersion()).isNull();
    }

    @Test
    void tpeSearchFindsAGoodModel() {
        SearchSpace space = SearchSpace.builder().intRange("max_depth", 1, 6).range("subsample", 0.5, 1.0).build();
        TuningResult r = xgboostOnIris(space, SearchStrategy.TPE).submit().await(Duration.ofMinutes(2));
        checkTrials(r, 6);
        assertThat(r.bestValue()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void badSearchSpacesAreRejectedAtSubmitAndNothingIsStored() {
        assertThatThrownBy(() -> xgboostOnIris(SearchSpace.builder().intRange("depth", 1, 4).build(),
                SearchStrategy.RANDOM).submit()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("depth").hasMessageContaining("is not a parameter of xgboost");
        assertThatThrownBy(() -> xgboostOnIris(SearchSpace.builder().intRange("max_depth", 0, 4).build(),
                SearchStrategy.RANDOM).submit()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("max_depth").hasMessageContaining("must be between 1 and 64");
        assertThatThrownBy(() -> xgboostOnIris(SearchSpace.builder().choice("eta", 0.1, 2.0).build(),
                SearchStrategy.RANDOM).submit()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("eta");
        assertThat(aidos.trainer().jobs()).isEmpty();
    }

    /** Every trial is a finished child run; the result's best is the best child; best_accuracy climbs. */
    private List<Run> checkTrials(TuningResult r, int trials) {
        assertThat(r.trials()).isEqualTo(trials);
        assertThat(r.run().status()).isEqualTo(RunStatus.FINISHED);
        List<Run> children = aidos.experiments().searchRuns(RunQuery.in("iris-tuning")
                .where("tags.`mlflow.parentRunId` = '" + r.run().id() + "'"));
        assertThat(children).hasSize(trials).allSatisfy(c -> assertThat(c.status()).isEqualTo(RunStatus.FINISHED));
        double max = children.stream().mapToDouble(c -> c.metrics().get("accuracy")).max().orElseThrow();
        assertThat(r.bestValue()).isEqualTo(max);
        assertThat(r.bestRun().metrics().get("accuracy")).isEqualTo(max);
        assertThat(children).extracting(Run::id).contains(r.bestRun().id());
        List<MetricPoint> best = r.run().metricHistory("best_accuracy");
        assertThat(best).isNotEmpty();
        assertThat(best.get(best.size() - 1).value()).isEqualTo(max);
        for (int i = 1; i < best.size(); i++) {
            assertThat(best.get(i).value()).isGreaterThanOrEqualTo(best.get(i - 1).value());
        }
        return children;
    }
}
