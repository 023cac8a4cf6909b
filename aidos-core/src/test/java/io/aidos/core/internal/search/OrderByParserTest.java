package io.aidos.core.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aidos.api.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderByParserTest {

    @Test
    void readsEntitiesDirectionsAndBareAttributes() {
        assertThat(OrderByParser.parse(List.of("metrics.accuracy DESC", "params.model asc", "tag.team",
                "attributes.end_time Desc", "start_time", "run.status ASC", "metrics.`val loss`")))
                .containsExactly(
                        new OrderClause(new Target(Entity.METRIC, "accuracy"), false),
                        new OrderClause(new Target(Entity.PARAM, "model"), true),
                        new OrderClause(new Target(Entity.TAG, "team"), true),
                        new OrderClause(new Target(Entity.ATTRIBUTE, "end_time"), false),
                        new OrderClause(new Target(Entity.ATTRIBUTE, "start_time"), true),
                        new OrderClause(new Target(Entity.ATTRIBUTE, "status"), true),
                        new OrderClause(new Target(Entity.METRIC, "val loss"), true));
    }

    @Test
    void noClausesIsFine() {
        assertThat(OrderByParser.parse(List.of())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "metrics.accuracy DOWN        | expected ASC, DESC or the end of the clause at position 17, found 'DOWN'",
            "metrics.accuracy DESC extra  | expected the end of the clause at position 22, found 'extra'",
            "accuracy DESC                | expected an attribute (status, run_name, run_id, start_time, end_time) at position 0",
            "metricz.accuracy             | expected an entity (metrics., params., tags. or attributes.) at position 0",
            "attributes.user_id           | expected an attribute",
            "metrics.                     | expected a key",
            "metrics.`val loss            | expected a closing `",
            "'start_time'                 | expected an entity (metrics., params., tags. or attributes.) or an attribute name",
            "start_time, run_id           | expected ASC, DESC or the end of the clause at position 10, found ','"})
    void rejectsMalformedClauses(String clause, String message) {
        assertThatThrownBy(() -> OrderByParser.parse(List.of(clause)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("orderBy"))
                .hasMessageStartingWith("orderBy ")
                .hasMessageContaining(message);
    }

    @Test
    void rejectsBlankAndNull() {
        assertThatThrownBy(() -> OrderByParser.parse(List.of(" "))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> OrderByParser.parse(Arrays.asList((String) null)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> OrderByParser.parse((List<String>) null)).isInstanceOf(InvalidInputException.class);
    }
}
