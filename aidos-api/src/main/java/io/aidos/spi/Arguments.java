package io.aidos.spi;

import io.aidos.api.InvalidInputException;
import java.util.regex.Pattern;

/**
 * The input rules of the API, in one place so every backend (and the server) rejects the same values with the
 * same message. Limits follow MLflow's where MLflow has one.
 */
public final class Arguments {
    /** Longest name of anything: experiment, run, dataset, model, alias, param/metric/tag key. */
    public static final int MAX_NAME_LENGTH = 250;
    /** Longest parameter value (MLflow: 6000). */
    public static final int MAX_PARAM_VALUE_LENGTH = 6000;
    /** Longest tag value (MLflow: 8000). */
    public static final int MAX_TAG_VALUE_LENGTH = 8000;
    /** Longest description or commit message. */
    public static final int MAX_TEXT_LENGTH = 10_000;
    /** Longest artifact path. */
    public static final int MAX_PATH_LENGTH = 1000;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern KEY = Pattern.compile("[\\w\\-. /:]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern RUN_ID = Pattern.compile("[0-9a-f]{32}");

    private Arguments() {
    }

    /** A resource identifier used in URLs and file names: dataset, model, alias, deployment. */
    public static String identifier(String field, String value) {
        requireText(field, value, MAX_NAME_LENGTH);
        if (!IDENTIFIER.matcher(value).matches() || value.contains("..")) {
            throw new InvalidInputException(field, value,
                    "must start with a letter or digit and contain only letters, digits, '.', '_' and '-'");
        }
        return value;
    }

    /** A free display name such as an experiment or run name: no control characters, no surrounding blanks. */
    public static String displayName(String field, String value) {
        requireText(field, value, MAX_NAME_LENGTH);
        if (!value.strip().equals(value)) {
            throw new InvalidInputException(field, value, "must not start or end with whitespace");
        }
        return value;
    }

    /** A parameter, metric or tag key, with MLflow's alphabet: letters, digits, '_', '-', '.', ' ', '/', ':'. */
    public static String key(String field, String value) {
        requireText(field, value, MAX_NAME_LENGTH);
        if (!KEY.matcher(value).matches() || value.startsWith("/") || value.contains("..")) {
            throw new InvalidInputException(field, value,
                    "may contain only letters, digits, '_', '-', '.', ' ', '/' and ':', and no '..' or leading '/'");
        }
        return value;
    }

    /** A run id: 32 lower-case hex digits. */
    public static String runId(String value) {
        if (value == null || !RUN_ID.matcher(value).matches()) {
            throw new InvalidInputException("runId", value, "must be 32 lower-case hexadecimal digits");
        }
        return value;
    }

    /** Optional free text (description, message): may be null, bounded, no control characters but tab/newline. */
    public static String text(String field, String value) {
        if (value == null) {
            return null;
        }
        checkLength(field, value, MAX_TEXT_LENGTH);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f) {
                throw new InvalidInputException(field, value, "must not contain control characters");
            }
        }
        return value;
    }

    /** A value of bounded length (param or tag value); control characters other than tab/newline are rejected. */
    public static String value(String field, String value, int maxLength) {
        if (value == null) {
            throw new InvalidInputException(field, null, "must not be null");
        }
        checkLength(field, value, maxLength);
        return text(field, value);
    }

    /**
     * A relative artifact path: '/'-separated, no empty, '.' or '..' segments, no absolute path, no backslash,
     * no NUL or other control characters. Returned unchanged; it can never escape the folder it is resolved in.
     */
    public static String artifactPath(String field, String path) {
        requireText(field, path, MAX_PATH_LENGTH);
        if (path.startsWith("/") || path.contains("\\") || path.matches("^[A-Za-z]:.*")) {
            throw new InvalidInputException(field, path, "must be a relative path with '/' separators");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new InvalidInputException(field, path, "must not contain empty, '.' or '..' segments");
            }
        }
        return path;
    }

    public static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, null, "must not be null");
        }
        return value;
    }

    private static void requireText(String field, String value, int maxLength) {
        if (value == null) {
            throw new InvalidInputException(field, null, "must not be null");
        }
        if (value.isBlank()) {
            throw new InvalidInputException(field, value, "must not be blank");
        }
        checkLength(field, value, maxLength);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new InvalidInputException(field, value, "must not contain control characters");
            }
        }
    }

    private static void checkLength(String field, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw new InvalidInputException(field, value, "must be at most " + maxLength + " characters");
        }
    }
}
