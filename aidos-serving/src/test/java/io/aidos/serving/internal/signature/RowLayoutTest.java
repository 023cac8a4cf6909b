package io.aidos.serving.internal.signature;

import io.aidos.api.Task;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowLayoutTest {
    private static final TensorSpec A = TensorSpec.of("a", "FP64", -1);
    private static final TensorSpec B = TensorSpec.of("b", "BYTES", -1);
    private static final TensorSpec C = TensorSpec.of("c", "FP64", -1);
    private static final ModelSignature SIGNATURE = new ModelSignature(List.of(A, B, C), List.of(), true,
            Task.REGRESSION);

    @Test
    void aRowReadsLikeTheHashMapOfItsColumnsNullsIncluded() {
        Map<String, Object> row = SIGNATURE.inputLayout().row(new Object[] {1.5, "x", null});
        Map<String, Object> same = new HashMap<>();
        same.put("a", 1.5);
        same.put("b", "x");
        same.put("c", null);
        assertThat(row).isEqualTo(same).hasSameHashCodeAs(same).hasSize(3);
        assertThat(same).isEqualTo(row);
        assertThat(row.get("a")).isEqualTo(1.5);
        assertThat(row.get("c")).isNull();
        assertThat(row.containsKey("c")).isTrue();
        assertThat(row.get("d")).isNull();
        assertThat(row.containsKey("d")).isFalse();
        assertThat(row.keySet()).containsExactly("a", "b", "c");
        assertThatThrownBy(() -> row.put("d", 1.0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void readsInAnyOrderFindTheirColumn() {
        Map<String, Object> row = SIGNATURE.inputLayout().row(new Object[] {1.0, "x", 3.0});
        for (String key : List.of("a", "b", "c", "c", "a", "d", "b", "a", "c", "b")) {
            assertThat(row.get(key)).as(key).isEqualTo(Map.of("a", 1.0, "b", "x", "c", 3.0).get(key));
        }
        assertThat(row.get(null)).isNull();
        assertThat(row.get(new String("b"))).isEqualTo("x"); // equal, not the same instance
    }

    @Test
    void inputsBoundInTheirOwnOrderShareTheSignaturesLayout() {
        assertThat(RowLayout.of(SIGNATURE, new TensorSpec[] {A, B, C})).isSameAs(SIGNATURE.inputLayout());
        RowLayout reordered = RowLayout.of(SIGNATURE, new TensorSpec[] {C, A});
        assertThat(reordered).isNotSameAs(SIGNATURE.inputLayout());
        assertThat(reordered.row(new Object[] {3.0, 1.0})).isEqualTo(Map.of("c", 3.0, "a", 1.0));
        assertThatThrownBy(() -> reordered.row(new Object[] {1.0})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1 values for 2 columns");
    }
}
