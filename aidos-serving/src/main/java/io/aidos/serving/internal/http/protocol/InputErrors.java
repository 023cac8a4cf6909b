package io.aidos.serving.internal.http.protocol;

import io.aidos.api.InvalidInputException;

import java.util.List;

/** Builds the {@link InvalidInputException}s of both codecs, with caller-given names shown shortened. */
final class InputErrors {
    private static final int MAX_SHOWN = 100;
    private static final int MAX_LISTED = 20;

    private InputErrors() {
    }

    /** {@code field + " " + problem}, for problems that already show the offending value (or have none). */
    static InvalidInputException of(String field, String problem) {
        return new InvalidInputException(field, problem, (Throwable) null);
    }

    /** {@code input 'name'}. */
    static String input(String name) {
        return "input " + quote(name);
    }

    /** A caller-given text in quotes, shortened, with control characters made visible. */
    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_SHOWN) + 32).append('\'');
        int shown = Math.min(text.length(), MAX_SHOWN);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('\'');
        if (text.length() > MAX_SHOWN) {
            out.append("... (").append(text.length()).append(" characters)");
        }
        return out.toString();
    }

    /** Names joined with ", ", at most 20 of them. */
    static String list(List<String> names) {
        if (names.size() <= MAX_LISTED) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, MAX_LISTED)) + ", ... (" + names.size() + " in all)";
    }
}
