package io.aidos.api;

/** A run's lifecycle, as in MLflow. */
public enum RunStatus {
    RUNNING, FINISHED, FAILED, KILLED;

    public boolean isTerminal() {
        return this != RUNNING;
    }
}
