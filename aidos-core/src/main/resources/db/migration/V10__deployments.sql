-- Model deployments (aidos-serving): what each one serves, so running deployments start again after a restart.
-- spec is the DeploymentSpec as JSON; plan is the traffic plan (variants with their model version, role and
-- share) as JSON, rewritten on every rollout change. status is RUNNING or STOPPED; a stopped name may be reused.
CREATE TABLE deployments (
    org_id     VARCHAR(64)      NOT NULL,
    name       VARCHAR(250)     NOT NULL,
    spec       VARCHAR(100000)  NOT NULL,
    plan       VARCHAR(100000)  NOT NULL,
    status     VARCHAR(16)      NOT NULL,
    last_event VARCHAR(2000),
    created_at BIGINT           NOT NULL,
    updated_at BIGINT           NOT NULL,
    PRIMARY KEY (org_id, name)
);
