-- The ledger (台账). Entries are derived from project-list.events.v1 only and are never updated or deleted: a rebuild
-- writes a new generation beside the old one and then makes it current. Corrections, hour statements and their
-- revocations are the ledger's own records (not on Kafka) and belong to no generation, so they survive a rebuild.

-- One row per build of the entries from the topic. Exactly one is current; a rebuild adds one (BUILDING) and makes it
-- current when it has caught up with the topic.
CREATE TABLE ledger_generation (
    generation   INTEGER      NOT NULL PRIMARY KEY,
    status       VARCHAR(20)  NOT NULL CHECK (status IN ('BUILDING', 'CURRENT', 'RETIRED', 'ABANDONED')),
    started_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    started_by   VARCHAR(200) NOT NULL,
    completed_at TIMESTAMPTZ,
    events       BIGINT
);
CREATE UNIQUE INDEX ledger_generation_one_current ON ledger_generation (status) WHERE status = 'CURRENT';
INSERT INTO ledger_generation (generation, status, started_by, completed_at) VALUES (1, 'CURRENT', 'ledger', now());

-- The project-list events a generation has applied: a redelivered or replayed event id is applied once.
CREATE TABLE applied_event (
    generation      INTEGER      NOT NULL,
    event_id        VARCHAR(64)  NOT NULL,
    kafka_partition INTEGER      NOT NULL,
    kafka_offset    BIGINT       NOT NULL,
    PRIMARY KEY (generation, event_id)
);

-- The entries, one hash chain per partition of project-list.events.v1, in offset order (seq 1, 2, …).
-- kind DELIVERY: one per delivery (residents served, demands, notes); HOURS: one per volunteer per delivery;
-- PLEDGE: one per claim or pledge honoured (amount in the resource's capacity unit).
-- hash = SHA-256(prev_hash, canonical content); see org.threelists.ledger.domain.LedgerEntry.
CREATE TABLE ledger_entry (
    generation       INTEGER       NOT NULL,
    entry_id         VARCHAR(36)   NOT NULL,
    kafka_partition  INTEGER       NOT NULL,
    seq              BIGINT        NOT NULL,
    kind             VARCHAR(10)   NOT NULL CHECK (kind IN ('DELIVERY', 'HOURS', 'PLEDGE')),
    event_id         VARCHAR(64)   NOT NULL,
    kafka_offset     BIGINT        NOT NULL,
    project_id       VARCHAR(36)   NOT NULL,
    street_code      VARCHAR(64)   NOT NULL,
    community_code   VARCHAR(64)   NOT NULL,
    category         VARCHAR(40)   NOT NULL,
    entry_date       DATE          NOT NULL,
    place            VARCHAR(200)  NOT NULL,
    unit_id          VARCHAR(70),
    volunteer_id     VARCHAR(36),
    hours            NUMERIC(8, 2),
    residents_served INTEGER,
    resource_id      VARCHAR(36),
    claim_id         VARCHAR(36),
    amount           NUMERIC(16, 2),
    demand_ids       TEXT          NOT NULL,
    notes            TEXT,
    recorded_by      VARCHAR(200)  NOT NULL,
    recorded_at      TIMESTAMPTZ   NOT NULL,
    prev_hash        CHAR(64)      NOT NULL,
    hash             CHAR(64)      NOT NULL,
    PRIMARY KEY (generation, entry_id),
    UNIQUE (generation, kafka_partition, seq)
);
-- Reports read a street (or a unit) over a period: these indexes cover every column a report aggregates, so a report
-- over a million entries is an index-only scan of the rows in its street and period.
CREATE INDEX ledger_entry_street_date ON ledger_entry (generation, street_code, entry_date)
    INCLUDE (kind, unit_id, community_code, category, volunteer_id, hours, residents_served, event_id, project_id);
CREATE INDEX ledger_entry_unit_date ON ledger_entry (generation, unit_id, entry_date)
    INCLUDE (kind, street_code, community_code, category, volunteer_id, hours, event_id, project_id);
CREATE INDEX ledger_entry_volunteer ON ledger_entry (generation, volunteer_id, entry_date) WHERE volunteer_id IS NOT NULL;
CREATE INDEX ledger_entry_delivery ON ledger_entry (generation, event_id);

-- The last entry of each chain (a pointer, not an entry: it moves as entries are appended).
CREATE TABLE chain_head (
    generation      INTEGER  NOT NULL,
    kafka_partition INTEGER  NOT NULL,
    seq             BIGINT   NOT NULL,
    hash            CHAR(64) NOT NULL,
    PRIMARY KEY (generation, kafka_partition)
);

-- Corrections made at the desk: a new record pointing at the entry it corrects, with who and why, in a chain of its own.
-- delta = hours − the hours in force before; the corrected entry's dimensions are copied so reports add the delta.
CREATE TABLE ledger_correction (
    seq            BIGINT        NOT NULL PRIMARY KEY,
    correction_id  VARCHAR(36)   NOT NULL UNIQUE,
    entry_id       VARCHAR(36)   NOT NULL,
    hours          NUMERIC(8, 2) NOT NULL,
    delta          NUMERIC(8, 2) NOT NULL,
    reason         TEXT          NOT NULL,
    corrected_by   VARCHAR(200)  NOT NULL,
    corrected_at   TIMESTAMPTZ   NOT NULL,
    street_code    VARCHAR(64)   NOT NULL,
    community_code VARCHAR(64)   NOT NULL,
    category       VARCHAR(40)   NOT NULL,
    entry_date     DATE          NOT NULL,
    unit_id        VARCHAR(70),
    volunteer_id   VARCHAR(36),
    event_id       VARCHAR(64)   NOT NULL,
    project_id     VARCHAR(36)   NOT NULL,
    prev_hash      CHAR(64)      NOT NULL,
    hash           CHAR(64)      NOT NULL
);
CREATE INDEX ledger_correction_entry ON ledger_correction (entry_id, seq);
CREATE INDEX ledger_correction_street ON ledger_correction (street_code, entry_date);

-- What the project list says besides deliveries (upserts, the same after any replay): titles, holders, completion, ratings.
CREATE TABLE project (
    project_id     VARCHAR(36)  NOT NULL PRIMARY KEY,
    title          VARCHAR(200),
    street_code    VARCHAR(64),
    community_code VARCHAR(64),
    category       VARCHAR(40),
    completed_at   TIMESTAMPTZ,
    confirmed_by   VARCHAR(200)
);
CREATE TABLE project_holder (
    claim_id    VARCHAR(36)    NOT NULL PRIMARY KEY,
    project_id  VARCHAR(36)    NOT NULL,
    unit_id     VARCHAR(70)    NOT NULL,
    resource_id VARCHAR(36)    NOT NULL,
    amount      NUMERIC(16, 2) NOT NULL
);
CREATE INDEX project_holder_project ON project_holder (project_id);
CREATE TABLE project_rating (
    event_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    project_id VARCHAR(36) NOT NULL,
    demand_id  VARCHAR(36) NOT NULL,
    score      INTEGER     NOT NULL,
    rated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX project_rating_project ON project_rating (project_id);

-- Names from resource-list.events.v1, joined at read time (never part of an entry's hash: the two topics interleave
-- differently on every replay).
CREATE TABLE member_unit (
    unit_id            VARCHAR(70)  NOT NULL PRIMARY KEY,
    name               VARCHAR(200) NOT NULL,
    party_organisation VARCHAR(200),
    street_code        VARCHAR(64)  NOT NULL
);
CREATE TABLE resource (
    resource_id   VARCHAR(36) NOT NULL PRIMARY KEY,
    unit_id       VARCHAR(70) NOT NULL,
    type          VARCHAR(40) NOT NULL,
    capacity_unit VARCHAR(40) NOT NULL,
    title         VARCHAR(200)
);
-- masked_name is dropped for good when the volunteer's data is erased (erased_at set): later events never restore it.
CREATE TABLE volunteer (
    volunteer_id   VARCHAR(36) NOT NULL PRIMARY KEY,
    unit_id        VARCHAR(70),
    home_community VARCHAR(64),
    masked_name    VARCHAR(50),
    erased_at      TIMESTAMPTZ
);
CREATE INDEX volunteer_unit ON volunteer (unit_id);

-- Hour statements (志愿服务时长证明): the ledger's own records, numbered, never changed; revocations are appended.
CREATE SEQUENCE hour_statement_number START 1;
CREATE TABLE hour_statement (
    number         VARCHAR(40)   NOT NULL PRIMARY KEY,
    volunteer_id   VARCHAR(36)   NOT NULL,
    masked_name    VARCHAR(50),
    unit_id        VARCHAR(70),
    street_code    VARCHAR(64)   NOT NULL,
    period_from    DATE          NOT NULL,
    period_to      DATE          NOT NULL,
    hours          NUMERIC(10, 2) NOT NULL,
    content        TEXT          NOT NULL,
    issuer         VARCHAR(200)  NOT NULL,
    issued_by      VARCHAR(200)  NOT NULL,
    issued_on      DATE          NOT NULL,
    issued_at      TIMESTAMPTZ   NOT NULL,
    hash           CHAR(64)      NOT NULL
);
CREATE TABLE statement_revocation (
    number     VARCHAR(40)  NOT NULL PRIMARY KEY REFERENCES hour_statement (number),
    reason     TEXT         NOT NULL,
    revoked_by VARCHAR(200) NOT NULL,
    revoked_at TIMESTAMPTZ  NOT NULL
);

-- The monthly summaries sent to municipal.service-records.v1 (projection of MonthlySummarySubmitted).
CREATE TABLE municipal_summary (
    summary_id   VARCHAR(80)  NOT NULL PRIMARY KEY,
    street_code  VARCHAR(64)  NOT NULL,
    month        CHAR(7)      NOT NULL,
    figures      TEXT         NOT NULL,
    submitted_by VARCHAR(200) NOT NULL,
    submitted_at TIMESTAMPTZ  NOT NULL
);
