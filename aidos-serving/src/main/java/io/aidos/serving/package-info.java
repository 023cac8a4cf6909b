/**
 * Model serving for AI-DOS: {@code aidos.deployer()} on the embedded backends. The public API is
 * {@link io.aidos.api.Deployer} and {@link io.aidos.api.Deployment}; this module's implementation is in
 * {@code io.aidos.serving.internal}. Settings: {@code serving.host}, {@code serving.port},
 * {@code serving.maxRequestBytes} in {@link io.aidos.api.AiDosConfig#properties()}; ONNX Runtime threads per
 * replica: {@code -Daidos.onnx.intraOpThreads}.
 */
package io.aidos.serving;
