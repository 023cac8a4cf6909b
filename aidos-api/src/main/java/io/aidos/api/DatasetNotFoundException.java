package io.aidos.api;

/** No dataset with the given name or id exists. */
public class DatasetNotFoundException extends NotFoundException {
    public DatasetNotFoundException(String name) {
        super("dataset", name);
    }

    public DatasetNotFoundException(String name, String message) {
        super("dataset", name, message);
    }
}
