package io.aidos.server.internal;

import io.aidos.api.AiDos;
import io.aidos.api.InvalidInputException;
import io.aidos.api.PermissionDeniedException;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.server.AidosServer;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;

/**
 * Which organization a request acts in, and the backend as that organization sees it. The authenticator decides
 * the organization (the principal's {@value #ORG_ATTRIBUTE} attribute; without one, {@code local}); a caller in
 * several organizations picks one with the {@value #ORG_HEADER} header. Every handler of {@code /api/v1} and of
 * the MLflow API reaches the store through {@link #scope}, so another organization's ids and names are not found.
 */
public final class Tenancy {
    /** The request header naming the organization to act in (its id). */
    public static final String ORG_HEADER = "X-AIDOS-Org";
    /** The principal attribute holding the organization the request acts in. */
    public static final String ORG_ATTRIBUTE = "org";

    private Tenancy() {
    }

    /** The organization the request acts in. */
    public static String organization(Context ctx) {
        String org = AidosServer.principal(ctx).attributes().get(ORG_ATTRIBUTE);
        return org == null ? LocalAiDos.LOCAL_ORG : org;
    }

    /** {@code root} as the request's organization sees it. */
    public static AiDos scope(AiDos root, Context ctx) {
        String org = organization(ctx);
        if (root instanceof LocalAiDos local) {
            return local.forOrganization(org);
        }
        if (org.equals(LocalAiDos.LOCAL_ORG)) {
            return root;
        }
        throw new PermissionDeniedException("this server's backend (" + root.uri() + ") serves only the local"
                + " organization");
    }

    /**
     * The organization a caller acts in: the one {@code requested} (the {@value #ORG_HEADER} header) if the caller
     * belongs to it or is a site admin; else their only organization; else {@code local} for a site admin.
     *
     * @param memberOf   the organizations the caller has a role in (an API key: its own only)
     * @param siteAdmin  whether the caller may act in every organization
     * @throws PermissionDeniedException if the caller does not belong to the requested organization (the same
     *                                   answer whether or not it exists)
     * @throws InvalidInputException     if the caller belongs to several organizations and named none
     */
    public static String choose(Optional<String> requested, Set<String> memberOf, boolean siteAdmin) {
        if (requested.isPresent()) {
            String org = requested.get();
            if (memberOf.contains(org) || siteAdmin) {
                return org;
            }
            throw new PermissionDeniedException("you are not a member of organization '" + org + "'");
        }
        if (memberOf.size() == 1) {
            return memberOf.iterator().next();
        }
        if (memberOf.isEmpty() || siteAdmin && memberOf.contains(LocalAiDos.LOCAL_ORG)) {
            return LocalAiDos.LOCAL_ORG; // no role anywhere: the check that follows denies it
        }
        throw new InvalidInputException(ORG_HEADER, null, "is required: you belong to " + memberOf.size()
                + " organizations, so name the one to act in");
    }
}
