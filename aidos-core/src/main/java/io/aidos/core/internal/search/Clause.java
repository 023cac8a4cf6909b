package io.aidos.core.internal.search;

import java.util.List;

/**
 * One parsed, type-checked filter condition such as {@code metrics.accuracy > 0.9}.
 *
 * @param values one value, or several for IN / NOT IN: {@link Double} for metrics, {@link Long} for times,
 *               {@link String} otherwise (status values already upper-case)
 */
record Clause(Target target, Comparator comparator, List<Object> values) {
    Clause {
        values = List.copyOf(values);
    }
}
