-- Identity and access, run by db.migration.V7__Identity (which adds the dialect's append-only guard on
-- audit_log). Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL. Times are epoch milliseconds.
-- Secrets are never stored in clear: passwords as Argon2id strings, refresh tokens, API key secrets and
-- recovery codes as SHA-256 hex of high-entropy random values. TOTP secrets and signing keys must be usable,
-- so they are stored as written by KeyProtection (AES-GCM when a key-encryption key is configured).

CREATE TABLE organizations (
    id         VARCHAR(32)  NOT NULL PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    created_at BIGINT       NOT NULL,
    CONSTRAINT organizations_name_unique UNIQUE (name)
);
-- The organization of every resource made before identity existed, and of the embedded local: backend.
INSERT INTO organizations (id, name, created_at) VALUES ('local', 'local', 0);

ALTER TABLE datasets ADD COLUMN org_id VARCHAR(32) DEFAULT 'local' NOT NULL;
ALTER TABLE datasets ADD CONSTRAINT datasets_org_fk FOREIGN KEY (org_id) REFERENCES organizations (id);
CREATE INDEX datasets_by_org ON datasets (org_id);
ALTER TABLE experiments ADD COLUMN org_id VARCHAR(32) DEFAULT 'local' NOT NULL;
ALTER TABLE experiments ADD CONSTRAINT experiments_org_fk FOREIGN KEY (org_id) REFERENCES organizations (id);
CREATE INDEX experiments_by_org ON experiments (org_id);
ALTER TABLE registered_models ADD COLUMN org_id VARCHAR(32) DEFAULT 'local' NOT NULL;
ALTER TABLE registered_models ADD CONSTRAINT registered_models_org_fk FOREIGN KEY (org_id) REFERENCES organizations (id);
CREATE INDEX registered_models_by_org ON registered_models (org_id);
ALTER TABLE jobs ADD COLUMN org_id VARCHAR(32) DEFAULT 'local' NOT NULL;
ALTER TABLE jobs ADD CONSTRAINT jobs_org_fk FOREIGN KEY (org_id) REFERENCES organizations (id);
CREATE INDEX jobs_by_org ON jobs (org_id);

CREATE TABLE users (
    id            VARCHAR(32)  NOT NULL PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    password_hash VARCHAR(200),
    failed_logins INTEGER      NOT NULL,
    locked_until  BIGINT,
    site_admin    BOOLEAN      NOT NULL,
    created_at    BIGINT       NOT NULL,
    CONSTRAINT users_email_unique UNIQUE (email)
);

CREATE TABLE memberships (
    org_id     VARCHAR(32) NOT NULL REFERENCES organizations (id),
    user_id    VARCHAR(32) NOT NULL REFERENCES users (id),
    role       VARCHAR(16) NOT NULL,
    created_at BIGINT      NOT NULL,
    PRIMARY KEY (org_id, user_id)
);
CREATE INDEX memberships_by_user ON memberships (user_id);

CREATE TABLE teams (
    id         VARCHAR(32)  NOT NULL PRIMARY KEY,
    org_id     VARCHAR(32)  NOT NULL REFERENCES organizations (id),
    name       VARCHAR(100) NOT NULL,
    role       VARCHAR(16)  NOT NULL,
    created_at BIGINT       NOT NULL,
    CONSTRAINT teams_name_unique UNIQUE (org_id, name)
);

CREATE TABLE team_members (
    team_id VARCHAR(32) NOT NULL REFERENCES teams (id),
    user_id VARCHAR(32) NOT NULL REFERENCES users (id),
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_by_user ON team_members (user_id);

CREATE TABLE signing_keys (
    kid         VARCHAR(64)   NOT NULL PRIMARY KEY,
    algorithm   VARCHAR(16)   NOT NULL,
    private_jwk VARCHAR(8000) NOT NULL,
    created_at  BIGINT        NOT NULL,
    retired_at  BIGINT
);

CREATE TABLE refresh_tokens (
    token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    family_id  VARCHAR(32) NOT NULL,
    user_id    VARCHAR(32) NOT NULL REFERENCES users (id),
    created_at BIGINT      NOT NULL,
    expires_at BIGINT      NOT NULL,
    used_at    BIGINT,
    revoked_at BIGINT
);
CREATE INDEX refresh_tokens_by_family ON refresh_tokens (family_id);

CREATE TABLE api_keys (
    id           VARCHAR(32)  NOT NULL PRIMARY KEY,
    prefix       VARCHAR(32)  NOT NULL,
    secret_hash  VARCHAR(64)  NOT NULL,
    name         VARCHAR(100) NOT NULL,
    user_id      VARCHAR(32)  NOT NULL REFERENCES users (id),
    org_id       VARCHAR(32)  NOT NULL REFERENCES organizations (id),
    scopes       VARCHAR(200) NOT NULL,
    created_at   BIGINT       NOT NULL,
    expires_at   BIGINT,
    revoked_at   BIGINT,
    last_used_at BIGINT,
    CONSTRAINT api_keys_prefix_unique UNIQUE (prefix)
);
CREATE INDEX api_keys_by_user ON api_keys (user_id);

CREATE TABLE totp_credentials (
    user_id    VARCHAR(32)  NOT NULL PRIMARY KEY REFERENCES users (id),
    secret     VARCHAR(400) NOT NULL,
    algorithm  VARCHAR(16)  NOT NULL,
    digits     INTEGER      NOT NULL,
    enabled    BOOLEAN      NOT NULL,
    last_step  BIGINT,
    created_at BIGINT       NOT NULL
);

CREATE TABLE recovery_codes (
    user_id   VARCHAR(32) NOT NULL REFERENCES users (id),
    code_hash VARCHAR(64) NOT NULL,
    used_at   BIGINT,
    PRIMARY KEY (user_id, code_hash)
);

CREATE TABLE user_identities (
    provider   VARCHAR(64)  NOT NULL,
    subject    VARCHAR(255) NOT NULL,
    user_id    VARCHAR(32)  NOT NULL REFERENCES users (id),
    created_at BIGINT       NOT NULL,
    PRIMARY KEY (provider, subject)
);

-- Logins begun at an OpenID Connect provider and not yet completed: state, nonce and PKCE verifier.
CREATE TABLE oidc_logins (
    state         VARCHAR(64)  NOT NULL PRIMARY KEY,
    provider      VARCHAR(64)  NOT NULL,
    nonce         VARCHAR(64)  NOT NULL,
    code_verifier VARCHAR(128) NOT NULL,
    redirect_uri  VARCHAR(2000) NOT NULL,
    expires_at    BIGINT       NOT NULL
);

-- Append-only: V7__Identity adds a trigger that rejects UPDATE and DELETE.
CREATE TABLE audit_log (
    id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    ts            BIGINT        NOT NULL,
    actor_kind    VARCHAR(16)   NOT NULL,
    actor_id      VARCHAR(64)   NOT NULL,
    action        VARCHAR(100)  NOT NULL,
    resource_kind VARCHAR(64),
    resource_id   VARCHAR(250),
    org_id        VARCHAR(32),
    address       VARCHAR(64),
    outcome       VARCHAR(16)   NOT NULL,
    detail        VARCHAR(2000)
);
CREATE INDEX audit_log_by_time ON audit_log (ts);
CREATE INDEX audit_log_by_actor ON audit_log (actor_id, ts);
