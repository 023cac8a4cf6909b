package io.aidos.api.contract;

import io.aidos.api.AiDos;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** What every contract area needs from the backend under test. */
public interface ContractFixture {

    /** The backend under test: fresh and empty at the start of each test. */
    AiDos aidos();

    /** Closes the backend and opens the same store again, as a restarted process would. */
    AiDos reopen();

    /** A per-test scratch folder. */
    Path tempDir();

    /** Copies a data set shipped in this test-jar ({@code /data/NAME}) to the temp folder. */
    default Path bundled(String name) {
        Path target = tempDir().resolve("bundled-" + name);
        if (!Files.exists(target)) {
            try (InputStream in = ContractFixture.class.getResourceAsStream("/data/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("test resource /data/" + name + " is missing");
                }
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return target;
    }

    /** A file of ../shared/data (the team's data folder beside the project), if present. */
    static Optional<Path> shared(String name) {
        String root = System.getProperty("aidos.project.root", ".");
        for (Path candidate : new Path[] {Path.of(root, "..", "shared", "data", name),
                Path.of("..", "shared", "data", name), Path.of("..", "..", "shared", "data", name)}) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    default Path write(String fileName, String content) {
        return write(fileName, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    default Path write(String fileName, byte[] content) {
        try {
            Path p = tempDir().resolve(fileName);
            Files.write(p, content);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
