-- The demand list's read model, kept by DemandProjection in the same transaction as the events.
CREATE TABLE demand_view (
    demand_id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    street_code         VARCHAR(64)   NOT NULL,
    community_code      VARCHAR(64)   NOT NULL,
    compound            VARCHAR(200),
    building            VARCHAR(100),
    category            VARCHAR(40)   NOT NULL,
    description         TEXT          NOT NULL,
    beneficiaries       INTEGER       NOT NULL,
    urgency             VARCHAR(20)   NOT NULL,
    window_start        DATE,
    window_end          DATE,
    deadline            DATE,
    estimated_hours     NUMERIC(8, 2) NOT NULL,
    required_skills     TEXT          NOT NULL DEFAULT '[]',
    source              VARCHAR(40)   NOT NULL,
    municipal_ticket_id VARCHAR(200)  UNIQUE,
    sealed_resident     TEXT,
    resident_erased     BOOLEAN       NOT NULL DEFAULT FALSE,
    status              VARCHAR(20)   NOT NULL,
    status_reason       TEXT,
    duplicate_of        VARCHAR(36),
    project_id          VARCHAR(64),
    rating              INTEGER,
    submitted_at        TIMESTAMPTZ   NOT NULL,
    submitted_by        VARCHAR(200)  NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL,
    updated_by          VARCHAR(200)  NOT NULL,
    version             BIGINT        NOT NULL
);

CREATE INDEX demand_view_street_status ON demand_view (street_code, status, submitted_at DESC);
CREATE INDEX demand_view_community_status ON demand_view (community_code, status, submitted_at DESC);
