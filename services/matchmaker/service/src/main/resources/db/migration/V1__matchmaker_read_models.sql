-- The matchmaker's read models of the demand list and the resource list, kept by the inbound handlers from
-- demand-list.events.v1 and resource-list.events.v1. Every row is derived from the topics only: dropping the rows and
-- the consumer groups' inbox entries and replaying the topics from offset 0 gives the same rows.
-- updated_at is the time of the last event applied (not of its processing), version the number of events applied.

-- Every demand with its public fields and its status; open for matching while LISTED.
CREATE TABLE open_demand (
    demand_id            VARCHAR(36)    NOT NULL PRIMARY KEY,
    street_code          VARCHAR(64)    NOT NULL,
    community_code       VARCHAR(64)    NOT NULL,
    compound             VARCHAR(200),
    building             VARCHAR(100),
    category             VARCHAR(40)    NOT NULL,
    description          TEXT           NOT NULL,
    beneficiaries        INTEGER        NOT NULL,
    urgency              VARCHAR(20)    NOT NULL,
    window_start         DATE,
    window_end           DATE,
    deadline             DATE,
    estimated_hours      NUMERIC(8, 2)  NOT NULL,
    required_skills      VARCHAR(200)[] NOT NULL,
    source               VARCHAR(40)    NOT NULL,
    municipal_ticket_id  VARCHAR(200),
    has_resident_contact BOOLEAN        NOT NULL,
    status               VARCHAR(20)    NOT NULL,
    status_reason        TEXT,
    duplicate_of         VARCHAR(36),
    project_id           VARCHAR(100),
    rating               INTEGER,
    updated_at           TIMESTAMPTZ    NOT NULL,
    updated_by           VARCHAR(200)   NOT NULL,
    version              BIGINT         NOT NULL
);
CREATE INDEX open_demand_street_status ON open_demand (street_code, status);

-- The alliance's member units: which street they belong to, and whether they are still members.
CREATE TABLE member_unit (
    unit_id       VARCHAR(70)    NOT NULL PRIMARY KEY,
    name          VARCHAR(200)   NOT NULL,
    kind          VARCHAR(40)    NOT NULL,
    street_code   VARCHAR(64)    NOT NULL,
    communities   VARCHAR(100)[] NOT NULL,
    status        VARCHAR(20)    NOT NULL,
    status_reason TEXT,
    updated_at    TIMESTAMPTZ    NOT NULL,
    updated_by    VARCHAR(200)   NOT NULL,
    version       BIGINT         NOT NULL
);
CREATE INDEX member_unit_street ON member_unit (street_code, status);

-- The offers of the resource list; matched while ACTIVE.
CREATE TABLE available_resource (
    resource_id     VARCHAR(36)    NOT NULL PRIMARY KEY,
    unit_id         VARCHAR(70)    NOT NULL,
    type            VARCHAR(40)    NOT NULL,
    title           VARCHAR(200)   NOT NULL,
    description     TEXT           NOT NULL,
    categories      VARCHAR(40)[]  NOT NULL,
    skills          VARCHAR(200)[] NOT NULL,
    service_area    VARCHAR(100)[] NOT NULL,
    availability    TEXT           NOT NULL,
    valid_from      DATE           NOT NULL,
    valid_until     DATE,
    -- The envelope of the days the offer can be used: validity narrowed by its date ranges, if it has any.
    available_from  DATE           NOT NULL,
    available_until DATE,
    capacity_amount NUMERIC(14, 2) NOT NULL,
    capacity_unit   VARCHAR(40)    NOT NULL,
    capacity_period VARCHAR(20)    NOT NULL,
    status          VARCHAR(20)    NOT NULL,
    status_reason   TEXT,
    updated_at      TIMESTAMPTZ    NOT NULL,
    updated_by      VARCHAR(200)   NOT NULL,
    version         BIGINT         NOT NULL
);
CREATE INDEX available_resource_unit ON available_resource (unit_id, status);

-- What is left of a resource's capacity in one period ("2026-12" or "TOTAL"), as the last capacity event said.
-- committed (capacity − remaining at that event) lets a later change of the offer's amount move the remaining too.
CREATE TABLE resource_remaining (
    resource_id VARCHAR(36)    NOT NULL,
    period      VARCHAR(10)    NOT NULL,
    unit_id     VARCHAR(70)    NOT NULL,
    remaining   NUMERIC(14, 2) NOT NULL,
    committed   NUMERIC(14, 2),
    updated_at  TIMESTAMPTZ    NOT NULL,
    updated_by  VARCHAR(200)   NOT NULL,
    version     BIGINT         NOT NULL,
    PRIMARY KEY (resource_id, period)
);
CREATE INDEX resource_remaining_unit ON resource_remaining (unit_id, period);
