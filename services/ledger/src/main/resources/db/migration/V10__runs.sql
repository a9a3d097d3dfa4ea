-- The verification and rebuild runs (services/ledger/README.md, "Verification runs" and "Rebuild runs"), kept where
-- every replica reads them: the replica that runs one writes its progress and its end, any replica answers for it. A
-- run belongs to no generation: a rebuild keeps the history.
--
-- done and total are a verification's entries checked of the total, a rebuild's offsets read of those to read.
-- heartbeat_at is refreshed by the replica running (or queueing) the run, by the database's clock, so that a reader
-- tells a run whose replica stopped by its age alone, whatever the replicas' clocks say.
CREATE TABLE ledger_run (
    run_id       UUID         NOT NULL PRIMARY KEY,
    kind         VARCHAR(20)  NOT NULL CHECK (kind IN ('VERIFICATION', 'REBUILD')),
    state        VARCHAR(20)  NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    -- a verification's scope: the street walked, NULL for the whole ledger (and for every rebuild)
    street_code  VARCHAR(64),
    phase        VARCHAR(40),
    done         BIGINT       NOT NULL DEFAULT 0,
    total        BIGINT       NOT NULL DEFAULT 0,
    started_by   VARCHAR(200) NOT NULL,
    started_at   TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    heartbeat_at TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    finished_at  TIMESTAMPTZ,
    result       JSONB,
    failure      TEXT
);

-- The recent runs of a kind, newest first.
CREATE INDEX ledger_run_recent ON ledger_run (kind, started_at DESC);

-- At most one queued run per kind and scope, across the replicas: a second verification of a street (or of the whole
-- ledger) asked while one waits is answered with the one waiting, which will walk whatever the second would have.
CREATE UNIQUE INDEX ledger_run_one_queued ON ledger_run (kind, COALESCE(street_code, '')) WHERE state = 'QUEUED';
