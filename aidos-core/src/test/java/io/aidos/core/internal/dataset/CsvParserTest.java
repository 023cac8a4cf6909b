package io.aidos.core.internal.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aidos.api.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cells inside one buffer take a fast path; these pin that it reads and fails exactly as the slow one. */
class CsvParserTest {
    @Test
    void readsQuotedUnquotedNullAndEscapedCells() {
        List<List<String>> rows = parse("a,b,c\r\n\"x\",NA,\"\"\n1,\"say \"\"hi\"\"\",\n\"two\nlines\",\"NA\",\r\n");
        assertThat(rows).containsExactly(List.of("a", "b", "c"), Arrays.asList("x", null, ""),
                Arrays.asList("1", "say \"hi\"", null), Arrays.asList("two\nlines", "NA", null));
    }

    @Test
    void readsCellsThatCrossBufferBoundaries() {
        StringBuilder csv = new StringBuilder("a,b\n");
        List<List<String>> expected = new ArrayList<>();
        expected.add(List.of("a", "b"));
        for (int i = 0; i < 40_000; i++) {
            String plain = "v" + i;
            String quoted = i % 7 == 0 ? "q\"\"" + i : i % 11 == 0 ? "l\n" + i : "q" + i;
            csv.append(plain).append(",\"").append(quoted).append("\"\n");
            expected.add(List.of(plain, quoted.replace("\"\"", "\"")));
        }
        csv.append("x".repeat(100_000)).append(",\"").append("y".repeat(100_000)).append("\"\n");
        expected.add(List.of("x".repeat(100_000), "y".repeat(100_000)));
        assertThat(parse(csv.toString())).isEqualTo(expected);
    }

    @Test
    void errorsNameTheLineWhereTheyOccur() {
        assertThatThrownBy(() -> parse("a,b\n1,2\n\"x\ny\",2\n3\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 5").hasMessageContaining("has 1 cells where the header has 2");
        assertThatThrownBy(() -> parse("a,b\n1,2\n\"x\",\"open\n\n")).hasMessageContaining("line 3")
                .hasMessageContaining("never closed");
        assertThatThrownBy(() -> parse("a,b\n1,2\n\"x\"y,2\n")).hasMessageContaining("line 3")
                .hasMessageContaining("after a closing quote");
        assertThatThrownBy(() -> parse("a,b\n1,\"q\"\"\"z\n")).hasMessageContaining("line 2")
                .hasMessageContaining("after a closing quote");
        byte[] bad = "a,b\n1,2\n3,4\n5,\u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> parse(bad)).hasMessageContaining("line 4").hasMessageContaining("not valid UTF-8");
    }

    private static List<List<String>> parse(String csv) {
        return parse(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static List<List<String>> parse(byte[] csv) {
        List<List<String>> rows = new ArrayList<>();
        try (CsvParser parser = new CsvParser(new ByteArrayInputStream(csv), "t.csv", CsvParser.DEFAULT_NULL_TOKENS)) {
            rows.add(List.of(parser.readHeader()));
            for (String[] r = parser.next(); r != null; r = parser.next()) {
                rows.add(Arrays.asList(r));
            }
        }
        return rows;
    }
}
