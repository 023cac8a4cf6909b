package io.aidos.serving.internal.http.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * A CSV text split into records and fields (RFC 4180): fields separated by commas, optionally in double quotes
 * (which may hold commas, line breaks and doubled quotes), records ended by LF or CRLF; blank lines are skipped. An
 * empty unquoted field is null, a quoted one ({@code ""}) the empty string.
 *
 * @param records the records, the header first
 * @param lines the line each record starts on (1-based), for error messages
 */
record CsvTable(List<String[]> records, List<Integer> lines) {

    static CsvTable parse(String text) {
        List<String[]> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean inQuotes = false;
        int line = 1;
        int recordLine = 1;
        int quoteLine = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0 && !quoted) {
                inQuotes = true;
                quoted = true;
                quoteLine = line;
            } else if (c == ',') {
                fields.add(quoted || field.length() > 0 ? field.toString() : null);
                field.setLength(0);
                quoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                end(records, lines, fields, field, quoted, recordLine);
                quoted = false;
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (inQuotes) {
            throw InputErrors.of("CSV line " + quoteLine, "opens a quoted field that is never closed");
        }
        end(records, lines, fields, field, quoted, recordLine);
        return new CsvTable(records, lines);
    }

    private static void end(List<String[]> records, List<Integer> lines, List<String> fields, StringBuilder field,
                            boolean quoted, int line) {
        boolean blank = fields.isEmpty() && field.length() == 0 && !quoted;
        if (!blank) {
            fields.add(quoted || field.length() > 0 ? field.toString() : null);
            records.add(fields.toArray(new String[0]));
            lines.add(line);
        }
        fields.clear();
        field.setLength(0);
    }
}
