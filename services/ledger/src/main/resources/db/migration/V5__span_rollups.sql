-- Roll-ups per calendar year and per calendar month (a "span") and per dimension, so that a report of a street-year or
-- a street-month reads a few rows per group instead of every day's rows (services/ledger/README.md, "Roll-ups").
-- Kept by LedgerRollups beside ledger_rollup, in the same transaction and with the same grouping; keyed by generation
-- and dropped with it; `confirmed` as in ledger_rollup (the community's confirmation moves a project's figures).

-- Per span × street × dimension value. dim STREET, COMMUNITY, CATEGORY count as the street's own rows (every entry,
-- each delivery once); dim UNIT as a unit's rows (its entries, each delivery it took part in once, with that delivery's
-- residents served). `volunteers` is the number of distinct volunteers with hours in the row, kept exact with the
-- per-volunteer rows below (distinct counts do not add up over days, so they are counted when written, not when read).
CREATE TABLE ledger_rollup_span (
    generation       INTEGER        NOT NULL,
    street_code      VARCHAR(64)    NOT NULL,
    span             VARCHAR(5)     NOT NULL CHECK (span IN ('YEAR', 'MONTH')),
    span_start       DATE           NOT NULL,
    dim              VARCHAR(10)    NOT NULL CHECK (dim IN ('STREET', 'UNIT', 'COMMUNITY', 'CATEGORY')),
    dim_value        VARCHAR(70)    NOT NULL,
    confirmed        BOOLEAN        NOT NULL,
    hours            NUMERIC(14, 2) NOT NULL,
    services         BIGINT         NOT NULL,
    residents_served BIGINT         NOT NULL,
    entries          BIGINT         NOT NULL,
    volunteers       BIGINT         NOT NULL,
    PRIMARY KEY (generation, street_code, span, span_start, dim, dim_value, confirmed)
);
-- a confirmation leaves rows with nothing in them; they are found through this and deleted
CREATE INDEX ledger_rollup_span_empty ON ledger_rollup_span (generation) WHERE entries = 0;

-- Which volunteers a span row counts, with how many of their entries: a volunteer is counted when the row's first
-- entry of theirs arrives and uncounted when their last one leaves (a confirmation moving it to the confirmed rows).
CREATE TABLE ledger_rollup_span_volunteer (
    generation   INTEGER     NOT NULL,
    street_code  VARCHAR(64) NOT NULL,
    span         VARCHAR(5)  NOT NULL,
    span_start   DATE        NOT NULL,
    dim          VARCHAR(10) NOT NULL,
    dim_value    VARCHAR(70) NOT NULL,
    confirmed    BOOLEAN     NOT NULL,
    volunteer_id VARCHAR(36) NOT NULL,
    entries      BIGINT      NOT NULL,
    PRIMARY KEY (generation, street_code, span, span_start, dim, dim_value, confirmed, volunteer_id)
);
CREATE INDEX ledger_rollup_span_volunteer_empty ON ledger_rollup_span_volunteer (generation) WHERE entries = 0;

-- The spans of the entries recorded before this migration: the same groupings as LedgerRollups.
INSERT INTO ledger_rollup_span
SELECT x.generation, x.street_code, s.span, s.span_start, d.dim, d.dim_value,
       x.origin = 'SLIP' OR EXISTS (SELECT 1 FROM project cp WHERE cp.project_id = x.project_id AND cp.completed_at IS NOT NULL),
       COALESCE(SUM(x.hours) FILTER (WHERE x.kind = 'HOURS'), 0), COUNT(*) FILTER (WHERE x.kind = 'DELIVERY'),
       COALESCE(SUM(x.residents_served) FILTER (WHERE x.kind = 'DELIVERY'), 0), COUNT(*), 0
FROM ledger_entry x
CROSS JOIN LATERAL (VALUES ('YEAR', date_trunc('year', x.entry_date)::date), ('MONTH', date_trunc('month', x.entry_date)::date)) s (span, span_start)
CROSS JOIN LATERAL (VALUES ('STREET', x.street_code), ('COMMUNITY', x.community_code), ('CATEGORY', x.category)) d (dim, dim_value)
GROUP BY 1, 2, 3, 4, 5, 6, 7;

INSERT INTO ledger_rollup_span
SELECT u.generation, u.street_code, s.span, s.span_start, 'UNIT', u.unit_id, u.confirmed, SUM(u.hours), COUNT(*),
       COALESCE(SUM(d.residents_served), 0), SUM(u.entries), 0
FROM (SELECT x.generation, x.event_id, x.street_code, x.entry_date, x.unit_id,
             x.origin = 'SLIP' OR EXISTS (SELECT 1 FROM project cp WHERE cp.project_id = x.project_id AND cp.completed_at IS NOT NULL) AS confirmed,
             COALESCE(SUM(x.hours) FILTER (WHERE x.kind = 'HOURS'), 0) AS hours, COUNT(*) AS entries
      FROM ledger_entry x WHERE x.unit_id IS NOT NULL AND x.unit_id <> ''
      GROUP BY 1, 2, 3, 4, 5, 6) u
LEFT JOIN ledger_entry d ON d.generation = u.generation AND d.event_id = u.event_id AND d.kind = 'DELIVERY'
CROSS JOIN LATERAL (VALUES ('YEAR', date_trunc('year', u.entry_date)::date), ('MONTH', date_trunc('month', u.entry_date)::date)) s (span, span_start)
GROUP BY 1, 2, 3, 4, 5, 6, 7;

INSERT INTO ledger_rollup_span_volunteer
SELECT x.generation, x.street_code, s.span, s.span_start, d.dim, d.dim_value,
       x.origin = 'SLIP' OR EXISTS (SELECT 1 FROM project cp WHERE cp.project_id = x.project_id AND cp.completed_at IS NOT NULL),
       x.volunteer_id, COUNT(*)
FROM ledger_entry x
CROSS JOIN LATERAL (VALUES ('YEAR', date_trunc('year', x.entry_date)::date), ('MONTH', date_trunc('month', x.entry_date)::date)) s (span, span_start)
CROSS JOIN LATERAL (VALUES ('STREET', x.street_code), ('COMMUNITY', x.community_code), ('CATEGORY', x.category),
                           ('UNIT', NULLIF(x.unit_id, ''))) d (dim, dim_value)
WHERE x.volunteer_id IS NOT NULL AND (COALESCE(x.unit_id, '') <> '' OR x.origin = 'SLIP' AND x.kind = 'HOURS')
  AND d.dim_value IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

UPDATE ledger_rollup_span r SET volunteers = v.n
FROM (SELECT generation, street_code, span, span_start, dim, dim_value, confirmed, COUNT(*) AS n
      FROM ledger_rollup_span_volunteer GROUP BY 1, 2, 3, 4, 5, 6, 7) v
WHERE r.generation = v.generation AND r.street_code = v.street_code AND r.span = v.span AND r.span_start = v.span_start
  AND r.dim = v.dim AND r.dim_value = v.dim_value AND r.confirmed = v.confirmed;

-- Reports add the corrections' deltas of their street and period, those of confirmed projects: both read from indexes
-- alone (the project's confirmation from the partial index of confirmed projects).
CREATE INDEX ledger_correction_street_figures ON ledger_correction (street_code, entry_date)
    INCLUDE (unit_id, community_code, category, delta, origin, project_id);
CREATE INDEX project_confirmed ON project (project_id) WHERE completed_at IS NOT NULL;
DROP INDEX ledger_correction_street;
