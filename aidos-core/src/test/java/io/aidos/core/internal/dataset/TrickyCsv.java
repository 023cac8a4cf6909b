package io.aidos.core.internal.dataset;

import java.util.Random;

/** Seeded CSV text whose columns mix the cells that type inference and canonical encoding must get right. */
final class TrickyCsv {
    private static final String[] CELLS = {
        "0", "-0", "+0", "007", "-007", "+12", "42", "-1", "9223372036854775807", "-9223372036854775808",
        "9223372036854775808", "-9223372036854775809", "99999999999999999999", "1.5", "-0.0", ".5", "5.", "1e3",
        "1E-3", "-2.5e+10", "1e", "e1", ".", "-", "+", "NaN", "-NaN", "Infinity", "-Infinity", "+Infinity",
        "infinity", "nan", "true", "TRUE", "False", "fALSE", "yes", "NA", "N/A", "null", "", "\"\"", "\"NA\"",
        "\"42\"", "\"true\"", "abc", "Zürich", "日本", "\"a,b\"", "\"say \"\"hi\"\"\"", "\"two\nlines\"",
        "\"cr\r\nlf\"", " 1", "1 ", "0x1F", "1_000", "1.2.3", "--1", "4.9e-324", "1.7976931348623157e308",
        "1e400", "123456789012345678", "1234567890123456789", "0.1", "3.14159265358979323846", "00000000000000000001",
        "😀", "\"😀,x\"",
    };

    /** Cells that keep a column LONG, DOUBLE or BOOLEAN (nulls included), so numeric stats are pinned too. */
    private static final String[][] POOLS = {
        {"0", "-0", "+0", "007", "-007", "+12", "42", "-1", "9223372036854775807", "-9223372036854775808",
            "123456789012345678", "1234567890123456789", "00000000000000000001", "NA", ""},
        {"0", "1.5", "-0.0", ".5", "5.", "1e3", "1E-3", "-2.5e+10", "NaN", "-7.25e-3", "4.9e-324", "0.1",
            "1.7976931348623157e300", "3.14159265358979323846", "9223372036854775808", "-12", "null"},
        {"true", "TRUE", "False", "fALSE", "N/A"},
        {"1", "2", "3", "27", "30", "35"},
    };

    private TrickyCsv() {
    }

    /** A header and {@code rows} rows: a column of any cells, one per typed pool, and text columns. */
    static String generate(Random random, int rows) {
        int columns = 7;
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            sb.append(c > 0 ? "," : "").append("c").append(c);
        }
        sb.append('\n');
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                String cell;
                if (c >= 1 && c <= POOLS.length) {
                    String[] pool = POOLS[c - 1];
                    cell = pool[random.nextInt(pool.length)];
                } else if (c == 0) {
                    cell = CELLS[random.nextInt(CELLS.length)];
                } else {
                    cell = CELLS[(c * 11 + random.nextInt(9)) % CELLS.length];
                }
                sb.append(c > 0 ? "," : "").append(cell);
            }
            sb.append(random.nextInt(10) == 0 ? "\r\n" : "\n");
        }
        return sb.toString();
    }
}
