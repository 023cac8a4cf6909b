package io.aidos.core.internal.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aidos.api.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadAheadTest {
    @Test
    void deliversEveryRecordInOrder() {
        for (int rows : new int[] {0, 1, 127, 128, 129, 256, 5000}) {
            List<String> seen = new ArrayList<>();
            try (CsvParser parser = parser(csv(rows, ""))) {
                parser.readHeader();
                ReadAhead.forEach(parser, r -> seen.add(r[0]));
            }
            assertThat(seen).hasSize(rows);
            for (int i = 0; i < rows; i++) {
                assertThat(seen.get(i)).isEqualTo("r" + i);
            }
        }
    }

    @Test
    void aParseErrorArrivesAfterEveryRecordBeforeIt() {
        List<String> seen = new ArrayList<>();
        try (CsvParser parser = parser(csv(3000, "ragged\n"))) {
            parser.readHeader();
            assertThatThrownBy(() -> ReadAhead.forEach(parser, r -> seen.add(r[0])))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 3002");
        }
        assertThat(seen).hasSize(3000);
    }

    @Test
    void aFailingConsumerStopsTheReader() {
        try (CsvParser parser = parser(csv(100_000, ""))) {
            parser.readHeader();
            assertThatThrownBy(() -> ReadAhead.forEach(parser, r -> {
                throw new IllegalStateException("disk full");
            })).hasMessage("disk full");
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("aidos-csv-read-ahead"));
    }

    private static String csv(int rows, String tail) {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < rows; i++) {
            sb.append('r').append(i).append(",\"x\"\n");
        }
        return sb.append(tail).toString();
    }

    private static CsvParser parser(String csv) {
        return new CsvParser(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "t.csv",
                CsvParser.DEFAULT_NULL_TOKENS);
    }
}
