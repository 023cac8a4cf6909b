package io.aidos.core.internal.search;

import static io.aidos.core.internal.search.TestStore.experiment;
import static io.aidos.core.internal.search.TestStore.metric;
import static io.aidos.core.internal.search.TestStore.param;
import static io.aidos.core.internal.search.TestStore.run;
import static io.aidos.core.internal.search.TestStore.tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aidos.api.InvalidInputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opentest4j.TestAbortedException;

/**
 * What searches return, on a real database: one subclass per database. Experiment 1 ("iris") holds r1..r5 and
 * r7 (r5 deleted), experiment 2 holds r6. Default order is start_time DESC, run_id ASC: r4, r3, r2, r7, r1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RunSearchExecutionTest {
    private static final String EVIL_KEY = "x'; DROP TABLE runs; --";

    private Connection connection;
    /** Why the database is missing, or null. Kept so each test reports the skip (surefire hides a class abort). */
    private String unavailable;

    /** A connection to an empty database or schema, kept open for the whole class; may abort by assumption. */
    protected abstract Connection open() throws SQLException;

    protected abstract void drop(Connection connection) throws SQLException;

    @BeforeAll
    void createStore() throws SQLException {
        try {
            connection = open();
        } catch (TestAbortedException e) {
            unavailable = e.getMessage();
            return;
        }
        TestStore.migrate(connection);
        Connection c = connection;
        experiment(c, 1, "iris");
        experiment(c, 2, "mnist");
        run(c, "r1", 1, "alpha", "FINISHED", 1000, 2000L, "active");
        run(c, "r2", 1, "beta", "FINISHED", 2000, 3000L, "active");
        run(c, "r3", 1, "gamma", "RUNNING", 3000, null, "active");
        run(c, "r4", 1, "delta", "FAILED", 4000, 4500L, "active");
        run(c, "r5", 1, "deleted", "FINISHED", 5000, 6000L, "deleted");
        run(c, "r6", 2, "other", "FINISHED", 1500, 2500L, "active");
        run(c, "r7", 1, "epsilon", "KILLED", 2000, 2100L, "active");
        param(c, "r1", "model", "xgb");
        param(c, "r2", "model", "rf");
        param(c, "r3", "model", "xgb");
        param(c, "r5", "model", "xgb");
        param(c, "r6", "model", "xgb");
        param(c, "r7", "model", "XGB");
        param(c, "r3", "a.b", "x");
        param(c, "r3", "pattern", "a_b");
        param(c, "r4", "pattern", "axb");
        param(c, "r7", "x", "1' OR '1'='1");
        param(c, "r7", "it's", "v");
        tag(c, "r1", "team", "a");
        tag(c, "r2", "team", "x");
        tag(c, "r3", "team", "b");
        tag(c, "r4", "team", "a");
        tag(c, "r7", EVIL_KEY, "evil");
        metric(c, "r1", "accuracy", 0.95);
        metric(c, "r2", "accuracy", 0.85);
        metric(c, "r3", "accuracy", 0.92);
        metric(c, "r5", "accuracy", 0.99);
        metric(c, "r6", "accuracy", 0.99);
        metric(c, "r7", "accuracy", 0.85);
        metric(c, "r1", "val loss", 0.3);
        metric(c, "r2", "val loss", 0.5);
    }

    @BeforeEach
    void requireStore() {
        assumeTrue(unavailable == null, unavailable);
    }

    @AfterAll
    void dropStore() throws SQLException {
        if (connection != null) {
            drop(connection);
            connection.close();
        }
    }

    private List<String> search(String filter, String... orderBy) throws SQLException {
        return search(List.of(1L), filter, List.of(orderBy), 100);
    }

    private List<String> search(List<Long> experiments, String filter, List<String> orderBy, int limit)
            throws SQLException {
        SqlQuery query = RunSearchSql.build(experiments, filter, orderBy, limit);
        try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
            for (int i = 0; i < query.params().size(); i++) {
                statement.setObject(i + 1, query.params().get(i));
            }
            List<String> runIds = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    runIds.add(rows.getString(1));
                }
            }
            return runIds;
        }
    }

    private static List<String> runs(String commaSeparated) {
        return commaSeparated.isBlank() ? List.of() : List.of(commaSeparated.trim().split("\\s*,\\s*"));
    }

    @Test
    void emptyFilterReturnsActiveRunsNewestFirst() throws SQLException {
        assertThat(search("")).containsExactly("r4", "r3", "r2", "r7", "r1");
    }

    @Test
    void theExampleFromTheApi() throws SQLException {
        assertThat(search("metrics.accuracy > 0.9 and params.model = 'xgb' and tags.team != 'x'"))
                .containsExactly("r3", "r1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            // metrics: runs without the metric never match, not even !=
            "metrics.accuracy = 0.85                  | r2, r7",
            "metrics.accuracy != 0.85                 | r3, r1",
            "metrics.accuracy < 0.9                   | r2, r7",
            "metrics.accuracy <= 0.92                 | r3, r2, r7",
            "metrics.accuracy > 9.2e-1                | r1",
            "metrics.accuracy >= 0.95                 | r1",
            "metrics.accuracy > -1                    | r3, r2, r7, r1",
            "metrics.`val loss` < 0.4                 | r1",
            "metrics.missing > 0                      | ",
            // params: case-sensitive =, LIKE; case-insensitive ILIKE
            "params.model = 'xgb'                     | r3, r1",
            "params.model != 'xgb'                    | r2, r7",
            "params.model LIKE 'x%'                   | r3, r1",
            "params.model ILIKE 'x%'                  | r3, r7, r1",
            "params.model IN ('rf', 'XGB')            | r2, r7",
            "params.model NOT IN ('xgb')              | r2, r7",
            "params.pattern LIKE 'a_b'                | r4, r3",
            "params.pattern LIKE 'a\\_b'              | r3",
            "params.\"a.b\" = 'x'                     | r3",
            "params.`it's` = 'v'                      | r7",
            // tags
            "tags.team = 'a'                          | r4, r1",
            "tags.team != 'a'                         | r3, r2",
            "tags.team IN ('a', 'b')                  | r4, r3, r1",
            "tags.team NOT IN ('a')                   | r3, r2",
            "tags.team ILIKE 'A'                      | r4, r1",
            // attributes
            "attributes.status = 'finished'           | r2, r1",
            "attributes.status != 'RUNNING'           | r4, r2, r7, r1",
            "attributes.status IN ('failed', 'Killed') | r4, r7",
            "attributes.status NOT IN ('FINISHED')    | r4, r3, r7",
            "attributes.status LIKE 'fin%'            | r2, r1",
            "attributes.run_name = 'alpha'            | r1",
            "attributes.run_name ILIKE 'ALP%'         | r1",
            "attributes.run_name LIKE '%a'            | r4, r3, r2, r1",
            "attributes.run_id IN ('r1', 'r3', 'r5', 'r6') | r3, r1",
            "attributes.start_time >= 2000            | r4, r3, r2, r7",
            "attributes.start_time < 2e3              | r1",
            "attributes.end_time > 2500               | r4, r2",
            "attributes.end_time != 2000              | r4, r2, r7",
            // aliases and case-insensitive keywords
            "run.status = 'FINISHED' AND attr.start_time > 1000 And metric.accuracy > 0 and param.model = 'rf' and tag.team = 'x' | r2",
            "attribute.run_name ilike 'GAMMA' and params.model in ('xgb') | r3"})
    void filters(String filter, String expected) throws SQLException {
        assertThat(search(filter)).containsExactlyElementsOf(runs(expected == null ? "" : expected));
    }

    @Test
    void searchesSeveralExperiments() throws SQLException {
        assertThat(search(List.of(1L, 2L), "params.model = 'xgb'", List.of(), 100)).containsExactly("r3", "r6", "r1");
        assertThat(search(List.of(2L), "", List.of(), 100)).containsExactly("r6");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            // missing values last in both directions; ties broken by start_time DESC, run_id ASC
            "metrics.accuracy DESC                    | r1, r3, r2, r7, r4",
            "metrics.accuracy                         | r2, r7, r3, r1, r4",
            "metrics.`val loss` ASC                   | r1, r2, r4, r3, r7",
            "tags.team ASC                            | r4, r1, r3, r2, r7",
            "tags.team DESC                           | r2, r3, r4, r1, r7",
            "params.pattern desc                      | r4, r3, r2, r7, r1",
            "attributes.end_time ASC                  | r1, r7, r2, r4, r3",
            "attributes.end_time DESC                 | r4, r2, r7, r1, r3",
            "run_name                                 | r1, r2, r4, r7, r3",
            "start_time                               | r1, r2, r7, r3, r4",
            "attributes.run_id DESC                   | r7, r4, r3, r2, r1",
            "status ASC                               | r4, r2, r1, r7, r3"})
    void orders(String orderBy, String expected) throws SQLException {
        assertThat(search("", orderBy)).containsExactlyElementsOf(runs(expected));
    }

    @Test
    void ordersBySeveralClauses() throws SQLException {
        assertThat(search("", "tags.team ASC", "metrics.accuracy DESC")).containsExactly("r1", "r4", "r3", "r2", "r7");
        assertThat(search("metrics.accuracy < 0.9", "metrics.accuracy", "run_id DESC")).containsExactly("r7", "r2");
    }

    @Test
    void limits() throws SQLException {
        assertThat(search(List.of(1L), "", List.of(), 2)).containsExactly("r4", "r3");
        assertThat(search(List.of(1L), "", List.of("metrics.accuracy DESC"), 1)).containsExactly("r1");
    }

    @Test
    void injectionAttemptsMatchOnlyLiteralValuesAndLeaveTheDatabaseIntact() throws SQLException {
        assertThat(search("params.x = '1'' OR ''1''=''1'")).containsExactly("r7");
        assertThat(search("params.model = 'x'' OR 1=1 --'")).isEmpty();
        assertThat(search("params.model = \"xgb' OR 'a'='a\"")).isEmpty();
        assertThat(search("tags.`x'; DROP TABLE runs; --` = 'evil'")).containsExactly("r7");
        assertThat(search("tags.\"team\"\" OR 1=1 --\" = 'a'")).isEmpty();
        assertThat(search("attributes.run_id IN ('r1'') OR (''1''=''1')")).isEmpty();
        assertThat(search("params.model LIKE '%'' OR 1=1 --'")).isEmpty();
        assertThat(search("", "params.`model' DESC; DROP TABLE runs; --` DESC")).containsExactly("r4", "r3", "r2", "r7", "r1");
        assertThatThrownBy(() -> search("params.model = 'x' OR '1'='1'")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> search("params.model = 'x'; DROP TABLE runs")).isInstanceOf(InvalidInputException.class);
        assertThat(search("")).hasSize(5);
    }
}
