/**
 * The server's implementation: one route table ({@link io.aidos.server.internal.ApiRoute}s built by the
 * {@code *Routes} classes) that both Javalin and the OpenAPI document are made from, error mapping, size limits,
 * idempotency keys and authentication. Not a public API.
 */
package io.aidos.server.internal;
