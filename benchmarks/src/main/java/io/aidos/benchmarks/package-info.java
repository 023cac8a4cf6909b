/**
 * Benchmarks that print a Markdown table (see {@code docs/benchmarks.md}); not tests. {@link
 * io.aidos.benchmarks.Benchmarks} runs them; the serving part brings its own HTTP/1.1 load generator
 * ({@code HttpLoad}).
 */
package io.aidos.benchmarks;
