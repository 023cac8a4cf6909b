package io.aidos.api;

import java.time.Duration;

/** {@code await} gave up before the job ended. The job itself goes on; wait again or cancel it. */
public class JobTimeoutException extends AiDosException {
    private final String jobId;

    public JobTimeoutException(String jobId, Duration waited, JobStatus status) {
        super("job " + jobId + " is still " + status + " after waiting " + waited);
        this.jobId = jobId;
    }

    public String jobId() {
        return jobId;
    }

    @Override
    public String errorCode() {
        return "JOB_TIMEOUT";
    }

    @Override
    public int httpStatus() {
        return 408;
    }
}
