-- Durable background jobs, claimed by workers with FOR UPDATE SKIP LOCKED.

CREATE TABLE core_job (
    id               uuid PRIMARY KEY,
    type             varchar(64)  NOT NULL,
    state            varchar(16)  NOT NULL,
    payload          jsonb        NOT NULL DEFAULT '{}',
    result           jsonb,
    error            text,
    phase            varchar(200),
    progress_done    bigint       NOT NULL DEFAULT 0,
    progress_total   bigint       NOT NULL DEFAULT 0,
    checkpoint       text,
    attempts         integer      NOT NULL DEFAULT 0,
    max_attempts     integer      NOT NULL,
    cancel_requested boolean      NOT NULL DEFAULT false,
    worker_id        varchar(200),
    created_at       timestamptz  NOT NULL,
    run_after        timestamptz  NOT NULL,
    started_at       timestamptz,
    progress_at      timestamptz,
    heartbeat_at     timestamptz,
    finished_at      timestamptz,
    CONSTRAINT core_job_state CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled'))
);
CREATE INDEX core_job_queued ON core_job (created_at) WHERE state = 'queued';
CREATE INDEX core_job_running ON core_job (heartbeat_at) WHERE state = 'running';
CREATE INDEX core_job_listing ON core_job (created_at DESC, id);

-- Large job inputs (an NDJSON import) live apart so that listing jobs never reads them.
CREATE TABLE core_job_input (
    job_id uuid PRIMARY KEY REFERENCES core_job (id) ON DELETE CASCADE,
    data   bytea NOT NULL
);
