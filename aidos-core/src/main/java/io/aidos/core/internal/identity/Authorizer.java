package io.aidos.core.internal.identity;

import io.aidos.api.PermissionDeniedException;

/** The one authorization check: the server calls it before every operation on an organization's resources. */
public final class Authorizer {
    private final ResourceOrgs resources;

    public Authorizer(ResourceOrgs resources) {
        this.resources = resources;
    }

    /** Throws {@link PermissionDeniedException} unless {@code principal} may do {@code action} in {@code orgId}. */
    public void require(Principal principal, Action action, String orgId) {
        if (principal == null || orgId == null || !principal.can(action, orgId)) {
            throw new PermissionDeniedException((principal == null ? "anonymous caller" : principal.describe())
                    + " may not " + action.scope() + " in organization " + orgId);
        }
    }

    /**
     * Checks {@code action} on one resource through the organization it belongs to. A resource that does not
     * exist is denied the same way as one of another organization, so callers cannot probe other tenants' ids.
     */
    public void requireOnResource(Principal principal, Action action, ResourceKind kind, String resourceId) {
        String org = resources.orgOf(kind, resourceId).orElse(null);
        if (org == null || principal == null || !principal.can(action, org)) {
            throw new PermissionDeniedException((principal == null ? "anonymous caller" : principal.describe())
                    + " may not " + action.scope() + " " + kind.label() + " " + resourceId);
        }
    }
}
