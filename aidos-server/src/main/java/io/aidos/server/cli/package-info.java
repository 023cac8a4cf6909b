/**
 * The {@code aidos} command line (picocli): {@code datasets}, {@code runs}, {@code train}, {@code jobs},
 * {@code models}, {@code predict}, {@code status}, against a local store ({@code --store}) or a remote server
 * ({@code --server URL}, key from {@code AIDOS_API_KEY}), as text or {@code --output json}.
 */
package io.aidos.server.cli;
