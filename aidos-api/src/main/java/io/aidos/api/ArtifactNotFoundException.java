package io.aidos.api;

/** No artifact with the given name or id exists. */
public class ArtifactNotFoundException extends NotFoundException {
    public ArtifactNotFoundException(String name) {
        super("artifact", name);
    }

    public ArtifactNotFoundException(String name, String message) {
        super("artifact", name, message);
    }
}
