/**
 * The public AI-DOS API. Start at {@link io.aidos.api.AiDos#open(String)}. Everything thrown is an
 * {@link io.aidos.api.AiDosException}.
 */
package io.aidos.api;
