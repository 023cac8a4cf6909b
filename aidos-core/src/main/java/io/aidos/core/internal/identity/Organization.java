package io.aidos.core.internal.identity;

/** A tenant: every dataset, experiment, registered model and job belongs to exactly one. */
public record Organization(String id, String name, long createdAt) {
}
