package io.aidos.core.internal.jobs;

/**
 * Runs one kind of job. Returns the result to store (JSON or null). Throwing fails the attempt: an
 * {@link io.aidos.api.InvalidInputException} fails the job for good, anything else is retried while attempts remain.
 * Long work should check {@link JobContext#shouldStop()} often: cancellation is cooperative.
 */
@FunctionalInterface
public interface JobHandler {
    String run(JobContext context) throws Exception;
}
