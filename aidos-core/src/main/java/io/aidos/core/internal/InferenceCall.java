package io.aidos.core.internal;

import java.util.Optional;

/**
 * A request to a deployment's inference endpoint, as {@link InferenceAccess} sees it. {@link #toString()} never
 * shows the token.
 *
 * @param organization  the organization whose deployer serves the endpoint
 * @param method        the HTTP method
 * @param path          the request path, e.g. {@code /v2/models/iris/infer}
 * @param remoteAddress the caller's address
 * @param bearerToken   the token of {@code Authorization: Bearer <token>}, empty when absent
 */
public record InferenceCall(String organization, String method, String path, String remoteAddress,
                            Optional<String> bearerToken) {

    @Override
    public String toString() {
        return "InferenceCall{" + method + " " + path + " of organization " + organization + " from " + remoteAddress
                + ", token=" + (bearerToken.isPresent() ? "****" : "none") + "}";
    }
}
