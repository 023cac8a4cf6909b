package io.aidos.server.internal;

import io.aidos.core.internal.identity.BearerHeader;
import io.aidos.server.AuthenticationRequest;
import io.aidos.server.Principal;
import io.aidos.server.RequestAuthenticator;
import io.javalin.http.Context;
import java.util.Optional;

/** The before-handler of every {@code /api/} request: asks the authenticator and keeps the principal. */
public final class RequestGuard {
    public static final String PRINCIPAL = "aidos.principal";
    private final RequestAuthenticator authenticator;

    public RequestGuard(RequestAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    public void check(Context ctx) {
        if (!authenticator.protects(ctx.path())) {
            ctx.attribute(PRINCIPAL, Principal.LOCAL_OWNER);
            return;
        }
        String org = ctx.header(Tenancy.ORG_HEADER);
        AuthenticationRequest request = new AuthenticationRequest(ctx.method().name(), ctx.path(), ctx.ip(),
                BearerHeader.token(ctx.header("Authorization")), org == null || org.isBlank() ? Optional.empty()
                : Optional.of(org.trim()));
        Principal p = authenticator.authenticate(request);
        if (p == null) {
            throw new io.aidos.api.AuthenticationException("the request was not authenticated");
        }
        ctx.attribute(PRINCIPAL, p);
    }
}
