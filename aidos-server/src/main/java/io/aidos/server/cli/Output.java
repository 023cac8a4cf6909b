package io.aidos.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/** Prints results as aligned text or as JSON (one document per command). */
final class Output {
    enum Format { text, json }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private Output() {
    }

    static void json(PrintWriter out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not print JSON: " + e.getMessage(), e);
        }
    }

    /**
     * A list command's result: a JSON array of {@code view(item)}, or a table of {@code row(item)} under
     * {@code header}.
     */
    static <T> void list(PrintWriter out, Format format, List<T> items, Function<T, ?> view, List<String> header,
                         Function<T, List<String>> row) {
        if (format == Format.json) {
            json(out, items.stream().map(view).toList());
        } else {
            table(out, header, items.stream().map(row).toList());
        }
    }

    /** A table with a header row; columns padded to their widest cell. */
    static void table(PrintWriter out, List<String> header, List<List<String>> rows) {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        line(out, header, width);
        for (List<String> r : rows) {
            line(out, r, width);
        }
    }

    private static void line(PrintWriter out, List<String> cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            sb.append(cell);
            if (i < cells.size() - 1) {
                sb.append(" ".repeat(width[i] - cell.length() + 2));
            }
        }
        out.println(sb.toString().stripTrailing());
    }
}
