-- Building Party groups (楼栋党小组) and their members, kept by PartyGroupProjection with the events.
CREATE TABLE party_group_view (
    group_id       VARCHAR(36)  NOT NULL PRIMARY KEY,
    street_code    VARCHAR(64)  NOT NULL,
    community_code VARCHAR(64)  NOT NULL,
    name           VARCHAR(100) NOT NULL,
    compound       VARCHAR(100),
    buildings      VARCHAR(50)[]        NOT NULL,
    leader_id      VARCHAR(36),
    created_at     TIMESTAMPTZ  NOT NULL,
    created_by     VARCHAR(200) NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL,
    updated_by     VARCHAR(200) NOT NULL,
    version        BIGINT       NOT NULL
);
CREATE INDEX party_group_view_community ON party_group_view (community_code);

-- A member of one group; a removed member's row goes (the events keep the history).
CREATE TABLE party_member_view (
    group_id      VARCHAR(36)  NOT NULL REFERENCES party_group_view (group_id),
    member_id     VARCHAR(36)  NOT NULL,
    kind          VARCHAR(20)  NOT NULL,
    home_unit_id  VARCHAR(70),
    masked_name   VARCHAR(50)  NOT NULL,
    skills        VARCHAR(100)[]       NOT NULL,
    sealed_person TEXT,
    added_at      TIMESTAMPTZ  NOT NULL,
    added_by      VARCHAR(200) NOT NULL,
    PRIMARY KEY (group_id, member_id)
);
CREATE INDEX party_member_view_member ON party_member_view (member_id);
