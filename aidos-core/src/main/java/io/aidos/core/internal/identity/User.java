package io.aidos.core.internal.identity;

/** A registered user. The password hash stays in the store and is not part of this value. */
public record User(String id, String email, boolean hasPassword, boolean siteAdmin, long createdAt) {
}
