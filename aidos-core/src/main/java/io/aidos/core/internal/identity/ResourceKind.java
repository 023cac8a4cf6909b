package io.aidos.core.internal.identity;

/** The top-level resources that belong to an organization (column {@code org_id}). */
public enum ResourceKind {
    DATASET("dataset", "datasets", "name"),
    EXPERIMENT("experiment", "experiments", "id"),
    REGISTERED_MODEL("registered model", "registered_models", "name"),
    JOB("job", "jobs", "id");

    private final String label;
    private final String table;
    private final String keyColumn;

    ResourceKind(String label, String table, String keyColumn) {
        this.label = label;
        this.table = table;
        this.keyColumn = keyColumn;
    }

    public String label() {
        return label;
    }

    String table() {
        return table;
    }

    /** The column the server names the resource by: datasets and models by name, experiments and jobs by id. */
    String keyColumn() {
        return keyColumn;
    }
}
