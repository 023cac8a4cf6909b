package io.aidos.core.internal.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Same bytes and hash as the Writer-based chain it replaces, for any text, across buffer boundaries. */
class CanonicalOutputTest {
    private static final List<String> TEXTS = List.of("", "a", "no", "27", "Zürich", "日本", "😀", "say \"hi\"",
            "\uD800", "x\uDC00y", "end\uD83D", "\uDE00start", "a\r\nb", "x".repeat(1500), "é".repeat(70_000),
            "q\"".repeat(40_000));

    @Test
    void writesWhatAnOutputStreamWriterWrites() throws Exception {
        Random random = new Random(3);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (Writer w = new OutputStreamWriter(expected, StandardCharsets.UTF_8);
             CanonicalOutput out = new CanonicalOutput(actual, digest)) {
            for (int i = 0; i < 20_000; i++) {
                String s = TEXTS.get(random.nextInt(i < 19_990 ? 13 : TEXTS.size()));
                if (random.nextBoolean()) {
                    quoted(w, s);
                    out.writeQuoted(s);
                } else {
                    w.write(s);
                    out.write(s);
                }
                char sep = random.nextInt(8) == 0 ? '\n' : ',';
                w.write(sep);
                out.write(sep);
            }
        }
        assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(digest.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(expected.toByteArray()));
    }

    private static void quoted(Writer w, String s) throws IOException {
        w.write('"');
        w.write(s.replace("\"", "\"\""));
        w.write('"');
    }
}
