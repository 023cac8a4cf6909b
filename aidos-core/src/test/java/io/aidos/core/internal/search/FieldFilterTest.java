package io.aidos.core.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aidos.api.InvalidInputException;
import io.aidos.core.internal.search.FieldFilter.Field;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldFilterTest {
    private static final Map<String, Field> FIELDS = Map.of("name", new Field("e.name", false),
            "creation_time", new Field("e.created_at", true));
    private static final String TAGS = "EXISTS (SELECT 1 FROM t WHERE t.id = e.id AND t.k = ? AND t.v";

    @Test
    void translatesFieldsAndTagsWithBoundValues() {
        SqlQuery q = FieldFilter.where("filter", "attributes.name LIKE 'a%' AND tags.`my tag` IN ('x', 'y')"
                + " and creation_time >= 10", FIELDS, TAGS);
        assertThat(q.sql()).isEqualTo(" AND e.name LIKE ? AND " + TAGS + " IN (?, ?)) AND e.created_at >= ?");
        assertThat(q.params()).containsExactly("a%", "my tag", "x", "y", 10L);
        assertThat(FieldFilter.where("filter", "  ", FIELDS, TAGS).sql()).isEmpty();
    }

    @Test
    void rejectsUnknownFieldsWrongOperatorsAndOr() {
        assertThatThrownBy(() -> FieldFilter.where("filter", "owner = 'x'", FIELDS, TAGS))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("expected a field");
        assertThatThrownBy(() -> FieldFilter.where("filter", "creation_time LIKE '1'", FIELDS, TAGS))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("operator");
        assertThatThrownBy(() -> FieldFilter.where("filter", "name = 'a' OR name = 'b'", FIELDS, TAGS))
                .hasMessageContaining("OR is not supported");
        assertThatThrownBy(() -> FieldFilter.where("filter", "tags.a = 'x'", FIELDS, null))
                .hasMessageContaining("expected a field");
    }

    @Test
    void ordersByWhitelistedFieldsThenTieBreak() {
        assertThat(FieldFilter.orderBy("orderBy", List.of("name DESC", "attribute.creation_time"), FIELDS, "e.id ASC"))
                .isEqualTo(" ORDER BY e.name DESC, e.created_at ASC, e.id ASC");
        assertThatThrownBy(() -> FieldFilter.orderBy("orderBy", List.of("name; DROP"), FIELDS, "e.id"))
                .isInstanceOf(InvalidInputException.class);
    }
}
