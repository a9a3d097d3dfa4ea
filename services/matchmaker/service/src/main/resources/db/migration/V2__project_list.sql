-- The project list's read models, kept by ProjectProjection from the Project aggregate's events in the transaction
-- that appends them (a subscribing processor): a reader sees its own write at once, and the deadline table never
-- disagrees with the event store. updated_at is the time of the last event applied, version its sequence number.

-- One row per project: where it stands, what it serves, who holds it, and what happened to it.
CREATE TABLE project_view (
    project_id           VARCHAR(36)    NOT NULL PRIMARY KEY,
    origin               VARCHAR(20)    NOT NULL,
    street_code          VARCHAR(64)    NOT NULL,
    community_code       VARCHAR(64)    NOT NULL,
    category             VARCHAR(40)    NOT NULL,
    urgency              VARCHAR(20)    NOT NULL,
    title                VARCHAR(200)   NOT NULL,
    demand_ids           VARCHAR(36)[]  NOT NULL,
    need_amount          NUMERIC(14, 2) NOT NULL,
    need_unit            VARCHAR(40)    NOT NULL,
    proposed_unit_id     VARCHAR(70),
    proposed_resource_id VARCHAR(36),
    -- The engine's score ({"total":…,"terms":{…}}) and alternatives, as JSON; the explanation as text.
    score                TEXT,
    explanation          TEXT,
    alternatives         TEXT,
    status               VARCHAR(20)    NOT NULL,
    status_reason        TEXT,
    mode                 VARCHAR(10),
    decided_by           VARCHAR(200),
    decided_at           TIMESTAMPTZ,
    decision_note        TEXT,
    claim_deadline       TIMESTAMPTZ,
    completion_deadline  TIMESTAMPTZ,
    -- The sum of confirmed pledges (PLEDGE), or the confirmed claim's amount (CLAIM).
    covered              NUMERIC(14, 2) NOT NULL DEFAULT 0,
    holder_unit_ids      VARCHAR(70)[]  NOT NULL DEFAULT '{}',
    scheduled_date       DATE,
    scheduled_place      VARCHAR(200),
    -- The delivery report and what each holder used, as JSON (volunteers by id and masked name only).
    report               TEXT,
    consumptions         TEXT,
    -- The residents' ratings per demand, as JSON [{demandId, score, comment, ratedBy, ratedAt}].
    ratings              TEXT           NOT NULL DEFAULT '[]',
    escalations          INTEGER        NOT NULL DEFAULT 0,
    proposed_at          TIMESTAMPTZ    NOT NULL,
    proposed_by          VARCHAR(200)   NOT NULL,
    updated_at           TIMESTAMPTZ    NOT NULL,
    updated_by           VARCHAR(200)   NOT NULL,
    version              BIGINT         NOT NULL
);
CREATE INDEX project_view_street_status ON project_view (street_code, status, proposed_at DESC);
CREATE INDEX project_view_demands ON project_view USING GIN (demand_ids);

-- Every claim (认领) and pledge (认捐) ever asked for a project, with what became of it. The capacity saga looks up
-- resource-list's answers here by claimId: an answer for a claim that is not PENDING changes nothing.
CREATE TABLE project_claim (
    claim_id     VARCHAR(36)    NOT NULL PRIMARY KEY,
    project_id   VARCHAR(36)    NOT NULL,
    kind         VARCHAR(10)    NOT NULL,
    unit_id      VARCHAR(70)    NOT NULL,
    resource_id  VARCHAR(36)    NOT NULL,
    amount       NUMERIC(14, 2) NOT NULL,
    period       VARCHAR(10)    NOT NULL,
    -- PENDING (waiting for resource-list), CONFIRMED, REFUSED, RELEASED, CONSUMED
    status       VARCHAR(20)    NOT NULL,
    reason       TEXT,
    requested_at TIMESTAMPTZ    NOT NULL,
    requested_by VARCHAR(200)   NOT NULL,
    updated_at   TIMESTAMPTZ    NOT NULL
);
CREATE INDEX project_claim_project ON project_claim (project_id, requested_at);

-- The desk's queue of passed deadlines (threelists.project.escalated.v1), newest first.
CREATE TABLE escalation (
    escalation_id  VARCHAR(36)   NOT NULL PRIMARY KEY,
    project_id     VARCHAR(36)   NOT NULL,
    street_code    VARCHAR(64)   NOT NULL,
    community_code VARCHAR(64)   NOT NULL,
    title          VARCHAR(200)  NOT NULL,
    deadline       VARCHAR(20)   NOT NULL,
    due_at         TIMESTAMPTZ   NOT NULL,
    unit_ids       VARCHAR(70)[] NOT NULL,
    escalated_at   TIMESTAMPTZ   NOT NULL,
    escalated_by   VARCHAR(200)  NOT NULL
);
CREATE INDEX escalation_street ON escalation (street_code, escalated_at DESC);

-- The running time limits (规定时限): one row per project and kind while it runs. The deadline poller takes due rows
-- with FOR UPDATE SKIP LOCKED, so several replicas never fire the same one twice at once; the table is in the
-- service's database, so a deadline survives a restart. attempts/not_before back off a deadline whose command failed.
CREATE TABLE project_deadline (
    project_id VARCHAR(36) NOT NULL,
    kind       VARCHAR(20) NOT NULL,
    due_at     TIMESTAMPTZ NOT NULL,
    urgency    VARCHAR(20) NOT NULL,
    attempts   INTEGER     NOT NULL DEFAULT 0,
    not_before TIMESTAMPTZ,
    PRIMARY KEY (project_id, kind)
);
CREATE INDEX project_deadline_due ON project_deadline (due_at);
