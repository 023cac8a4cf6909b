package io.aidos.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.aidos.api.AiDos;
import io.aidos.api.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identical content is stored once on disk, and failed imports leave no files behind. */
class BlobDeduplicationTest {
    @TempDir
    Path temp;

    @Test
    void identicalArtifactsAndDatasetVersionsShareOneFile() throws Exception {
        Path store = temp.resolve("store");
        Path csv = Files.writeString(temp.resolve("d.csv"), "a,b\n1,x\n2,y\n");
        try (AiDos aidos = AiDos.open("local:" + store)) {
            Run run = aidos.experiments().getOrCreate("dedup").startRun();
            run.logArtifact("one.bin", "same bytes".getBytes());
            run.logArtifact("two.bin", "same bytes".getBytes());
            aidos.experiments().getOrCreate("dedup").startRun().logArtifact("three.bin", "same bytes".getBytes());
            assertThat(blobFiles(store)).isEqualTo(1);

            aidos.datasets().create("d").fromCsv(csv).commit("v1");
            aidos.datasets().get("d").newVersion().fromCsv(csv).commit("v2, same content");
            assertThat(blobFiles(store)).isEqualTo(2);

            Path ragged = Files.writeString(temp.resolve("bad.csv"), "a,b\n1\n");
            try {
                aidos.datasets().get("d").newVersion().fromCsv(ragged).commit("bad");
            } catch (RuntimeException expected) {
                // asserted by the contract suite; here we only check the disk
            }
            assertThat(blobFiles(store)).isEqualTo(2);
            try (Stream<Path> leftovers = Files.list(store.resolve("artifacts").resolve("tmp"))) {
                assertThat(leftovers).isEmpty();
            }
        }
    }

    private static long blobFiles(Path store) throws IOException {
        try (Stream<Path> files = Files.walk(store.resolve("artifacts").resolve("sha256"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
