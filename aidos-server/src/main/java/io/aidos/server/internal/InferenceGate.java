package io.aidos.server.internal;

import io.aidos.api.AuthenticationException;
import io.aidos.api.PermissionDeniedException;
import io.aidos.core.internal.InferenceAccess;
import io.aidos.core.internal.InferenceCall;
import io.aidos.core.internal.LocalAiDos;
import io.aidos.server.AuthenticationRequest;
import io.aidos.server.Principal;
import io.aidos.server.RequestAuthenticator;
import java.util.Optional;

/**
 * The server's check on its organizations' inference servers: each call goes through the server's
 * {@link RequestAuthenticator#authenticateInference}, and the caller must act in the organization that owns the
 * deployment, so one organization's key cannot call another's models by their port.
 */
public final class InferenceGate implements InferenceAccess {
    private final RequestAuthenticator authenticator;

    public InferenceGate(RequestAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void admit(InferenceCall call) {
        Principal p = authenticator.authenticateInference(new AuthenticationRequest(call.method(), call.path(),
                call.remoteAddress(), call.bearerToken(), Optional.of(call.organization())));
        if (p == null) {
            throw new AuthenticationException("the request was not authenticated");
        }
        if (p.equals(Principal.LOCAL_OWNER)) {
            return; // no identity: the embedded owner may call every deployment
        }
        String org = p.attributes().getOrDefault(Tenancy.ORG_ATTRIBUTE, LocalAiDos.LOCAL_ORG);
        if (!org.equals(call.organization())) {
            throw new PermissionDeniedException("this inference server serves another organization's deployments");
        }
    }
}
