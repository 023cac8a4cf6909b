/**
 * The persistent job queue: jobs survive restarts, workers claim them with leases renewed by heartbeat, a lost
 * worker's job is retried (bounded), cancellation is cooperative, log lines are stored. Internal; the training
 * module builds its {@code TrainingJob} on it.
 */
package io.aidos.core.internal.jobs;
