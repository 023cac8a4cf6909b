package io.aidos.benchmarks;

import java.util.List;

/** Formats rows as a Markdown table. */
final class Table {
    private Table() {
    }

    static String markdown(String[] header, List<String[]> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(String.join(" | ", header)).append(" |\n|");
        sb.append(" --- |".repeat(header.length)).append('\n');
        for (String[] row : rows) {
            sb.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return sb.toString();
    }

    static String perSecond(double value) {
        return String.format("%,.0f/s", value);
    }

    static String ratio(double a, double b) {
        return String.format("%.0f%%", 100 * a / b);
    }
}
