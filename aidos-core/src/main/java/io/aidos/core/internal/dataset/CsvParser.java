package io.aidos.core.internal.dataset;

import io.aidos.api.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Streaming RFC 4180 reader: quoted cells with {@code ""} escapes, commas and newlines inside quotes, LF, CRLF
 * or CR line ends, a leading BOM, strict UTF-8. An unquoted cell equal to a null token is null; a quoted cell is
 * always text. Errors name the source and the physical line where the record starts.
 */
public final class CsvParser implements AutoCloseable {
    /** Unquoted cells read as missing by default, as R and pandas write them. */
    public static final Set<String> DEFAULT_NULL_TOKENS = Set.of("", "NA", "N/A", "null", "NULL");
    private static final int EOF = -1;

    private final Reader reader;
    private final String source;
    private final String[] nullTokens; // a few; comparing is cheaper than hashing every cell
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder cell = new StringBuilder(64); // for cells that span buffers, lines or "" escapes
    private String text; // the last cell read
    private final List<String> cells = new ArrayList<>();
    private int pos;
    private int len;
    private long line = 1;
    private long recordLine;
    private int expectedCells = -1;

    public CsvParser(InputStream in, String sourceName, Set<String> nullTokens) {
        this.reader = new StrictUtf8Reader(in);
        this.source = sourceName;
        this.nullTokens = Set.copyOf(nullTokens).toArray(new String[0]);
    }

    /** Reads the header row: non-blank, unique column names. */
    public String[] readHeader() {
        String[] header = record(true);
        if (header == null) {
            throw new InvalidInputException(source, "", "has no header row (the file is empty)");
        }
        Set<String> seen = new HashSet<>();
        for (String name : header) {
            if (name.isBlank()) {
                throw new InvalidInputException(source + " line " + recordLine, String.join(",", header),
                        "has a blank column name in its header");
            }
            if (!seen.add(name)) {
                throw new InvalidInputException(source + " line " + recordLine, name, "is a duplicate column name");
            }
        }
        expectedCells = header.length;
        return header;
    }

    /** The next record, or null at the end. Its cell count must match the header's. */
    public String[] next() {
        String[] record = record(false);
        if (record != null && expectedCells >= 0 && record.length != expectedCells) {
            throw new InvalidInputException(source + " line " + recordLine, shorten(record),
                    "has " + record.length + " cells where the header has " + expectedCells);
        }
        return record;
    }

    private String[] record(boolean header) {
        int c = read();
        // Blank lines between records are skipped, except with one column, where a blank line is a missing value.
        while ((c == '\n' || c == '\r') && expectedCells != 1) {
            newline(c);
            c = read();
        }
        if (c == EOF) {
            return null;
        }
        if (line == 1 && c == '\uFEFF' && recordLine == 0) {
            c = read();
        }
        recordLine = line;
        cells.clear();
        while (true) {
            boolean quoted = c == '"';
            int end = quoted ? quotedCell() : unquotedCell(c);
            cells.add(!quoted && !header && isNullToken(text) ? null : text);
            if (end == ',') {
                c = read();
                continue;
            }
            if (end != EOF) {
                newline(end);
            }
            return cells.toArray(new String[0]);
        }
    }

    private boolean isNullToken(String s) {
        for (String token : nullTokens) {
            if (token.equals(s)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads an unquoted cell starting with {@code first}, the char just read (so at {@code buffer[pos - 1]});
     * returns the char that ended it. A cell inside the buffer becomes a String in one copy.
     */
    private int unquotedCell(int first) {
        if (first == ',' || first == '\n' || first == '\r' || first == EOF) {
            text = "";
            return first;
        }
        int start = pos - 1;
        for (int i = pos; i < len; i++) {
            char c = buffer[i];
            if (c == ',' || c == '\n' || c == '\r') {
                text = new String(buffer, start, i - start);
                pos = i + 1;
                return c;
            }
        }
        cell.setLength(0);
        cell.append(buffer, start, len - start);
        pos = len;
        int c = read();
        while (c != ',' && c != '\n' && c != '\r' && c != EOF) {
            cell.append((char) c);
            c = read();
        }
        text = cell.toString();
        return c;
    }

    /** Reads a quoted cell after its opening quote; returns the char after the closing quote. */
    private int quotedCell() {
        int close = pos;
        while (close < len && buffer[close] != '"' && buffer[close] != '\n' && buffer[close] != '\r') {
            close++;
        }
        if (close + 1 < len && buffer[close] == '"' && buffer[close + 1] != '"') { // one line, no escapes
            text = new String(buffer, pos, close - pos);
            pos = close + 1;
            return afterClosingQuote(text);
        }
        int end = quotedCellSlowly();
        text = cell.toString();
        return end;
    }

    private int quotedCellSlowly() {
        cell.setLength(0);
        long opened = line;
        while (true) {
            int c = read();
            if (c == EOF) {
                throw new InvalidInputException(source + " line " + opened, shorten(cell),
                        "opens a quoted cell that is never closed");
            }
            if (c == '"') {
                if (peek() == '"') {
                    read();
                    cell.append('"');
                    continue;
                }
                return afterClosingQuote(cell);
            }
            if (c == '\r' && peekLf()) { // keep the cell's text as written, count one line end
                read();
                cell.append('\r');
                c = '\n';
            }
            if (c == '\n' || c == '\r') {
                line++;
            }
            cell.append((char) c);
        }
    }

    private int afterClosingQuote(CharSequence cellText) {
        int after = read();
        if (after == ',' || after == '\n' || after == '\r' || after == EOF) {
            return after;
        }
        throw new InvalidInputException(source + " line " + line, shorten(cellText) + (char) after,
                "has a character after a closing quote (expected ',' or a line end)");
    }

    /** Counts a line end; a CR followed by LF is one line end. */
    private void newline(int c) {
        line++;
        if (c == '\r' && peekLf()) {
            read();
        }
    }

    private boolean peekLf() {
        return peek() == '\n';
    }

    private int peek() {
        int c = read();
        if (c != EOF) {
            pos--;
        }
        return c;
    }

    private int read() {
        if (pos == len) {
            try {
                len = reader.read(buffer, 0, buffer.length);
            } catch (CharacterCodingException e) {
                throw new InvalidInputException(source + " line " + line,
                        "is not valid UTF-8 (re-save the file as UTF-8)", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
            }
            pos = 0;
            if (len <= 0) {
                len = 0;
                return EOF;
            }
        }
        return buffer[pos++];
    }

    private static String shorten(CharSequence cellText) {
        return cellText.length() > 60 ? cellText.subSequence(0, 60) + "..." : cellText.toString();
    }

    private static String shorten(String[] record) {
        String joined = String.join(",", java.util.Arrays.stream(record).map(String::valueOf).toList());
        return joined.length() > 100 ? joined.substring(0, 100) + "..." : joined;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
