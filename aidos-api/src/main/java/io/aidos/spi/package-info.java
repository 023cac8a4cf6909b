/**
 * The backend SPI: implement {@link io.aidos.spi.BackendProvider} and list it in
 * {@code META-INF/services/io.aidos.spi.BackendProvider}. {@link io.aidos.spi.Arguments} holds the input rules
 * every backend applies the same way.
 */
package io.aidos.spi;
