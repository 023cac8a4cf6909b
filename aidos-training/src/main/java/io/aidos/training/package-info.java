/**
 * Real training for the embedded backends ({@code local:}, {@code jdbc:postgresql:}): {@code aidos.trainer()} becomes
 * available when this module is on the class path. Tribuo trains classic models, DJL with PyTorch trains neural
 * networks; jobs run on the store's persistent queue. {@link io.aidos.training.TrainingWorker} runs a worker process.
 */
package io.aidos.training;
