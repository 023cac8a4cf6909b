package io.aidos.api;

/**
 * An argument or an input file was rejected. Carries the field and (a shortened copy of) the offending value,
 * so a 10 MB bad value never ends up whole in a log line.
 */
public class InvalidInputException extends AiDosException {
    private final String field;
    private final String value;

    public InvalidInputException(String field, Object value, String problem) {
        super(field + " " + problem + describe(value));
        this.field = field;
        this.value = value == null ? null : ErrorValues.shorten(String.valueOf(value));
    }

    public InvalidInputException(String field, Object value, String problem, Throwable cause) {
        super(field + " " + problem + describe(value), cause);
        this.field = field;
        this.value = value == null ? null : ErrorValues.shorten(String.valueOf(value));
    }

    /** A problem with an input as a whole, where no single value can be shown (e.g. undecodable bytes). */
    public InvalidInputException(String field, String problem, Throwable cause) {
        super(field + " " + problem, cause);
        this.field = field;
        this.value = null;
    }

    private static String describe(Object value) {
        return value == null ? " but was null" : " but was " + ErrorValues.quote(String.valueOf(value));
    }

    /** The argument, option or input that was wrong, e.g. {@code replicas} or {@code iris.csv line 12}. */
    public String field() {
        return field;
    }

    /** The offending value, shortened to at most 100 characters; null if it was null. */
    public String value() {
        return value;
    }

    @Override
    public String errorCode() {
        return "INVALID_INPUT";
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
