/**
 * Spring Boot auto-configuration: an {@link io.aidos.api.AiDos} bean from {@code aidos.*} properties
 * ({@link io.aidos.spring.AidosProperties}), closed with the context, plus an Actuator health indicator and
 * Micrometer gauges when those are on the class path.
 */
package io.aidos.spring;
