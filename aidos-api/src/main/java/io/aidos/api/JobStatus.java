package io.aidos.api;

/** A training or tuning job's lifecycle. QUEUED and RUNNING may change; the others are final. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
