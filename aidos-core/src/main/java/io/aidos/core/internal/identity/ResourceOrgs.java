package io.aidos.core.internal.identity;

import io.aidos.core.internal.store.Database;
import java.util.Optional;

/**
 * Which organization a top-level resource belongs to, for checks outside the stores. The stores themselves are
 * used per organization ({@code LocalAiDos.forOrganization}; see docs/identity.md, "Tenant isolation").
 */
public final class ResourceOrgs {
    private final Database db;

    public ResourceOrgs(Database db) {
        this.db = db;
    }

    /** The resource's organization, or empty when it does not exist. */
    public Optional<String> orgOf(ResourceKind kind, String key) {
        Object bound = key;
        if (kind.keyColumn().equals("id") && kind != ResourceKind.JOB) {
            try {
                bound = Long.parseLong(key);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        // Table and column names come from the enum, never from input.
        return db.queryOne("find the organization of a " + kind.label(),
                "SELECT org_id FROM " + kind.table() + " WHERE " + kind.keyColumn() + " = ?",
                rs -> rs.getString(1), bound);
    }

    /** Moves a resource to another organization (used when the server creates a resource for a caller). */
    public void assign(ResourceKind kind, String key, String orgId) {
        Object bound = kind.keyColumn().equals("id") && kind != ResourceKind.JOB ? Long.parseLong(key) : key;
        db.update("assign a " + kind.label() + " to an organization",
                "UPDATE " + kind.table() + " SET org_id = ? WHERE " + kind.keyColumn() + " = ?", orgId, bound);
    }
}
