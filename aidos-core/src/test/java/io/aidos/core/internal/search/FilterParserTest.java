package io.aidos.core.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aidos.api.InvalidInputException;
import io.aidos.core.internal.search.Field.Entity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The filter grammar, clause by clause; execution is covered by the backend contract's SearchContract. */
class FilterParserTest {

    @Test
    void parsesEveryEntityOperatorAndQuoting() {
        List<Clause> c = FilterParser.filter("metrics.accuracy > 0.9 AND params.`learning rate` = '0.1'"
                + " and tags.team != 'it''s' and attributes.status IN ('finished', 'FAILED')"
                + " and attr.start_time >= 1700000000000 and param.model ILIKE 'X%' and tag.t NOT IN ('a')");
        assertThat(c).hasSize(7);
        assertThat(c.get(0)).isEqualTo(new Clause(new Field(Entity.METRIC, "accuracy"), ">", List.of(0.9)));
        assertThat(c.get(1).field()).isEqualTo(new Field(Entity.PARAM, "learning rate"));
        assertThat(c.get(2).values()).containsExactly("it's");
        assertThat(c.get(3).values()).containsExactly("FINISHED", "FAILED");
        assertThat(c.get(4).values()).containsExactly(1700000000000L);
        assertThat(c.get(5).operator()).isEqualTo("ILIKE");
        assertThat(c.get(6).operator()).isEqualTo("NOT IN");
        assertThat(FilterParser.filter("  ")).isEmpty();
    }

    @Test
    void parsesOrderBy() {
        assertThat(FilterParser.orderBy("metrics.accuracy DESC"))
                .isEqualTo(new OrderBy(new Field(Entity.METRIC, "accuracy"), true));
        assertThat(FilterParser.orderBy("start_time")).isEqualTo(new OrderBy(new Field(Entity.ATTRIBUTE, "start_time"), false));
        assertThatThrownBy(() -> FilterParser.orderBy("metrics.x SIDEWAYS")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ASC or DESC");
    }

    @Test
    void rejectsMalformedFiltersWithAPosition() {
        assertThatThrownBy(() -> FilterParser.filter("metrics.accuracy >> 0.9"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("comparison operator at position");
        assertThatThrownBy(() -> FilterParser.filter("metrics.a > 1 or metrics.b > 2"))
                .hasMessageContaining("OR is not supported");
        assertThatThrownBy(() -> FilterParser.filter("params.p = 'open")).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> FilterParser.filter("attributes.status = 'DONE'")).hasMessageContaining("status must be");
        assertThatThrownBy(() -> FilterParser.filter("params.p > 'a'")).hasMessageContaining("does not apply");
        assertThatThrownBy(() -> FilterParser.filter("params.p IN ()")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> FilterParser.filter("metrics.m = 1 extra")).hasMessageContaining("expected AND");
    }

    @Test
    void sqlBindsEveryUserValue() {
        RunSearchSql.SqlQuery q = RunSearchSql.build(List.of(7L), "params.`k' OR 1=1` = 'v''; DROP TABLE runs'",
                List.of("metrics.`m x` DESC"), 10);
        assertThat(q.sql()).doesNotContain("DROP").doesNotContain("OR 1=1").doesNotContain("m x");
        assertThat(q.params()).containsExactly("m x", 7L, "k' OR 1=1", "v'; DROP TABLE runs", 10);
    }
}
