package io.aidos.serving;

import io.aidos.api.AiDos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A test class's store with the {@link ServingFixture} iris models, opened once for all its tests. */
abstract class IrisStoreTest {
    @TempDir
    static Path temp;
    static AiDos aidos;
    static List<Map<String, Object>> rows;

    @BeforeAll
    static void openStore() {
        ServingFixture.trainIris(temp.resolve("store"));
        aidos = ServingFixture.open(temp.resolve("store"));
        rows = ServingFixture.irisRows(aidos);
    }

    @AfterAll
    static void closeStore() {
        aidos.close();
    }
}
