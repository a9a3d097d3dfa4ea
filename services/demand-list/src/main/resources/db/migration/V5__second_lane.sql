-- The second lane (services/demand-list/README.md, "The second lane"): the Party group holding a demand, and the
-- communities' building Party groups as resource-list publishes them (resource-list.events.v1, party-group.*).
ALTER TABLE demand_view ADD COLUMN party_group_id VARCHAR(36);

CREATE TABLE party_group (
    group_id       VARCHAR(36)  NOT NULL PRIMARY KEY,
    street_code    VARCHAR(64)  NOT NULL,
    community_code VARCHAR(64)  NOT NULL,
    name           VARCHAR(100) NOT NULL,
    compound       VARCHAR(100),
    buildings      VARCHAR(50)[]        NOT NULL,
    leader_id      VARCHAR(36),
    updated_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX party_group_community ON party_group (community_code, compound);

CREATE TABLE party_group_member (
    group_id     VARCHAR(36) NOT NULL REFERENCES party_group (group_id),
    member_id    VARCHAR(36) NOT NULL,
    kind         VARCHAR(20) NOT NULL,
    home_unit_id VARCHAR(70),
    masked_name  VARCHAR(50) NOT NULL,
    PRIMARY KEY (group_id, member_id)
);
CREATE INDEX party_group_member_member ON party_group_member (member_id);
