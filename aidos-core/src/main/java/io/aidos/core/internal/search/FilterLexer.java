package io.aidos.core.internal.search;

import io.aidos.api.InvalidInputException;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the tokens of a filter or order-by string on demand. What a token is depends on what the parser
 * expects next (a key may contain dots and dashes, a number may start with one), so the parser asks for each
 * kind by name instead of receiving a token stream.
 *
 * <p>Every read skips leading whitespace. Every error is an {@link InvalidInputException} saying what was
 * expected at which position (0-based character offset) and what was found there.
 */
final class FilterLexer {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final String OPERATOR_CHARS = "<>=!";

    private final String field;
    private final String text;
    private int pos;

    FilterLexer(String field, String text) {
        this.field = field;
        this.text = text;
    }

    /** The whole input, for messages. */
    String text() {
        return text;
    }

    int position() {
        skipWhitespace();
        return pos;
    }

    boolean atEnd() {
        return position() >= text.length();
    }

    /** The next character, or 0 at the end. */
    char peek() {
        return atEnd() ? 0 : text.charAt(pos);
    }

    boolean tryConsume(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(char c, String what) {
        if (!tryConsume(c)) {
            throw error(what);
        }
    }

    /** A word of letters, digits and underscores (entities, attributes, keywords); "" if none is next. */
    String readWord() {
        int start = position();
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    /**
     * A metric, param or tag key: either quoted with backticks or double quotes (the quote doubled inside), or
     * unquoted letters, digits and {@code _ - . / :}.
     */
    String readKey() {
        int start = position();
        char c = peek();
        String key;
        if (c == '`' || c == '"') {
            key = readQuoted(c, "key");
        } else {
            while (pos < text.length() && isKeyChar(text.charAt(pos))) {
                pos++;
            }
            key = text.substring(start, pos);
        }
        if (key.isEmpty()) {
            pos = start;
            throw error("a key (unquoted, or quoted with ` or \")");
        }
        return key;
    }

    /** A run of {@code < > = !}; "" if none is next. Read whole so that {@code >>} is one bad operator. */
    String readOperatorSymbol() {
        int start = position();
        while (pos < text.length() && OPERATOR_CHARS.indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** A string value in single or double quotes. A quote inside is doubled: {@code 'it''s'}. */
    String readString(String expected) {
        char c = peek();
        if (c != '\'' && c != '"') {
            throw error(expected);
        }
        return readQuoted(c, "string");
    }

    /** A number: integer, decimal or scientific, optionally signed. */
    BigDecimal readNumber(String expected) {
        int start = position();
        Matcher matcher = NUMBER.matcher(text).region(start, text.length());
        if (!matcher.lookingAt()) {
            throw error(expected);
        }
        pos = matcher.end();
        return new BigDecimal(text.substring(start, pos));
    }

    /** Backslashes stay literal so that LIKE patterns can use them to escape % and _. */
    private String readQuoted(char quote, String what) {
        int start = pos;
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c != quote) {
                out.append(c);
            } else if (pos < text.length() && text.charAt(pos) == quote) {
                out.append(quote);
                pos++;
            } else {
                return out.toString();
            }
        }
        throw errorAt("a closing " + quote + " (the " + what + " opened at position " + start + ")", text.length());
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || "_-./:".indexOf(c) >= 0;
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    /** "expected {what} at position {here}, found ..." */
    InvalidInputException error(String what) {
        return errorAt(what, position());
    }

    InvalidInputException errorAt(String what, int at) {
        return new InvalidInputException(field, text, "expected " + what + " at position " + at + ", found "
                + found(at));
    }

    /** The token-ish text at a position, short, for the message. */
    private String found(int at) {
        if (at >= text.length()) {
            return "the end";
        }
        int end = at;
        while (end < text.length() && end - at < 20 && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return "'" + text.substring(at, Math.max(end, at + 1)) + "'";
    }
}
