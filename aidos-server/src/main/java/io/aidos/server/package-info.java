/**
 * The AI-DOS REST server: {@link io.aidos.server.AidosServer} serves one {@link io.aidos.api.AiDos} under
 * {@code /api/v1}, with a pluggable {@link io.aidos.server.RequestAuthenticator} and extra
 * {@link io.aidos.server.RouteGroup}s. Implementation in {@code io.aidos.server.internal}.
 */
package io.aidos.server;
