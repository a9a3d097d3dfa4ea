-- Roll-ups of the entries, kept by the projection in each entry's own transaction (LedgerRollups), so that a report
-- over a street-year reads its roll-up rows instead of every entry. Both are keyed by generation like the entries and
-- dropped with them. `confirmed` is whether the entries' project is confirmed by its community (only then do their
-- hours count, services/ledger/README.md "Confirmed and pending hours"); the community's confirmation moves the
-- project's figures from the unconfirmed rows to the confirmed ones. Corrections are not rolled up: they belong to no
-- generation and are few (a desk's hand edits), so reports add them from ledger_correction.

-- Per day × street × unit × community × category. unit_id '' is the street's own row: every entry, each delivery
-- counted once. A unit's row holds the entries with its unit and counts each delivery it took part in once (with
-- volunteers or a pledge), with that delivery's residents served.
CREATE TABLE ledger_rollup (
    generation       INTEGER        NOT NULL,
    street_code      VARCHAR(64)    NOT NULL,
    entry_date       DATE           NOT NULL,
    unit_id          VARCHAR(70)    NOT NULL,
    community_code   VARCHAR(64)    NOT NULL,
    category         VARCHAR(40)    NOT NULL,
    confirmed        BOOLEAN        NOT NULL,
    hours            NUMERIC(14, 2) NOT NULL,
    services         BIGINT         NOT NULL,
    residents_served BIGINT         NOT NULL,
    entries          BIGINT         NOT NULL,
    PRIMARY KEY (generation, street_code, entry_date, unit_id, community_code, category, confirmed)
);

-- Who took part in what: per day × street × unit × volunteer × community × category × project (volunteer_id '' for a
-- unit's pledges). Distinct volunteers and a unit's or volunteer's projects (rankings) are not additive over days, so
-- they are counted over these rows; a project's repeated services by the same people fold into one row per day.
CREATE TABLE ledger_participation (
    generation     INTEGER        NOT NULL,
    street_code    VARCHAR(64)    NOT NULL,
    entry_date     DATE           NOT NULL,
    unit_id        VARCHAR(70)    NOT NULL,
    volunteer_id   VARCHAR(36)    NOT NULL,
    community_code VARCHAR(64)    NOT NULL,
    category       VARCHAR(40)    NOT NULL,
    project_id     VARCHAR(36)    NOT NULL,
    confirmed      BOOLEAN        NOT NULL,
    hours          NUMERIC(14, 2) NOT NULL,
    entries        BIGINT         NOT NULL,
    PRIMARY KEY (generation, street_code, entry_date, unit_id, volunteer_id, community_code, category, project_id, confirmed)
);
CREATE INDEX ledger_participation_unit ON ledger_participation (generation, unit_id, entry_date);

-- The community's confirmation finds the project's entries to move their figures.
CREATE INDEX ledger_entry_project ON ledger_entry (generation, project_id);

-- The roll-ups of the entries recorded before this migration (the same grouping as LedgerRollups).
INSERT INTO ledger_rollup
SELECT x.generation, x.street_code, x.entry_date, '', x.community_code, x.category, p.completed_at IS NOT NULL,
       COALESCE(SUM(x.hours) FILTER (WHERE x.kind = 'HOURS'), 0), COUNT(*) FILTER (WHERE x.kind = 'DELIVERY'),
       COALESCE(SUM(x.residents_served) FILTER (WHERE x.kind = 'DELIVERY'), 0), COUNT(*)
FROM ledger_entry x LEFT JOIN project p ON p.project_id = x.project_id
GROUP BY 1, 2, 3, 4, 5, 6, 7;

INSERT INTO ledger_rollup
SELECT u.generation, u.street_code, u.entry_date, u.unit_id, u.community_code, u.category, u.confirmed, SUM(u.hours),
       COUNT(*), COALESCE(SUM(d.residents_served), 0), SUM(u.entries)
FROM (SELECT x.generation, x.event_id, x.street_code, x.entry_date, x.unit_id, x.community_code, x.category,
             p.completed_at IS NOT NULL AS confirmed, COALESCE(SUM(x.hours) FILTER (WHERE x.kind = 'HOURS'), 0) AS hours,
             COUNT(*) AS entries
      FROM ledger_entry x LEFT JOIN project p ON p.project_id = x.project_id
      WHERE x.unit_id IS NOT NULL AND x.unit_id <> ''
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) u
LEFT JOIN ledger_entry d ON d.generation = u.generation AND d.event_id = u.event_id AND d.kind = 'DELIVERY'
GROUP BY 1, 2, 3, 4, 5, 6, 7;

INSERT INTO ledger_participation
SELECT x.generation, x.street_code, x.entry_date, x.unit_id, COALESCE(x.volunteer_id, ''), x.community_code, x.category,
       x.project_id, p.completed_at IS NOT NULL, COALESCE(SUM(x.hours) FILTER (WHERE x.kind = 'HOURS'), 0), COUNT(*)
FROM ledger_entry x LEFT JOIN project p ON p.project_id = x.project_id
WHERE x.unit_id IS NOT NULL AND x.unit_id <> ''
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
