package io.aidos.core.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aidos.api.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shape of the SQL; {@link RunSearchExecutionTest} checks what it returns. */
class RunSearchSqlTest {

    @Test
    void noFilterSelectsActiveRunsWithTheDefaultOrder() {
        SqlQuery query = RunSearchSql.build(List.of(1L, 2L), "", List.of(), 10);
        assertThat(query.sql()).isEqualTo("SELECT r.run_id FROM runs r WHERE r.experiment_id IN (?, ?)"
                + " AND r.lifecycle_stage = 'active' ORDER BY r.start_time DESC, r.run_id ASC LIMIT ?");
        assertThat(query.params()).containsExactly(1L, 2L, 10);
    }

    @Test
    void bindsKeysAndValuesInTextOrder() {
        SqlQuery query = RunSearchSql.build(List.of(7L),
                "metrics.accuracy > 0.9 and params.model IN ('xgb', 'rf') and attributes.status != 'killed'",
                List.of("params.lr DESC", "metrics.accuracy"), 5);
        assertThat(query.sql()).isEqualTo("SELECT r.run_id FROM runs r"
                + " LEFT JOIN params o0 ON o0.run_id = r.run_id AND o0.param_key = ?"
                + " LEFT JOIN latest_metrics o1 ON o1.run_id = r.run_id AND o1.metric_key = ?"
                + " WHERE r.experiment_id IN (?) AND r.lifecycle_stage = 'active'"
                + " AND EXISTS (SELECT 1 FROM latest_metrics e WHERE e.run_id = r.run_id AND e.metric_key = ?"
                + " AND e.metric_value > ?)"
                + " AND EXISTS (SELECT 1 FROM params e WHERE e.run_id = r.run_id AND e.param_key = ?"
                + " AND e.param_value IN (?, ?))"
                + " AND r.status <> ?"
                + " ORDER BY CASE WHEN o0.param_value IS NULL THEN 1 ELSE 0 END, o0.param_value DESC,"
                + " CASE WHEN o1.metric_value IS NULL THEN 1 ELSE 0 END, o1.metric_value ASC,"
                + " r.start_time DESC, r.run_id ASC LIMIT ?");
        assertThat(query.params())
                .containsExactly("lr", "accuracy", 7L, "accuracy", 0.9, "model", "xgb", "rf", "KILLED", 5);
    }

    @Test
    void userTextNeverReachesTheSql() {
        String evil = "x' OR '1'='1\"; DROP TABLE runs; --";
        SqlQuery query = RunSearchSql.build(List.of(1L),
                "params.`" + evil.replace("`", "``") + "` = '" + evil.replace("'", "''") + "'",
                List.of("tags.\"" + evil.replace("\"", "\"\"") + "\" DESC"), 1);
        assertThat(query.sql()).doesNotContain("DROP", "OR '1'", "--");
        assertThat(query.params()).containsExactly(evil, 1L, evil, evil, 1);
    }

    @Test
    void explicitStartTimeOrRunIdReplacesThatTieBreaker() {
        assertThat(RunSearchSql.build(List.of(1L), "", List.of("start_time"), 1).sql())
                .endsWith("ORDER BY r.start_time ASC, r.run_id ASC LIMIT ?");
        assertThat(RunSearchSql.build(List.of(1L), "", List.of("attributes.end_time DESC"), 1).sql())
                .endsWith("ORDER BY CASE WHEN r.end_time IS NULL THEN 1 ELSE 0 END, r.end_time DESC,"
                        + " r.start_time DESC, r.run_id ASC LIMIT ?");
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> RunSearchSql.build(List.of(), "", List.of(), 1))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("experimentIds"));
        assertThatThrownBy(() -> RunSearchSql.build(List.of(1L), "", List.of(), 0))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        assertThatThrownBy(() -> RunSearchSql.build(List.of(1L), "", List.of(), 50_001))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> RunSearchSql.build(List.of(1L), "metrics.a", List.of(), 1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("filter"));
        assertThatThrownBy(() -> RunSearchSql.build(List.of(1L), "", List.of("metrics.a UP"), 1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("orderBy"));
    }
}
