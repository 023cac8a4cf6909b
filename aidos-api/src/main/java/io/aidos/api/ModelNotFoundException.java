package io.aidos.api;

/** No model with the given name or id exists. */
public class ModelNotFoundException extends NotFoundException {
    public ModelNotFoundException(String name) {
        super("model", name);
    }

    public ModelNotFoundException(String name, String message) {
        super("model", name, message);
    }
}
