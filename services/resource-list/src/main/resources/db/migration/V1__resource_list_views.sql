-- The resource list's read models, kept by the projections in the same transaction as the events.
CREATE TABLE unit_view (
    unit_id            VARCHAR(70)  NOT NULL PRIMARY KEY,
    street_code        VARCHAR(64)  NOT NULL,
    name               VARCHAR(200) NOT NULL,
    kind               VARCHAR(40)  NOT NULL,
    party_organisation VARCHAR(200),
    communities        VARCHAR(100)[]       NOT NULL,
    contact_person     VARCHAR(100),
    contact_phone      VARCHAR(40),
    contact_email      VARCHAR(200),
    status             VARCHAR(20)  NOT NULL,
    status_reason      TEXT,
    registered_at      TIMESTAMPTZ  NOT NULL,
    registered_by      VARCHAR(200) NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    updated_by         VARCHAR(200) NOT NULL,
    version            BIGINT       NOT NULL
);
CREATE INDEX unit_view_street ON unit_view (street_code, status);

CREATE TABLE resource_view (
    resource_id     VARCHAR(36)    NOT NULL PRIMARY KEY,
    unit_id         VARCHAR(70)    NOT NULL,
    street_code     VARCHAR(64)    NOT NULL,
    type            VARCHAR(40)    NOT NULL,
    title           VARCHAR(200)   NOT NULL,
    description     TEXT,
    categories      VARCHAR(100)[]         NOT NULL,
    skills          VARCHAR(100)[]         NOT NULL,
    service_area    VARCHAR(100)[]         NOT NULL,
    availability    TEXT           NOT NULL,
    capacity_amount NUMERIC(14, 2) NOT NULL,
    capacity_unit   VARCHAR(40)    NOT NULL,
    capacity_period VARCHAR(20)    NOT NULL,
    valid_from      DATE           NOT NULL,
    valid_until     DATE,
    -- The span of days the offer can be used in: validity narrowed by its date ranges, if it has any.
    available_from  DATE           NOT NULL,
    available_until DATE,
    status          VARCHAR(20)    NOT NULL,
    status_reason   TEXT,
    offered_at      TIMESTAMPTZ    NOT NULL,
    offered_by      VARCHAR(200)   NOT NULL,
    updated_at      TIMESTAMPTZ    NOT NULL,
    updated_by      VARCHAR(200)   NOT NULL,
    version         BIGINT         NOT NULL
);
CREATE INDEX resource_view_street ON resource_view (street_code, status);
CREATE INDEX resource_view_unit ON resource_view (unit_id);
CREATE INDEX resource_view_categories ON resource_view USING GIN (categories);
CREATE INDEX resource_view_service_area ON resource_view USING GIN (service_area);

CREATE TABLE reservation_view (
    resource_id VARCHAR(36)    NOT NULL,
    project_id  VARCHAR(100)   NOT NULL,
    period      VARCHAR(10)    NOT NULL,
    amount      NUMERIC(14, 2) NOT NULL,
    status      VARCHAR(20)    NOT NULL CHECK (status IN ('RESERVED', 'CONSUMED', 'RELEASED')),
    reason      TEXT,
    updated_at  TIMESTAMPTZ    NOT NULL,
    updated_by  VARCHAR(200)   NOT NULL,
    PRIMARY KEY (resource_id, project_id)
);

CREATE TABLE volunteer_view (
    volunteer_id     VARCHAR(36)  NOT NULL PRIMARY KEY,
    unit_id          VARCHAR(70)  NOT NULL,
    street_code      VARCHAR(64)  NOT NULL,
    home_community   VARCHAR(64)  NOT NULL,
    skills           VARCHAR(100)[]       NOT NULL,
    masked_name      VARCHAR(50)  NOT NULL,
    sealed_person    TEXT,
    person_erased    BOOLEAN      NOT NULL DEFAULT FALSE,
    status           VARCHAR(20)  NOT NULL,
    status_reason    TEXT,
    consent_given_at TIMESTAMPTZ  NOT NULL,
    registered_at    TIMESTAMPTZ  NOT NULL,
    registered_by    VARCHAR(200) NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    updated_by       VARCHAR(200) NOT NULL,
    version          BIGINT       NOT NULL
);
CREATE INDEX volunteer_view_unit ON volunteer_view (unit_id, status);
