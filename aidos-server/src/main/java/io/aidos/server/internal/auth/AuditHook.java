package io.aidos.server.internal.auth;

import io.aidos.core.internal.identity.AuditEvent;
import io.aidos.core.internal.identity.BearerHeader;
import io.aidos.core.internal.identity.Identity;
import io.aidos.server.Principal;
import io.aidos.server.RequestAuthenticator;
import io.aidos.server.internal.AuditedResource;
import io.aidos.server.internal.RequestGuard;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends an audit event after every request that may change something (not GET, HEAD or OPTIONS) under
 * {@code /api/v1} and the MLflow API, whatever its outcome: who (user, API key, or anonymous when no credential
 * checked out), the action ({@code POST /api/v1/datasets/iris/versions}), the resource kind and id read from the
 * path, or the one the handler named ({@link AuditedResource}: MLflow's ids are in the body), the organization, the
 * address, and SUCCESS, DENIED (401, 403, 429) or FAILURE with the status. Password logins are left to
 * {@link Identity#login}, which records them with the email tried, and so are changes whose handler says the
 * identity service recorded them ({@link #recordedByService}: API keys created and revoked). Never a header or body.
 */
public final class AuditHook {
    private static final Logger LOG = LoggerFactory.getLogger(AuditHook.class);
    private static final String RECORDED = "aidos.audit-recorded";
    private final Identity identity;
    private final RequestAuthenticator authenticator;

    public AuditHook(Identity identity, RequestAuthenticator authenticator) {
        this.identity = identity;
        this.authenticator = authenticator;
    }

    public void after(Context ctx) {
        String method = ctx.method().name();
        String path = ctx.path();
        if (IdentityAuthenticator.isRead(method, path)
                || !(path.startsWith("/api/v1/") || path.startsWith("/api/2.0/mlflow/"))
                || path.equals("/api/v1/auth/login") || Boolean.TRUE.equals(ctx.attribute(RECORDED))) {
            return;
        }
        Principal p = authenticator.protects(path) ? ctx.attribute(RequestGuard.PRINCIPAL) : null;
        int status = ctx.statusCode();
        String[] actor = p != null ? new String[] {actorKind(p), actorId(p)} : refused(ctx, status);
        AuditEvent.Outcome outcome = status < 400 ? AuditEvent.Outcome.SUCCESS
                : status == 401 || status == 403 || status == 429 ? AuditEvent.Outcome.DENIED
                : AuditEvent.Outcome.FAILURE;
        String[] fromPath = resource(path);
        String[] resource = AuditedResource.of(ctx).map(r -> new String[] {r.kind(), r.id()}).orElse(fromPath);
        // The organization the request acted in (the guard's choice), or the one an /orgs/{id} path names.
        String org = path.startsWith("/api/v1/orgs/") ? fromPath[1]
                : p != null ? p.attributes().get("org")
                : actor[0].equals("anonymous") ? null : io.aidos.core.internal.identity.Principal.LOCAL_ORG;
        try {
            identity.audit().append(new AuditEvent(0, null, actor[0], actor[1], method + " " + path,
                    resource[0], resource[1], org, ctx.ip(), outcome, "status " + status));
        } catch (RuntimeException e) {
            LOG.error("cannot append to the audit log: {} {} by {} ({})", method, path, actor[1], e.toString());
        }
    }

    /**
     * Tells the hook that the identity service has appended the event of {@code ctx}'s change itself (with what the
     * request does not show, such as a new key's id), so the request is not recorded a second time. Call it only once
     * the service call returned: a refused or failed change is still the hook's to record.
     */
    static void recordedByService(Context ctx) {
        ctx.attribute(RECORDED, Boolean.TRUE);
    }

    /** Who sent a request the guard refused (403, 429): the credential is good, the action was not allowed. */
    private String[] refused(Context ctx, int status) {
        String token = status == 401 ? null : BearerHeader.token(ctx.header("Authorization")).orElse(null);
        if (token != null && authenticator.protects(ctx.path())) {
            try {
                io.aidos.core.internal.identity.Principal who = IdentityAuthenticator.verify(identity, token);
                return new String[] {who.apiKeyId() != null ? "api_key" : "user",
                        who.apiKeyId() != null ? who.apiKeyId() : who.userId()};
            } catch (RuntimeException e) {
                // not a valid credential after all: anonymous
            }
        }
        return new String[] {"anonymous", "-"};
    }

    private static String actorKind(Principal p) {
        return p.id().startsWith("key:") ? "api_key" : p.id().startsWith("user:") ? "user" : "local";
    }

    private static String actorId(Principal p) {
        int colon = p.id().indexOf(':');
        return colon < 0 ? p.id() : p.id().substring(colon + 1);
    }

    /** Kind and id from {@code /api/v1/<collection>/<id>/...}: {@code datasets/iris} is dataset {@code iris}. */
    static String[] resource(String path) {
        String rest = path.startsWith("/api/v1/") ? path.substring("/api/v1/".length())
                : path.substring("/api/2.0/mlflow/".length());
        String[] parts = rest.split("/");
        String collection = parts[0];
        if (collection.equals("auth") || collection.equals("training")) {
            collection = parts.length > 1 ? parts[1] : collection;
            parts = java.util.Arrays.copyOfRange(parts, 1, parts.length);
        }
        String kind = collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection;
        kind = kind.replace('-', '_');
        String id = parts.length > 1 && path.startsWith("/api/v1/") ? parts[1] : null;
        if ("search".equals(id)) {
            id = null;
        }
        return new String[] {kind.equals("org") ? "organization" : kind, id};
    }
}
