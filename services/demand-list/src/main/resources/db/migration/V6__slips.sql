-- The slip (三联单) of the second lane (services/demand-list/README.md, "The slip"): its read model, the demand's
-- open slip, and the running time limits the deadline poller fires (rows, so they survive a restart).
ALTER TABLE demand_view ADD COLUMN open_slip_id VARCHAR(36);

CREATE TABLE slip_view (
    slip_id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    demand_id        VARCHAR(36)  NOT NULL,
    street_code      VARCHAR(64)  NOT NULL,
    community_code   VARCHAR(64)  NOT NULL,
    group_id         VARCHAR(36)  NOT NULL,
    leader_id        VARCHAR(36)  NOT NULL,
    member_id        VARCHAR(36)  NOT NULL,
    member_kind      VARCHAR(20)  NOT NULL,
    home_unit_id     VARCHAR(70),
    problem          TEXT         NOT NULL,
    urgency          VARCHAR(20)  NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    dispatched_at    TIMESTAMPTZ  NOT NULL,
    accept_by        TIMESTAMPTZ  NOT NULL,
    accepted_at      TIMESTAMPTZ,
    resolve_by       TIMESTAMPTZ,
    decline_reason   TEXT,
    service          TEXT,
    hours            NUMERIC(6, 2),
    mode             VARCHAR(20),
    service_date     DATE,
    reported_at      TIMESTAMPTZ,
    satisfaction     INTEGER,
    closed_at        TIMESTAMPTZ,
    escalation_level VARCHAR(20),
    escalations      INTEGER      NOT NULL DEFAULT 0,
    updated_at       TIMESTAMPTZ  NOT NULL,
    updated_by       VARCHAR(200) NOT NULL,
    version          BIGINT       NOT NULL
);
CREATE INDEX slip_view_member ON slip_view (member_id, dispatched_at DESC);
CREATE INDEX slip_view_group ON slip_view (group_id, dispatched_at DESC);
CREATE INDEX slip_view_community ON slip_view (community_code, dispatched_at DESC);
CREATE INDEX slip_view_demand ON slip_view (demand_id);

-- One running time limit per slip: deadline is the slip's acceptance or resolution time, due_at when the poller next
-- passes it (the deadline itself, then the community's turn).
CREATE TABLE slip_deadline (
    slip_id    VARCHAR(36) NOT NULL PRIMARY KEY,
    deadline   TIMESTAMPTZ NOT NULL,
    due_at     TIMESTAMPTZ NOT NULL,
    attempts   INTEGER     NOT NULL DEFAULT 0,
    not_before TIMESTAMPTZ
);
CREATE INDEX slip_deadline_due ON slip_deadline (due_at);
