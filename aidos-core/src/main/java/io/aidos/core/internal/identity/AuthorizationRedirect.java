package io.aidos.core.internal.identity;

import java.net.URI;

/** Where to send the browser to log in at a provider, and the {@code state} the callback must bring back. */
public record AuthorizationRedirect(URI uri, String state) {
}
