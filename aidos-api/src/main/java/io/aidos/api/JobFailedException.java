package io.aidos.api;

/** A job ended FAILED or CANCELLED while the caller waited for its result. */
public class JobFailedException extends AiDosException {
    private final String jobId;
    private final JobStatus status;

    public JobFailedException(String jobId, JobStatus status, String error) {
        super("job " + jobId + " ended " + status + (error == null ? "" : ": " + error));
        this.jobId = jobId;
        this.status = status;
    }

    public String jobId() {
        return jobId;
    }

    /** FAILED or CANCELLED. */
    public JobStatus status() {
        return status;
    }

    @Override
    public String errorCode() {
        return status == JobStatus.CANCELLED ? "JOB_CANCELLED" : "JOB_FAILED";
    }

    @Override
    public int httpStatus() {
        return 409;
    }
}
