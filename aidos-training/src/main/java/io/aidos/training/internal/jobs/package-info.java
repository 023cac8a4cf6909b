/**
 * Training as jobs on the store's persistent queue: the {@link io.aidos.api.Trainer} for embedded backends, the
 * handler that runs a training job on a worker (run, data, algorithm, evaluation, model files, registration), and
 * job handles that follow logs and wait for results.
 */
package io.aidos.training.internal.jobs;
