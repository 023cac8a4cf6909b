/**
 * A trained model on disk and in use: its descriptor ({@code aidos-model.json}: format, task, encoders, provenance),
 * the formats that load it back, and the {@link io.aidos.api.Predictor} that wraps it.
 */
package io.aidos.training.internal.model;
