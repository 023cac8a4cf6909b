package io.aidos.api;

/** Creating a resource whose name is taken. */
public class AlreadyExistsException extends AiDosException {
    private final String resourceKind;
    private final String resourceName;

    public AlreadyExistsException(String resourceKind, String resourceName) {
        super(resourceKind + " '" + ErrorValues.shorten(resourceName) + "' already exists");
        this.resourceKind = resourceKind;
        this.resourceName = resourceName;
    }

    public String resourceKind() {
        return resourceKind;
    }

    public String resourceName() {
        return resourceName;
    }

    @Override
    public String errorCode() {
        return "ALREADY_EXISTS";
    }

    @Override
    public int httpStatus() {
        return 409;
    }
}
