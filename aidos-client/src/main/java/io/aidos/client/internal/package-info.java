/**
 * The remote backend's implementation: {@link io.aidos.client.internal.HttpTransport} (OkHttp, retries and a
 * circuit breaker from Resilience4j, error mapping) under one class per API interface. Not a public API.
 */
package io.aidos.client.internal;
