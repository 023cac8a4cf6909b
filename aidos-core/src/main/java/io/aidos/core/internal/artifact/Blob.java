package io.aidos.core.internal.artifact;

/** A stored file, named by the SHA-256 of its bytes. */
public record Blob(String sha256, long sizeBytes) {
}
