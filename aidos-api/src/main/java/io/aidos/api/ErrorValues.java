package io.aidos.api;

/** Renders user values inside error messages: shortened and with control characters made visible. */
final class ErrorValues {
    static final int MAX_SHOWN = 100;

    private ErrorValues() {
    }

    static String shorten(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_SHOWN) + 24);
        int shown = Math.min(value.length(), MAX_SHOWN);
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (value.length() > MAX_SHOWN) {
            out.append("... (").append(value.length()).append(" characters)");
        }
        return out.toString();
    }

    static String quote(String value) {
        return "'" + shorten(value) + "'";
    }
}
