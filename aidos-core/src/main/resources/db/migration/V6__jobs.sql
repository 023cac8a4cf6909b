-- A persistent job queue (training jobs and other long work). Workers claim a job with a lease that they renew by
-- heartbeat; a job whose lease ran out is claimed again (up to max_attempts). Claims use FOR UPDATE SKIP LOCKED,
-- so any number of workers in any number of processes share the queue without running a job twice at once.
CREATE TABLE jobs (
    id               VARCHAR(32)      NOT NULL PRIMARY KEY,
    kind             VARCHAR(64)      NOT NULL,
    spec             VARCHAR(1000000) NOT NULL,
    status           VARCHAR(16)      NOT NULL,
    attempts         INTEGER          NOT NULL,
    max_attempts     INTEGER          NOT NULL,
    worker_id        VARCHAR(200),
    lease_until      BIGINT,
    cancel_requested BOOLEAN          NOT NULL,
    result           VARCHAR(1000000),
    error            VARCHAR(10000),
    created_at       BIGINT           NOT NULL,
    started_at       BIGINT,
    finished_at      BIGINT
);
CREATE INDEX jobs_claimable ON jobs (status, created_at);

CREATE TABLE job_logs (
    job_id VARCHAR(32)   NOT NULL REFERENCES jobs (id),
    seq    BIGINT        NOT NULL,
    ts     BIGINT        NOT NULL,
    line   VARCHAR(10000) NOT NULL,
    PRIMARY KEY (job_id, seq)
);
