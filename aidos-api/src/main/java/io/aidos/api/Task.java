package io.aidos.api;

/** What a model learns. The target column's type must fit: labels for classification, numbers for regression. */
public enum Task {
    /** Predicts a label; the target column is any type, read as text. */
    CLASSIFICATION,
    /** Predicts a number; the target column must be LONG or DOUBLE. */
    REGRESSION,
    /** Groups rows without a target. */
    CLUSTERING,
    /** Scores how unusual a row is, without a target. */
    ANOMALY_DETECTION;

    /** Whether this task learns from a target column. */
    public boolean supervised() {
        return this == CLASSIFICATION || this == REGRESSION;
    }
}
