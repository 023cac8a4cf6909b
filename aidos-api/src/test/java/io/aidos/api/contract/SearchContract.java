package io.aidos.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aidos.api.Experiment;
import io.aidos.api.ExperimentNotFoundException;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Run;
import io.aidos.api.RunQuery;
import io.aidos.api.RunStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** searchRuns: MLflow-style filters, ordering, limits, validation and injection safety. */
public interface SearchContract extends ContractFixture {

    private List<String> names(RunQuery q) {
        return aidos().experiments().searchRuns(q).stream().map(Run::name).toList();
    }

    private void seed() {
        Experiment exp = aidos().experiments().getOrCreate("search");
        Object[][] runs = {
                {"a", 0.91, "xgb", "vision", RunStatus.FINISHED},
                {"b", 0.95, "xgb", "nlp", RunStatus.FINISHED},
                {"c", 0.80, "rf", "vision", RunStatus.FAILED},
                {"d", 0.97, "rf", "vision", RunStatus.FINISHED},
        };
        for (Object[] r : runs) {
            Run run = exp.startRun((String) r[0]);
            run.logMetric("accuracy", (Double) r[1], 1);
            run.logParam("model", (String) r[2]);
            run.setTag("team", (String) r[3]);
            run.end((RunStatus) r[4]);
        }
        Run e = exp.startRun("e"); // running, no metrics
        e.logParam("model", "xgb");
        aidos().experiments().getOrCreate("other").startRun("z").logMetric("accuracy", 0.99).close();
    }

    @Test
    default void filtersOnMetricsParamsTagsAndAttributes() {
        seed();
        assertThat(names(RunQuery.in("search").where("metrics.accuracy > 0.9").orderBy("metrics.accuracy DESC")))
                .containsExactly("d", "b", "a");
        assertThat(names(RunQuery.in("search").where("metrics.accuracy > 0.9 and params.model = 'xgb'")
                .orderBy("metrics.accuracy ASC"))).containsExactly("a", "b");
        assertThat(names(RunQuery.in("search").where("params.model = 'rf' and tags.team != 'nlp'")
                .orderBy("metrics.accuracy DESC"))).containsExactly("d", "c");
        assertThat(names(RunQuery.in("search").where("attributes.status = 'FAILED'"))).containsExactly("c");
        assertThat(names(RunQuery.in("search").where("params.model LIKE 'x%'").orderBy("attributes.run_name")))
                .containsExactly("a", "b", "e");
        assertThat(names(RunQuery.in("search").orderBy("metrics.accuracy DESC").limit(2))).containsExactly("d", "b");
        assertThat(names(RunQuery.in("search", "other").where("metrics.accuracy >= 0.97")
                .orderBy("metrics.accuracy DESC"))).containsExactly("z", "d");
        assertThat(names(RunQuery.in("search"))).hasSize(5);
    }

    @Test
    default void badFiltersAreRejectedWithAReason() {
        seed();
        for (String bad : List.of("metrics.accuracy >> 0.9", "metrics.accuracy > 'high'", "params.model > 3",
                "colour = 'red'", "metrics.accuracy > 0.9 or params.model = 'x'", "params.model = 'unterminated",
                "attributes.nonsense = 'x'", "metrics.accuracy > 0.9 garbage")) {
            assertThatThrownBy(() -> aidos().experiments().searchRuns(RunQuery.in("search").where(bad)))
                    .as(bad).isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> aidos().experiments().searchRuns(RunQuery.in("search").orderBy("metrics.x SIDEWAYS")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> aidos().experiments().searchRuns(RunQuery.in("no-such-experiment")))
                .isInstanceOf(ExperimentNotFoundException.class);
    }

    @Test
    default void injectionAttemptsMatchNothingAndHarmNothing() {
        seed();
        for (String hostile : List.of("params.model = 'x'' OR ''1''=''1'", "params.`model' OR 1=1 --` = 'xgb'",
                "tags.team = 'a''; DROP TABLE runs; --'")) {
            assertThat(aidos().experiments().searchRuns(RunQuery.in("search").where(hostile))).as(hostile).isEmpty();
        }
        assertThat(names(RunQuery.in("search"))).hasSize(5);
    }
}
