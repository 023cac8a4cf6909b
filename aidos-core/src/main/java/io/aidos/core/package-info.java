/**
 * The in-process AI-DOS backend. Users reach it through {@code AiDos.open("local:...")} or
 * {@code AiDos.open("jdbc:postgresql://...")}; everything but {@link io.aidos.core.LocalBackendProvider} is internal.
 */
package io.aidos.core;
