package io.aidos.core.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aidos.api.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterParserTest {

    private static Clause only(String filter) {
        List<Clause> clauses = FilterParser.parse(filter);
        assertThat(clauses).hasSize(1);
        return clauses.get(0);
    }

    private static Clause clause(Entity entity, String key, Comparator comparator, Object... values) {
        return new Clause(new Target(entity, key), comparator, List.of(values));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void blankFilterHasNoClauses(String filter) {
        assertThat(FilterParser.parse(filter)).isEmpty();
    }

    @Test
    void readsTheExampleFromTheApi() {
        assertThat(FilterParser.parse("metrics.accuracy > 0.9 and params.model = 'xgb' and tags.team != 'x'"))
                .containsExactly(
                        clause(Entity.METRIC, "accuracy", Comparator.GT, 0.9),
                        clause(Entity.PARAM, "model", Comparator.EQ, "xgb"),
                        clause(Entity.TAG, "team", Comparator.NE, "x"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "metrics.m = 1   | EQ", "metrics.m != 1  | NE", "metrics.m < 1 | LT",
            "metrics.m <= 1  | LE", "metrics.m > 1   | GT", "metrics.m >= 1 | GE",
            "metrics.m>=1    | GE", "metrics.m<1     | LT"})
    void readsEveryNumericOperator(String filter, Comparator expected) {
        assertThat(only(filter)).isEqualTo(clause(Entity.METRIC, "m", expected, 1.0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "params.p = 'v'      | EQ", "params.p != 'v'     | NE", "params.p LIKE 'v'  | LIKE",
            "params.p like 'v'   | LIKE", "params.p ILIKE 'v' | ILIKE", "params.p iLike 'v' | ILIKE",
            "params.p IN ('v')   | IN", "params.p in('v')    | IN", "params.p NOT IN ('v') | NOT_IN",
            "params.p not   in ('v') | NOT_IN"})
    void readsEveryStringOperator(String filter, Comparator expected) {
        assertThat(only(filter)).isEqualTo(clause(Entity.PARAM, "p", expected, "v"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "1 | 1.0", "-2 | -2.0", "+3 | 3.0", "0.5 | 0.5", ".5 | 0.5", "5. | 5.0", "1e3 | 1000.0",
            "1.5E-2 | 0.015", "-2e+2 | -200.0"})
    void readsNumbers(String number, double expected) {
        assertThat(only("metrics.m > " + number).values()).containsExactly(expected);
    }

    @Test
    void readsTagsAndInLists() {
        assertThat(only("tags.team IN ('a', \"b\",'c' )"))
                .isEqualTo(clause(Entity.TAG, "team", Comparator.IN, "a", "b", "c"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"metric.m > 1", "metrics.m > 1", "METRICS.m > 1"})
    void acceptsMetricAliases(String filter) {
        assertThat(only(filter).target()).isEqualTo(new Target(Entity.METRIC, "m"));
    }

    @ParameterizedTest
    @CsvSource({"param.k, PARAM", "params.k, PARAM", "tag.k, TAG", "tags.k, TAG"})
    void acceptsParamAndTagAliases(String target, Entity entity) {
        assertThat(only(target + " = 'v'").target()).isEqualTo(new Target(entity, "k"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"attributes", "attribute", "attr", "run", "Attributes"})
    void acceptsAttributeAliases(String prefix) {
        assertThat(only(prefix + ".run_name = 'a'")).isEqualTo(clause(Entity.ATTRIBUTE, "run_name", Comparator.EQ, "a"));
    }

    @Test
    void readsEveryAttribute() {
        assertThat(FilterParser.parse("attributes.status IN ('finished', 'Failed') and attributes.run_name LIKE 'a%'"
                + " and attributes.run_id != 'r1' and attributes.start_time >= 1000 and attributes.END_TIME < 2e3"))
                .containsExactly(
                        clause(Entity.ATTRIBUTE, "status", Comparator.IN, "FINISHED", "FAILED"),
                        clause(Entity.ATTRIBUTE, "run_name", Comparator.LIKE, "a%"),
                        clause(Entity.ATTRIBUTE, "run_id", Comparator.NE, "r1"),
                        clause(Entity.ATTRIBUTE, "start_time", Comparator.GE, 1000L),
                        clause(Entity.ATTRIBUTE, "end_time", Comparator.LT, 2000L));
    }

    @Test
    void upperCasesStatusPatterns() {
        assertThat(only("attributes.status LIKE 'fin%'").values()).containsExactly("FIN%");
    }

    @Test
    void andIsCaseInsensitive() {
        assertThat(FilterParser.parse("metrics.a > 1 AND metrics.b > 2 And metrics.c > 3 and metrics.d > 4"))
                .hasSize(4);
    }

    @Test
    void unquotedKeysMayHoldDotsDashesSlashesAndColons() {
        assertThat(only("tags.mlflow.source-name/x:y_1 = 'v'").target())
                .isEqualTo(new Target(Entity.TAG, "mlflow.source-name/x:y_1"));
    }

    @Test
    void quotedKeysMayHoldAnything() {
        assertThat(only("metrics.`val loss` < 1").target()).isEqualTo(new Target(Entity.METRIC, "val loss"));
        assertThat(only("params.\"a.b\" = 'x'").target()).isEqualTo(new Target(Entity.PARAM, "a.b"));
        assertThat(only("params.`it``s` = 'x'").target()).isEqualTo(new Target(Entity.PARAM, "it`s"));
        assertThat(only("params.\"say \"\"hi\"\"\" = 'x'").target()).isEqualTo(new Target(Entity.PARAM, "say \"hi\""));
    }

    @Test
    void quotesInsideStringsAreDoubledAndBackslashesStayLiteral() {
        assertThat(only("params.p = 'it''s'").values()).containsExactly("it's");
        assertThat(only("params.p = \"say \"\"hi\"\"\"").values()).containsExactly("say \"hi\"");
        assertThat(only("params.p = \"it's\"").values()).containsExactly("it's");
        assertThat(only("params.p LIKE 'a\\_b'").values()).containsExactly("a\\_b");
        assertThat(only("params.p = ''").values()).containsExactly("");
    }

    @Test
    void keepsInjectionAttemptsAsPlainValues() {
        assertThat(only("params.x = '1'' OR ''1''=''1'").values()).containsExactly("1' OR '1'='1");
        assertThat(only("params.`x'; DROP TABLE runs; --` = 'v'").target().key()).isEqualTo("x'; DROP TABLE runs; --");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            // OR, like MLflow
            "metrics.a > 1 or metrics.b > 2        | OR is not supported; combine clauses with AND",
            "metrics.a > 1 OR metrics.b > 2        | uses OR at position 14",
            // missing pieces
            "metrics.accuracy >                    | expected a number for metrics.accuracy at position 18, found the end",
            "metrics.accuracy                      | expected a comparison operator (=, !=, <, <=, > or >=) at position 16, found the end",
            "params.model =                        | expected a quoted string for params.model",
            "metrics.                              | expected a key",
            "metrics                               | expected '.' and a key after 'metrics' at position 7",
            "metrics.a > 1 and                     | expected an entity (metrics., params., tags. or attributes.) at position 17, found the end",
            "and metrics.a > 1                     | expected an entity",
            // bad operators
            "metrics.accuracy >> 0.9               | expected a comparison operator (=, !=, <, <=, > or >=) at position 17, found '>>'",
            "metrics.a == 1                        | expected a comparison operator",
            "metrics.a <> 1                        | expected a comparison operator",
            "metrics.a LIKE 'x'                    | expected an operator for metrics.a (=, !=, <, <=, > or >=) at position 10",
            "params.p > 'x'                        | expected an operator for params.p (=, !=, LIKE, ILIKE, IN or NOT IN) at position 9",
            "params.p NOT 'x'                      | expected a comparison operator",
            "attributes.start_time IN (1)          | expected an operator for attributes.start_time",
            // strings
            "params.p = 'abc                       | expected a closing ' (the string opened at position 11) at position 15, found the end",
            "params.p = \"abc                      | expected a closing \" (the string opened at position 11)",
            "params.`abc = 'x'                     | expected a closing ` (the key opened at position 7)",
            "params.`` = 'x'                       | expected a key",
            // entities and attributes
            "metricz.a > 1                         | expected an entity (metrics., params., tags. or attributes.) at position 0, found 'metricz.a'",
            "accuracy > 1                          | expected an entity",
            "attributes.user_id = 'x'              | expected an attribute (status, run_name, run_id, start_time, end_time) at position 11",
            "attributes.status = 'DONE'            | expected a run status, one of [RUNNING, FINISHED, FAILED, KILLED] at position 20",
            "attributes.status IN ('FINISHED', 'x') | expected a run status",
            // types
            "metrics.x = 'a'                       | expected a number for metrics.x (numbers are not quoted) at position 12",
            "params.y = 3                          | expected a quoted string for params.y (strings are quoted with ' or \") at position 11",
            "attributes.start_time > 'yesterday'   | expected a number for attributes.start_time",
            "attributes.start_time > 1.5           | expected a whole number of epoch milliseconds",
            "attributes.run_name = 7               | expected a quoted string for attributes.run_name",
            "metrics.x > 1e999                     | expected a number within the range of a double",
            "metrics.x > abc                       | expected a number for metrics.x at position 12, found 'abc'",
            // trailing garbage
            "metrics.a > 1 metrics.b > 2           | expected AND or the end of the filter at position 14, found 'metrics.b'",
            "metrics.a > 1 && metrics.b > 2        | expected AND or the end of the filter at position 14, found '&&'",
            "params.p = 'x' 'y'                    | expected AND or the end of the filter",
            "metrics.a > 1;                        | expected AND or the end of the filter at position 13, found ';'",
            // IN lists
            "params.p IN ()                        | expected at least one value in the IN list at position 13, found ')'",
            "params.p NOT IN ( )                   | expected at least one value in the NOT IN list",
            "params.p IN 'a'                       | expected '(' to start the IN list at position 12",
            "params.p IN ('a', )                   | expected a quoted string for params.p",
            "params.p IN ('a' 'b')                 | expected ',' or ')' to end the IN list at position 17",
            "params.p IN ('a'                      | expected ',' or ')' to end the IN list at position 16, found the end"})
    void rejectsMalformedFilters(String filter, String message) {
        assertThatThrownBy(() -> FilterParser.parse(filter))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("filter");
                    assertThat(e.value()).isEqualTo(filter);
                })
                .hasMessageStartingWith("filter ")
                .hasMessageContaining(message);
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> FilterParser.parse(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void messageEndsWithTheWholeFilter() {
        assertThatThrownBy(() -> FilterParser.parse("metrics.accuracy >> 0.9"))
                .hasMessage("filter expected a comparison operator (=, !=, <, <=, > or >=) at position 17, found '>>'"
                        + " but was 'metrics.accuracy >> 0.9'");
    }
}
