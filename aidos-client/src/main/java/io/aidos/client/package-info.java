/**
 * The remote HTTP backend: {@code AiDos.open("http://host:port")} talks to an AI-DOS server
 * ({@code io.aidos:aidos-server}) through {@link io.aidos.client.RemoteBackendProvider}, found by ServiceLoader.
 * Implementation in {@code io.aidos.client.internal}.
 */
package io.aidos.client;
