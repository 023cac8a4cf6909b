package io.aidos.api.contract;

import io.aidos.api.AiDos;
import io.aidos.api.AiDosConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every AI-DOS backend must do. A backend runs the whole suite with a one-line subclass that says how to
 * configure a fresh, empty store; the store is opened through {@link AiDos#open(AiDosConfig)}, so the
 * ServiceLoader lookup is tested too. Areas live in the interfaces this class implements.
 */
public abstract class BackendContractTest implements DatasetContract, TrackingContract, SearchContract,
        RegistryContract, BadInputContract, ConcurrencyContract {

    @TempDir
    Path temp;
    private AiDosConfig config;
    private AiDos aidos;

    /** Configuration of a fresh, empty store for one test; {@code tempDir} is deleted afterwards. */
    protected abstract AiDosConfig freshStore(Path tempDir);

    /** Releases what {@link #freshStore} made outside {@code tempDir} (a database schema, say). */
    protected void dropStore(AiDosConfig config) {
    }

    @BeforeEach
    final void openBackend() {
        config = freshStore(temp);
        aidos = AiDos.open(config);
    }

    @AfterEach
    final void closeBackend() {
        if (aidos != null) {
            aidos.close();
        }
        dropStore(config);
    }

    @Override
    public final AiDos aidos() {
        return aidos;
    }

    @Override
    public final AiDos reopen() {
        aidos.close();
        aidos = AiDos.open(config);
        return aidos;
    }

    @Override
    public final Path tempDir() {
        return temp;
    }
}
