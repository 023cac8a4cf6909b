package io.aidos.api;

/** No experiment with the given name or id exists. */
public class ExperimentNotFoundException extends NotFoundException {
    public ExperimentNotFoundException(String name) {
        super("experiment", name);
    }

    public ExperimentNotFoundException(String name, String message) {
        super("experiment", name, message);
    }
}
