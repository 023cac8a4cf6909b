package io.aidos.api;

import java.util.List;

/**
 * One algorithm parameter: its type ({@code int}, {@code double}, {@code boolean} or {@code string}), default, and
 * the allowed range (inclusive; null where unbounded) or choices.
 */
public record ParamInfo(String name, String type, Object defaultValue, Double min, Double max, List<String> choices,
                        String description) {
    public ParamInfo {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }
}
