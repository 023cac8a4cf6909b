package io.aidos.core.internal.identity;

/** A group of users in one organization; its members hold {@link #role()} there (or more, by membership). */
public record Team(String id, String orgId, String name, Role role) {
}
