package io.aidos.core.internal.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aidos.api.AiDos;
import io.aidos.api.ColumnType;
import io.aidos.api.DatasetVersion;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Row;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fromIdx}: MNIST-style images and labels, raw or gzip, into label + pixel columns; bad files store nothing. */
class IdxImportTest {
    private static final int IMAGES = 0x00000803;
    private static final int LABELS = 0x00000801;

    @TempDir
    Path temp;

    /** Three 2x3 images whose pixels are 10*image + pixel, labels 7, 0, 255. */
    private Path images(String name, boolean gzip, int count, int declared) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(IMAGES);
        out.writeInt(declared);
        out.writeInt(2);
        out.writeInt(3);
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < 6; p++) {
                out.writeByte(10 * i + p);
            }
        }
        return write(name, bytes.toByteArray(), gzip);
    }

    private Path labels(String name, boolean gzip, int... labels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(LABELS);
        out.writeInt(labels.length);
        for (int l : labels) {
            out.writeByte(l);
        }
        return write(name, bytes.toByteArray(), gzip);
    }

    private Path write(String name, byte[] content, boolean gzip) throws IOException {
        Path file = temp.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(content);
        }
        return file;
    }

    private AiDos open() {
        return AiDos.open("local:" + temp.resolve("store"));
    }

    @Test
    void importsLabelAndPixelColumnsFromGzipAndRawFilesAlike() throws Exception {
        try (AiDos aidos = open()) {
            DatasetVersion gz = aidos.datasets().create("gz").fromIdx(images("i.gz", true, 3, 3),
                    labels("l.gz", true, 7, 0, 255)).commit("gzip");
            DatasetVersion raw = aidos.datasets().create("raw").fromIdx(images("i", false, 3, 3),
                    labels("l", false, 7, 0, 255)).commit("raw");

            assertThat(gz.schema().names()).containsExactly("label", "pixel_0", "pixel_1", "pixel_2", "pixel_3",
                    "pixel_4", "pixel_5");
            assertThat(gz.schema().columns()).allMatch(c -> c.type() == ColumnType.LONG);
            assertThat(gz.rowCount()).isEqualTo(3);
            assertThat(gz.contentHash()).isEqualTo(raw.contentHash());
            try (Stream<Row> rows = gz.rows()) {
                List<Row> all = rows.toList();
                assertThat(all.get(2).get("label")).isEqualTo(255L);
                assertThat(all.get(1).get("pixel_4")).isEqualTo(14L);
                assertThat(all.get(0).get("label")).isEqualTo(7L);
            }
        }
    }

    @Test
    void importsASliceOfTheInstalledFashionMnist() {
        Path fashion = Path.of("/usr/share/datasets/fashion-mnist");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(fashion),
                "Fashion-MNIST is not installed at " + fashion + "; skipping");
        try (AiDos aidos = open()) {
            DatasetVersion v = aidos.datasets().create("fashion").fromIdx(
                    fashion.resolve("t10k-images-idx3-ubyte.gz"), fashion.resolve("t10k-labels-idx1-ubyte.gz"), 100)
                    .commit("100 test images");
            assertThat(v.rowCount()).isEqualTo(100);
            assertThat(v.schema().size()).isEqualTo(785);
            assertThat(v.schema().names()).endsWith("pixel_783");
        }
    }

    @Test
    void maxRowsKeepsTheFirstImages() throws Exception {
        try (AiDos aidos = open()) {
            DatasetVersion v = aidos.datasets().create("two").fromIdx(images("i", false, 3, 3),
                    labels("l", false, 1, 2, 3), 2).commit("first two");
            assertThat(v.rowCount()).isEqualTo(2);
            assertThatThrownBy(() -> aidos.datasets().create("none").fromIdx(temp.resolve("i"), temp.resolve("l"), 0))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be >= 1");
        }
    }

    @Test
    void badFilesAreInputErrorsNamingTheFileAndStoreNothing() throws Exception {
        Path images = images("i", false, 3, 3);
        Path labels = labels("l", false, 1, 2, 3);
        Path twoLabels = labels("l2", true, 1, 2);
        Path truncated = images("short", false, 2, 3);
        Path swapped = labels;
        try (AiDos aidos = open()) {
            assertThatThrownBy(() -> aidos.datasets().create("x").fromIdx(swapped, labels).commit("swapped"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining(swapped.toString())
                    .hasMessageContaining("is not an IDX file of images");
            assertThatThrownBy(() -> aidos.datasets().create("x").fromIdx(images, twoLabels).commit("count"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("holds 2 labels but " + images + " holds 3 images");
            assertThatThrownBy(() -> aidos.datasets().create("x").fromIdx(truncated, labels).commit("short"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining(truncated.toString())
                    .hasMessageContaining("is truncated");
            assertThatThrownBy(() -> aidos.datasets().create("x").fromIdx(temp.resolve("nope"), labels).commit("-"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not exist");
            assertThat(aidos.datasets().exists("x")).isFalse();
        }
    }
}
