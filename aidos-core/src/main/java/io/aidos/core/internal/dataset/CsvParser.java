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
    private final Set<String> nullTokens;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder cell = new StringBuilder(64);
    private final List<String> cells = new ArrayList<>();
    private int pos;
    private int len;
    private long line = 1;
    private long recordLine;
    private int expectedCells = -1;

    public CsvParser(InputStream in, String sourceName, Set<String> nullTokens) {
        this.reader = new StrictUtf8Reader(in);
        this.source = sourceName;
        this.nullTokens = Set.copyOf(nullTokens);
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

    /** The physical line (from 1) where the last record started. */
    public long lineNumber() {
        return recordLine;
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
            String text = cell.toString();
            cells.add(!quoted && !header && nullTokens.contains(text) ? null : text);
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

    /** Reads an unquoted cell starting with {@code first}; returns the char that ended it. */
    private int unquotedCell(int first) {
        cell.setLength(0);
        int c = first;
        while (c != ',' && c != '\n' && c != '\r' && c != EOF) {
            cell.append((char) c);
            c = read();
        }
        return c;
    }

    private int quotedCell() {
        cell.setLength(0);
        long opened = line;
        while (true) {
            int c = read();
            if (c == EOF) {
                throw new InvalidInputException(source + " line " + opened, shortenCell(),
                        "opens a quoted cell that is never closed");
            }
            if (c == '"') {
                int after = read();
                if (after == '"') {
                    cell.append('"');
                    continue;
                }
                if (after == ',' || after == '\n' || after == '\r' || after == EOF) {
                    return after;
                }
                throw new InvalidInputException(source + " line " + line, shortenCell() + (char) after,
                        "has a character after a closing quote (expected ',' or a line end)");
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

    /** Counts a line end; a CR followed by LF is one line end. */
    private void newline(int c) {
        line++;
        if (c == '\r' && peekLf()) {
            read();
        }
    }

    private boolean peekLf() {
        int c = read();
        if (c != EOF) {
            pos--;
        }
        return c == '\n';
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

    private String shortenCell() {
        return cell.length() > 60 ? cell.substring(0, 60) + "..." : cell.toString();
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
