package io.aidos.core.internal.tracking;

import java.util.List;

/** The lifecycle stages of experiments and runs, as stored (MLflow's names), and MLflow's view types over them. */
public final class Lifecycle {
    public static final String ACTIVE = "active";
    public static final String DELETED = "deleted";

    private Lifecycle() {
    }

    /** The stages a view type ({@code ACTIVE_ONLY}, {@code DELETED_ONLY}, {@code ALL}) shows; null if unknown. */
    public static List<String> stagesOf(String viewType) {
        return switch (viewType) {
            case "ACTIVE_ONLY" -> List.of(ACTIVE);
            case "DELETED_ONLY" -> List.of(DELETED);
            case "ALL" -> List.of(ACTIVE, DELETED);
            default -> null;
        };
    }
}
