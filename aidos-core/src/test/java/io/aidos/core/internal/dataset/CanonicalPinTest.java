package io.aidos.core.internal.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins the canonical bytes, content hash, schema and statistics of real and generated CSVs, as computed before
 * the import was optimised: a faster encoder must produce exactly the same versions.
 */
class CanonicalPinTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @CsvSource({
        "iris.csv, 12f620385fb068caa5e53d6a9c68a7418ba1d8f248544057c072fc2f8f963bef/ec8e71957c936246",
        "breast_cancer.csv, f56a508adcf07a091c6daf60f35556b3fd493acb5c745b4dfb3eca1f772aba21/c2e26f2b90e06594",
        "Fertility.csv, 683e920ecc70ad36b7e9d69eda816a77cee1ab37f474a3fcea45d603a90de9ae/0122c042c7194422",
        "spam.csv, 4ec1e8ff9b47469e3108c7c3a6fd96f220f71ef646ff1a47987991a4670e03f1/0ccb2a7beff412f3",
        "credit_data.csv, bb645e5185ce738d7e635be2bdfd095d0f6105322aaaca2473c9206f83f18d3f/3ffe8af5cae5eb27",
        "LetterRecognition.csv, 121b48120f17c34997be601d439ced0edcc033bcc81c33cb765ec438fe693d27/3e2b56932921d8f2",
        "ames.csv, 899940a7070e9964254a292a6ec5a270e086b07736314af5510faec7bf6f93b7/882da60674870215",
        "diamonds.csv, 4e8602b9fac7941e4ca868c7cbed4ffc0297184d1b187a18d130d62ee68e4c81/e0d67a0e3e4e998d",
    })
    void realFilesEncodeAsBefore(String name, String pinned) throws IOException {
        Path file = dataFile(name);
        assumeTrue(file != null, name + " not found");
        assertThat(fingerprint(new DatasetSource.Csv(DatasetSource.InputStreamOpener.of(file), name))).isEqualTo(pinned);
    }

    @ParameterizedTest
    @CsvSource({
        "1, 1470459ba13f25f92c662aea95ae642cfb36f36721c77f200e19b8ce5f9b7bdc/977f856ecd108d7b",
        "2, 0764501e3dc0ed4d281871a76212b5668c0e05196132affa720cb3ca0bd45998/ed43ef6c855d14f8",
        "3, 2ab28350d91d797e7c383d63a3d3975009a6fc82cfeda9c7b5fea551b8938575/66dbc9bc8301c9eb",
    })
    void generatedCellsEncodeAsBefore(long seed, String pinned) throws IOException {
        byte[] csv = TrickyCsv.generate(new Random(seed), 3000).getBytes(StandardCharsets.UTF_8);
        assertThat(fingerprint(new DatasetSource.Csv(() -> new ByteArrayInputStream(csv), "gen"))).isEqualTo(pinned);
    }

    /** The content hash plus a digest of everything else a version records. */
    private String fingerprint(DatasetSource source) throws IOException {
        EncodedDataset d = source.encode(temp, CsvParser.DEFAULT_NULL_TOKENS);
        try {
            String all = d.fileSha256() + "|" + d.rowCount() + "|" + d.sizeBytes() + "|" + d.schema() + "|" + d.stats();
            return d.contentHash() + "/" + HexFormat.of().formatHex(sha256(all)).substring(0, 16);
        } finally {
            Files.delete(d.file());
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path dataFile(String name) {
        for (Path p : new Path[] {Path.of("..", "..", "shared", "data", name), Path.of("..", "shared", "data", name),
                Path.of("..", "aidos-api", "src", "test", "resources", "data", name)}) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
