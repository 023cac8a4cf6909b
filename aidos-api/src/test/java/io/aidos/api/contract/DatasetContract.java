package io.aidos.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.aidos.api.AlreadyExistsException;
import io.aidos.api.ColumnStats;
import io.aidos.api.ColumnType;
import io.aidos.api.DatasetNotFoundException;
import io.aidos.api.DatasetSplit;
import io.aidos.api.DatasetVersion;
import io.aidos.api.InvalidInputException;
import io.aidos.api.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Datasets: import, types, stats, versions, content hashes, splits, export, persistence, malformed input. */
public interface DatasetContract extends ContractFixture {

    @Test
    default void importsIrisWithTypesAndStats() {
        DatasetVersion v1 = aidos().datasets().create("iris").description("Fisher's iris")
                .fromCsv(bundled("iris.csv")).commit("initial import");

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.rowCount()).isEqualTo(150);
        assertThat(v1.message()).isEqualTo("initial import");
        assertThat(v1.contentHash()).matches("[0-9a-f]{64}");
        assertThat(v1.schema().names()).containsExactly("Sepal.Length", "Sepal.Width", "Petal.Length",
                "Petal.Width", "Species");
        assertThat(v1.schema().column("Sepal.Length").orElseThrow().type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(v1.schema().column("Species").orElseThrow().type()).isEqualTo(ColumnType.STRING);
        ColumnStats sepal = v1.stats().get(0);
        assertThat(sepal.count()).isEqualTo(150);
        assertThat(sepal.nulls()).isZero();
        assertThat(((Number) sepal.min()).doubleValue()).isEqualTo(4.3);
        assertThat(((Number) sepal.max()).doubleValue()).isEqualTo(7.9);
        assertThat(sepal.mean()).isCloseTo(5.8433, within(1e-4));
        assertThat(v1.stats().get(4).distinct()).isEqualTo(3);

        var iris = aidos().datasets().get("iris");
        assertThat(iris.description()).isEqualTo("Fisher's iris");
        assertThat(iris.latest().contentHash()).isEqualTo(v1.contentHash());
        assertThat(aidos().datasets().list()).extracting(d -> d.name()).contains("iris");
        try (Stream<Row> rows = iris.latest().rows()) {
            Row first = rows.findFirst().orElseThrow();
            assertThat(first.get("Sepal.Length")).isEqualTo(5.1);
            assertThat(first.get("Species")).isEqualTo("setosa");
        }
    }

    @Test
    default void identicalContentGivesTheSameHashAndNewContentANewOne() {
        Path iris = bundled("iris.csv");
        DatasetVersion v1 = aidos().datasets().create("iris").fromCsv(iris).commit("one");
        DatasetVersion v2 = aidos().datasets().get("iris").newVersion().fromCsv(iris).commit("same again");
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.contentHash()).isEqualTo(v1.contentHash());

        Path more = write("more.csv", "\"Sepal.Length\",\"Sepal.Width\",\"Petal.Length\",\"Petal.Width\",\"Species\"\n"
                + "5.0,3.0,1.0,0.1,\"setosa\"\n");
        DatasetVersion v3 = aidos().datasets().get("iris").newVersion().fromCsv(more).commit("other");
        assertThat(v3.contentHash()).isNotEqualTo(v1.contentHash());
        assertThat(aidos().datasets().get("iris").versions()).extracting(DatasetVersion::version)
                .containsExactly(1, 2, 3);
        assertThat(aidos().datasets().get("iris").version(1).rowCount()).isEqualTo(150);
        assertThat(aidos().datasets().get("iris").latest().rowCount()).isEqualTo(1);
    }

    @Test
    default void parsesRfc4180QuotingNullsAndUnicode() {
        Path csv = write("edge.csv", "id,text,score,flag\r\n"
                + "1,\"comma, inside\",1.5,true\r\n"
                + "2,\"line\nbreak and \"\"quotes\"\"\",,FALSE\r\n"
                + "3,\"\",-2e3,\r\n"
                + "4,Grüße 日本,NaN,true\r\n");
        DatasetVersion v = aidos().datasets().create("edge").fromCsv(csv).commit("edge cases");
        assertThat(v.rowCount()).isEqualTo(4);
        assertThat(v.schema().columns()).extracting(c -> c.type())
                .containsExactly(ColumnType.LONG, ColumnType.STRING, ColumnType.DOUBLE, ColumnType.BOOLEAN);
        List<Row> rows;
        try (Stream<Row> s = v.rows()) {
            rows = s.toList();
        }
        assertThat(rows.get(0).get("text")).isEqualTo("comma, inside");
        assertThat(rows.get(1).get("text")).isEqualTo("line\nbreak and \"quotes\"");
        assertThat(rows.get(1).get("score")).isNull();
        assertThat(rows.get(1).get("flag")).isEqualTo(false);
        assertThat(rows.get(2).get("text")).isEqualTo("");
        assertThat(rows.get(2).get("score")).isEqualTo(-2000.0);
        assertThat(rows.get(2).get("flag")).isNull();
        assertThat(rows.get(3).get("text")).isEqualTo("Grüße 日本");
        assertThat((Double) rows.get(3).get("score")).isNaN();
        assertThat(rows.get(0).get("id")).isEqualTo(1L);
        ColumnStats score = v.stats().get(2);
        assertThat(score.nulls()).isEqualTo(1);
        assertThat(score.count()).isEqualTo(3);
    }

    @Test
    default void aOneColumnDatasetKeepsItsMissingValues() {
        Path csv = write("one.csv", "label\nyes\n\nno\n");
        DatasetVersion v = aidos().datasets().create("one").fromCsv(csv).commit("one column");
        assertThat(v.rowCount()).isEqualTo(3);
        assertThat(v.stats().get(0).nulls()).isEqualTo(1);
        try (Stream<Row> rows = v.rows()) {
            assertThat(rows.map(r -> r.get("label")).toList()).containsExactly("yes", null, "no");
        }
    }

    @Test
    default void exportedCsvReimportsToTheSameContent() throws Exception {
        DatasetVersion v1 = aidos().datasets().create("iris").fromCsv(bundled("iris.csv")).commit("import");
        Path out = tempDir().resolve("export.csv");
        v1.exportCsv(out);
        assertThat(Files.readAllLines(out).get(0)).contains("Sepal.Length");
        DatasetVersion again = aidos().datasets().create("iris-copy").fromCsv(out).commit("reimport");
        assertThat(again.contentHash()).isEqualTo(v1.contentHash());
        assertThat(again.rowCount()).isEqualTo(150);
    }

    @Test
    default void raggedRowFailsNamingTheLineAndStoresNothing() {
        Path bad = write("ragged.csv", "a,b,c\n1,2,3\n\"x\ny\",5,6\n7,8\n");
        assertThatThrownBy(() -> aidos().datasets().create("ragged").fromCsv(bad).commit("bad"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 5");
        assertThat(aidos().datasets().exists("ragged")).isFalse();

        aidos().datasets().create("good").fromCsv(write("good.csv", "a,b,c\n1,2,3\n")).commit("ok");
        assertThatThrownBy(() -> aidos().datasets().get("good").newVersion().fromCsv(bad).commit("bad"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(aidos().datasets().get("good").versions()).hasSize(1);
    }

    @Test
    default void invalidUtf8FailsNamingTheLine() {
        byte[] head = "a,b\n1,ok\n2,".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bad = new byte[head.length + 3];
        System.arraycopy(head, 0, bad, 0, head.length);
        bad[head.length] = (byte) 0xC3;
        bad[head.length + 1] = (byte) 0x28; // not a continuation byte
        bad[head.length + 2] = '\n';
        Path file = write("latin.csv", bad);
        assertThatThrownBy(() -> aidos().datasets().create("latin").fromCsv(file).commit("bad"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 3");
        assertThat(aidos().datasets().exists("latin")).isFalse();
    }

    @Test
    default void importsJsonLinesAndRows() {
        Path jsonl = write("events.jsonl", "{\"id\": 1, \"name\": \"a\", \"score\": 0.5, \"ok\": true}\n\n"
                + "{\"id\": 2, \"name\": null, \"score\": 2, \"ok\": false, \"extra\": {\"x\": [1,2]}}\n");
        DatasetVersion v = aidos().datasets().create("events").fromJsonLines(jsonl).commit("jsonl");
        assertThat(v.rowCount()).isEqualTo(2);
        assertThat(v.schema().names()).containsExactly("id", "name", "score", "ok", "extra");
        assertThat(v.schema().columns()).extracting(c -> c.type()).containsExactly(ColumnType.LONG,
                ColumnType.STRING, ColumnType.DOUBLE, ColumnType.BOOLEAN, ColumnType.STRING);

        Path broken = write("broken.jsonl", "{\"id\": 1}\n{\"id\": \n");
        assertThatThrownBy(() -> aidos().datasets().create("broken").fromJsonLines(broken).commit("x"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 2");

        Map<String, Object> r1 = new LinkedHashMap<>();
        r1.put("x", 1);
        r1.put("label", "5");
        Map<String, Object> r2 = new LinkedHashMap<>();
        r2.put("x", 2.5);
        r2.put("label", null);
        DatasetVersion rows = aidos().datasets().create("rows").fromRows(List.of(r1, r2)).commit("rows");
        assertThat(rows.schema().columns()).extracting(c -> c.type())
                .containsExactly(ColumnType.DOUBLE, ColumnType.STRING);
        try (Stream<Row> s = rows.rows()) {
            assertThat(s.map(r -> r.get("label")).toList()).containsExactly("5", null);
        }
        // Immutable maps (Map.of) are how most callers write rows; they refuse null lookups, so must be accepted.
        assertThat(aidos().datasets().create("immutable-rows").fromRows(List.of(Map.of("x", 1L), Map.of("x", 2L)))
                .commit("Map.of rows").rowCount()).isEqualTo(2);
    }

    @Test
    default void splitsAreExactDisjointAndReproducible() {
        DatasetVersion v = aidos().datasets().create("iris").fromCsv(bundled("iris.csv")).commit("import");
        DatasetSplit split = v.split(0.8, 42L);
        assertThat(split.train().rowCount()).isEqualTo(120);
        assertThat(split.test().rowCount()).isEqualTo(30);
        List<Row> train = rowsOf(split.train().rows());
        List<Row> test = rowsOf(split.test().rows());
        assertThat(train).hasSize(120);
        assertThat(test).hasSize(30);
        assertThat(rowsOf(v.split(0.8, 42L).train().rows())).isEqualTo(train);
        assertThat(rowsOf(v.split(0.8, 7L).train().rows())).isNotEqualTo(train);
        Set<String> all = new HashSet<>();
        train.forEach(r -> all.add(r.toString()));
        test.forEach(r -> all.add(r.toString()));
        try (Stream<Row> rows = v.rows()) {
            assertThat(rows.map(Row::toString).distinct().count()).isEqualTo(all.size());
        }
        assertThatThrownBy(() -> v.split(1.5, 1)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    default void versionsSurviveReopening() {
        DatasetVersion v1 = aidos().datasets().create("iris").fromCsv(bundled("iris.csv")).commit("import");
        reopen();
        DatasetVersion again = aidos().datasets().get("iris").version(1);
        assertThat(again.contentHash()).isEqualTo(v1.contentHash());
        assertThat(again.schema()).isEqualTo(v1.schema());
        assertThat(again.stats()).isEqualTo(v1.stats());
        try (Stream<Row> rows = again.rows()) {
            assertThat(rows.count()).isEqualTo(150);
        }
    }

    @Test
    default void realDataSetsWithMissingValues() {
        DatasetVersion cancer = aidos().datasets().create("breast-cancer").fromCsv(bundled("breast_cancer.csv"))
                .commit("import");
        assertThat(cancer.rowCount()).isEqualTo(569);
        assertThat(cancer.schema().size()).isEqualTo(31);

        Path credit = ContractFixture.shared("credit_data.csv").orElse(null);
        Assumptions.assumeTrue(credit != null, "../shared/data/credit_data.csv not found: skipping the credit check");
        DatasetVersion v = aidos().datasets().create("credit").fromCsv(credit).commit("import");
        assertThat(v.rowCount()).isEqualTo(4454);
        ColumnStats income = v.stats().get(v.schema().indexOf("Income"));
        assertThat(income.type()).isEqualTo(ColumnType.LONG);
        assertThat(income.nulls()).isGreaterThan(0);
        assertThat(income.count() + income.nulls()).isEqualTo(4454);
        ColumnStats home = v.stats().get(v.schema().indexOf("Home"));
        assertThat(home.type()).isEqualTo(ColumnType.STRING);
        assertThat(home.nulls()).isGreaterThan(0);
    }

    @Test
    default void namesAreUniqueAndMissingOnesAreNotFound() {
        aidos().datasets().create("iris").fromCsv(bundled("iris.csv")).commit("import");
        assertThatThrownBy(() -> aidos().datasets().create("iris").fromCsv(bundled("iris.csv")).commit("again"))
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("iris");
        assertThatThrownBy(() -> aidos().datasets().get("nope")).isInstanceOf(DatasetNotFoundException.class);
        assertThatThrownBy(() -> aidos().datasets().get("iris").version(99))
                .isInstanceOf(DatasetNotFoundException.class);
        assertThatThrownBy(() -> aidos().datasets().create("x").commit("no source"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> aidos().datasets().create("empty").fromCsv(write("empty.csv", "")).commit("x"))
                .isInstanceOf(InvalidInputException.class);
    }

    private static List<Row> rowsOf(Stream<Row> rows) {
        try (rows) {
            return rows.toList();
        }
    }
}
