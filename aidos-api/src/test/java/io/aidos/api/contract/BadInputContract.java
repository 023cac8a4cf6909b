package io.aidos.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aidos.api.InvalidInputException;
import io.aidos.api.Run;
import io.aidos.api.RunQuery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Null, empty, oversized and hostile input gets {@link InvalidInputException} and changes nothing. */
public interface BadInputContract extends ContractFixture {

    String LONG_NAME = "n".repeat(300);
    String TEN_MB = "v".repeat(10 * 1024 * 1024);

    private static void rejects(String what, ThrowingCallable call) {
        assertThatThrownBy(call).as(what).isInstanceOf(InvalidInputException.class);
    }

    @Test
    default void datasetMethodsRejectBadInput() {
        Path iris = bundled("iris.csv");
        for (String bad : badNames()) {
            rejects("create " + bad, () -> aidos().datasets().create(bad).fromCsv(iris).commit("x"));
            rejects("get " + bad, () -> aidos().datasets().get(bad));
        }
        rejects("null file", () -> aidos().datasets().create("d").fromCsv((Path) null));
        rejects("missing file", () -> aidos().datasets().create("d").fromCsv(tempDir().resolve("nope.csv")).commit("x"));
        rejects("null rows", () -> aidos().datasets().create("d").fromRows(null));
        rejects("control chars in message", () -> aidos().datasets().create("d").fromCsv(iris).commit("a\u0000b"));
        rejects("huge description", () -> aidos().datasets().create("d").description(TEN_MB));
        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put(null, 1);
        rejects("null column", () -> aidos().datasets().create("d").fromRows(List.of(nullKey)).commit("x"));
        assertThat(aidos().datasets().list()).isEmpty();
    }

    @Test
    default void trackingMethodsRejectBadInput() {
        List<String> badExperimentNames = new ArrayList<>(List.of("", "  ", LONG_NAME, "tab\there", "nul\u0000"));
        badExperimentNames.add(null);
        for (String bad : badExperimentNames) {
            rejects("experiment " + bad, () -> aidos().experiments().getOrCreate(bad));
        }
        for (String badId : new String[] {null, "", "xyz", "../../etc/passwd", "' OR 1=1 --", "A".repeat(32)}) {
            rejects("run id " + badId, () -> aidos().experiments().getRun(badId));
        }
        try (Run run = aidos().experiments().getOrCreate("bad-input").startRun()) {
            for (String bad : badKeys()) {
                rejects("param key " + bad, () -> run.logParam(bad, "v"));
                rejects("metric " + bad, () -> run.logMetric(bad, 1.0, 0));
                rejects("tag " + bad, () -> run.setTag(bad, "v"));
            }
            rejects("10 MB param", () -> run.logParam("p", TEN_MB));
            rejects("10 MB tag", () -> run.setTag("t", TEN_MB));
            rejects("null param value", () -> run.logParam("p", null));
            rejects("null metrics", () -> run.logMetrics(null, 0));
            for (String path : List.of("../../etc/passwd", "/etc/passwd", "a/../../b", "a\u0000b", "", "a//b",
                    "C:\\windows", "./x")) {
                rejects("artifact " + path, () -> run.logArtifact(path, "x".getBytes()));
                rejects("open artifact " + path, () -> run.openArtifact(path));
            }
            rejects("null artifact content", () -> run.logArtifact("a.txt", (byte[]) null));
            rejects("missing artifact file", () -> run.logArtifact("a.txt", tempDir().resolve("missing.bin")));
            rejects("start run with bad name", () -> aidos().experiments().getOrCreate("bad-input").startRun(LONG_NAME));
            assertThat(run.params()).isEmpty();
            assertThat(run.artifacts()).isEmpty();
        }
        rejects("query null", () -> RunQuery.in((String[]) null));
        rejects("query blank", () -> RunQuery.in(""));
        rejects("limit 0", () -> RunQuery.in("x").limit(0));
        rejects("where null", () -> RunQuery.in("x").where(null));
        rejects("search null", () -> aidos().experiments().searchRuns(null));
    }

    @Test
    default void hostileButPrintableExperimentNamesAreStoredLiterally() {
        String hostile = "x'); DROP TABLE runs; --";
        aidos().experiments().getOrCreate(hostile).startRun().close();
        assertThat(aidos().experiments().get(hostile).name()).isEqualTo(hostile);
        assertThat(aidos().experiments().get(hostile).runs()).hasSize(1);
    }

    @Test
    default void registryMethodsRejectBadInput() {
        Run run = aidos().experiments().getOrCreate("bad-registry").startRun();
        run.logArtifact("model", "m".getBytes());
        for (String bad : badNames()) {
            rejects("model " + bad, () -> aidos().models().register(bad, run.id(), "model"));
            rejects("get model " + bad, () -> aidos().models().get(bad));
        }
        rejects("run id", () -> aidos().models().register("m", "not-a-run", "model"));
        rejects("artifact path", () -> aidos().models().register("m", run.id(), "../model"));
        aidos().models().register("m", run.id(), "model");
        for (String bad : badNames()) {
            rejects("alias " + bad, () -> aidos().models().get("m").setAlias(bad, 1));
        }
        assertThat(aidos().models().get("m").aliases()).isEmpty();
    }

    private static List<String> badNames() {
        List<String> names = new ArrayList<>(List.of("", " ", LONG_NAME, "../etc", "a/b", "x'; DROP TABLE datasets; --",
                "new\nline", "nul\u0000", ".hidden"));
        names.add(null);
        return names;
    }

    private static List<String> badKeys() {
        List<String> keys = new ArrayList<>(List.of("", LONG_NAME, "a'b", "semi;colon", "../up", "/abs", "ctl\u0001"));
        keys.add(null);
        return keys;
    }
}
