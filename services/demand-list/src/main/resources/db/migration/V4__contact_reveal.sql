-- Every time a member unit was shown a resident's contact: who, for which unit, when, which demand. The desk of the
-- demand's street and its auditor list them; rows are never changed or deleted by the service.
CREATE TABLE contact_reveal (
    id             BIGSERIAL    NOT NULL PRIMARY KEY,
    demand_id      VARCHAR(36)  NOT NULL,
    street_code    VARCHAR(64)  NOT NULL,
    community_code VARCHAR(64)  NOT NULL,
    unit_id        VARCHAR(200) NOT NULL,
    revealed_to    VARCHAR(200) NOT NULL,
    revealed_at    TIMESTAMPTZ  NOT NULL
);

CREATE INDEX contact_reveal_street_time ON contact_reveal (street_code, revealed_at DESC);
