package io.aidos.api;

/** A named resource does not exist. Subclasses name the kind: {@link DatasetNotFoundException} and friends. */
public class NotFoundException extends AiDosException {
    private final String resourceKind;
    private final String resourceName;

    public NotFoundException(String resourceKind, String resourceName) {
        this(resourceKind, resourceName, resourceKind + " '" + ErrorValues.shorten(resourceName) + "' not found");
    }

    public NotFoundException(String resourceKind, String resourceName, String message) {
        super(message);
        this.resourceKind = resourceKind;
        this.resourceName = resourceName;
    }

    /** What kind of thing was missing, e.g. {@code dataset}. */
    public String resourceKind() {
        return resourceKind;
    }

    /** The name or id that was looked up. */
    public String resourceName() {
        return resourceName;
    }

    @Override
    public String errorCode() {
        return "NOT_FOUND";
    }

    @Override
    public int httpStatus() {
        return 404;
    }
}
