package io.aidos.core.internal.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aidos.api.AiDosException;
import io.aidos.api.ArtifactNotFoundException;
import io.aidos.api.ModelVersion;
import io.aidos.core.internal.artifact.BlobStore;
import io.aidos.core.internal.store.Database;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A registered version's files as a plain folder, for libraries that load from paths. Blobs are immutable, so each
 * version is copied once into {@code cache/models/NAME/VERSION-RUN} (built in a temp folder, then renamed) and reused.
 */
public final class ModelFiles {
    /** The descriptor every AI-DOS-trained model carries; {@code flavor} names the library that loads it. */
    public static final String DESCRIPTOR = "aidos-model.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Entry(String path, String sha256) {
    }

    private final Database db;
    private final BlobStore blobs;
    private final Path cacheRoot;

    public ModelFiles(Database db, BlobStore blobs, Path cacheRoot) {
        this.db = db;
        this.blobs = blobs;
        this.cacheRoot = cacheRoot;
    }

    /** The folder holding {@code version}'s files, named relative to its artifact path. */
    public Path folder(ModelVersion version) {
        Path target = cacheRoot.resolve("models").resolve(version.modelName())
                .resolve(version.version() + "-" + version.runId());
        if (Files.isDirectory(target)) {
            return target;
        }
        List<Entry> entries = entries(version);
        Path tmp = cacheRoot.resolve("models").resolve(".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(tmp);
            for (Entry e : entries) {
                String relative = e.path().equals(version.artifactPath())
                        ? e.path().substring(e.path().lastIndexOf('/') + 1)
                        : e.path().substring(version.artifactPath().length() + 1);
                Path file = tmp.resolve(relative).normalize();
                Files.createDirectories(file.getParent());
                Files.copy(blobs.path(e.sha256()), file, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException
                     | java.nio.file.DirectoryNotEmptyException raced) {
                deleteTree(tmp); // another thread or process finished first; its copy is identical
            }
            return target;
        } catch (IOException e) {
            deleteTree(tmp);
            throw new AiDosException("could not unpack model " + version.modelName() + " version "
                    + version.version() + " into " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * The model's format: {@code flavor} from its descriptor, or for an outside file registered as is, its kind by
     * extension ({@code .onnx}, TorchScript {@code .pt}/{@code .torchscript}).
     */
    public String flavor(ModelVersion version, Path folder) {
        Path descriptor = folder.resolve(DESCRIPTOR);
        if (Files.isRegularFile(descriptor)) {
            try {
                JsonNode flavor = JSON.readTree(descriptor.toFile()).get("flavor");
                if (flavor != null && flavor.isTextual()) {
                    return flavor.asText();
                }
            } catch (IOException e) {
                throw new AiDosException("the descriptor of model " + version.modelName() + " version "
                        + version.version() + " is not valid JSON: " + e.getMessage(), e);
            }
        }
        String byPath = byExtension(version.artifactPath());
        if (byPath != null) {
            return byPath;
        }
        // A registered folder without a descriptor: its one model file decides (other files, e.g. a signature.json
        // sidecar, ride along).
        try (var files = Files.list(folder)) {
            List<String> kinds = files.map(f -> byExtension(f.getFileName().toString()))
                    .filter(java.util.Objects::nonNull).toList();
            if (kinds.size() == 1) {
                return kinds.get(0);
            }
        } catch (IOException e) {
            throw new AiDosException("could not list the files of model " + version.modelName() + " version "
                    + version.version() + ": " + e.getMessage(), e);
        }
        throw new ArtifactNotFoundException(version.artifactPath() + "/" + DESCRIPTOR, "model "
                + version.modelName() + " version " + version.version() + " has no " + DESCRIPTOR
                + " and is not (or does not hold exactly one) .onnx or TorchScript (.pt) file, so AI-DOS cannot tell how to load it");
    }

    private static String byExtension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".onnx")) {
            return "onnx";
        }
        if (lower.endsWith(".pt") || lower.endsWith(".torchscript")) {
            return "torchscript";
        }
        return null;
    }

    private List<Entry> entries(ModelVersion v) {
        String p = v.artifactPath();
        List<Entry> found = db.query("list model files", "SELECT path, sha256 FROM run_artifacts WHERE run_id = ?"
                + " AND (path = ? OR (path > ? AND path < ?)) ORDER BY path", rs -> new Entry(rs.getString(1),
                rs.getString(2)), v.runId(), p, p + "/", p + "0");
        if (found.isEmpty()) {
            throw new ArtifactNotFoundException(p, "model " + v.modelName() + " version " + v.version()
                    + " points at run " + v.runId() + " artifact '" + p + "', which has no files");
        }
        return found;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover temp folder is harmless
        }
    }
}
