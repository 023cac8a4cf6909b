package io.aidos.core.internal.artifact;

import io.aidos.api.AiDosException;
import io.aidos.api.ArtifactNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Content-addressed file store: each distinct content is kept once, at {@code root/sha256/ab/abcdef...}.
 * Writes go to a temp file in the same folder tree and are renamed into place atomically, so a reader never
 * sees a half-written file and a crash leaves at most a stray temp file. Identical content is deduplicated.
 *
 * <p>Only 64-hex-digit names are ever resolved, so no caller-supplied text can reach the file system.
 */
public final class BlobStore {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private final Path root;
    private final Path tmp;

    public BlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = this.root.resolve("tmp");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new AiDosException("cannot create the artifact folder " + root + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    /** A folder for temporary files on the same file system as the blobs (so moves are renames). */
    public Path tempFolder() {
        return tmp;
    }

    public Blob put(InputStream content) {
        Path temp = null;
        try {
            temp = Files.createTempFile(tmp, "blob-", ".part");
            MessageDigest digest = sha256();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                size = content.transferTo(out);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            moveIntoPlace(temp, sha); // leaves temp in place when the content was already stored
            return new Blob(sha, size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store artifact: " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    public Blob put(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return put(in);
        } catch (NoSuchFileException e) {
            throw new io.aidos.api.InvalidInputException("file", file, "does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public Blob put(byte[] content) {
        return put(new java.io.ByteArrayInputStream(content));
    }

    /**
     * Adopts a finished temp file whose hash the caller computed while writing it (e.g. a dataset encoding):
     * renamed into place, or deleted if that content is already stored.
     */
    public Blob adopt(Path tempFile, String sha256, long size) {
        requireSha(sha256);
        try {
            moveIntoPlace(tempFile, sha256);
            return new Blob(sha256, size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store artifact: " + e.getMessage(), e);
        } finally {
            deleteQuietly(tempFile);
        }
    }

    public boolean contains(String sha256) {
        return Files.exists(path(sha256));
    }

    public InputStream open(String sha256) {
        try {
            return Files.newInputStream(path(sha256));
        } catch (NoSuchFileException e) {
            throw new ArtifactNotFoundException(sha256, "stored content " + sha256 + " is missing from " + root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file holding {@code sha256}'s content. */
    public Path path(String sha256) {
        requireSha(sha256);
        return root.resolve("sha256").resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private void moveIntoPlace(Path temp, String sha) throws IOException {
        Path target = path(sha);
        if (Files.exists(target)) {
            return; // same content already stored: keep one copy
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // another writer stored the same content first
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target);
        }
    }

    private static void requireSha(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
        }
    }

    /** A fresh SHA-256 digest, the hash that names everything the store keeps. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a stray temp file is harmless; it is never read
            }
        }
    }
}
