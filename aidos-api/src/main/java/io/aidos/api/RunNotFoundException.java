package io.aidos.api;

/** No run with the given name or id exists. */
public class RunNotFoundException extends NotFoundException {
    public RunNotFoundException(String name) {
        super("run", name);
    }

    public RunNotFoundException(String name, String message) {
        super("run", name, message);
    }
}
