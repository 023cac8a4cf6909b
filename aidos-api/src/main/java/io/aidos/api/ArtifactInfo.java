package io.aidos.api;

/** A file stored with a run: its path inside the run, size and SHA-256 content hash. */
public record ArtifactInfo(String path, long sizeBytes, String sha256) {
}
