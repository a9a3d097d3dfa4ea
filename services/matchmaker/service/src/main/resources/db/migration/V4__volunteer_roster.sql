-- The volunteers of the member units (resource-list.events.v1 threelists.volunteer.*): a delivery report may name only
-- volunteers registered with a unit holding the project. No personal data beyond the masked name, dropped on erasure.
CREATE TABLE volunteer_roster (
    volunteer_id   VARCHAR(36)  NOT NULL PRIMARY KEY,
    unit_id        VARCHAR(70)  NOT NULL,
    home_community VARCHAR(64)  NOT NULL,
    masked_name    VARCHAR(50),
    status         VARCHAR(20)  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL,
    updated_by     VARCHAR(200) NOT NULL,
    version        BIGINT       NOT NULL
);
CREATE INDEX volunteer_roster_unit ON volunteer_roster (unit_id, status);
