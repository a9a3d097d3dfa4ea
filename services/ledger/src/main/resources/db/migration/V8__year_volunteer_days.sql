-- The days of the year on which each volunteer of a confirmed YEAR span row has entries in it: bit d-1 for day d of
-- the year (extract(doy)). A report over a period inside one year (2026-03-15..09-10) then counts a group's distinct
-- volunteers as its year row's members whose days meet the period's, one index row per (group, volunteer), instead of
-- hashing the volunteers of every whole month and of every day of the partial months together (bench/README.md,
-- "Ledger: a period inside months, the volunteers' days of the year").
--
-- Only confirmed rows keep days: their entries are only ever added (a confirmation moves figures from the unconfirmed
-- rows to the confirmed ones, never back), so a bit set once stays true, and the writers only OR bits in. Unconfirmed
-- rows lose entries when their project is confirmed, and which days remain would need the per-day counts; their
-- `days` stays NULL and the pending figures keep counting over the month rows and the days' participation rows.
ALTER TABLE ledger_rollup_span_volunteer ADD COLUMN days BIT(366);

UPDATE ledger_rollup_span_volunteer r SET days = g.days
FROM (SELECT x.generation,
             md5(concat_ws('|', x.street_code, 'YEAR', date_trunc('year', x.entry_date)::date, d.dim, d.dim_value, true))::uuid AS row_key,
             x.volunteer_id, bit_or(set_bit(B'0'::bit(366), extract(doy FROM x.entry_date)::int - 1, 1)) AS days
      FROM ledger_entry x
      CROSS JOIN LATERAL (VALUES ('STREET', x.street_code), ('COMMUNITY', x.community_code), ('CATEGORY', x.category),
                                 ('UNIT', NULLIF(x.unit_id, ''))) d (dim, dim_value)
      WHERE x.volunteer_id IS NOT NULL AND (COALESCE(x.unit_id, '') <> '' OR x.origin = 'SLIP' AND x.kind = 'HOURS')
        AND d.dim_value IS NOT NULL
        AND (x.origin = 'SLIP' OR EXISTS (SELECT 1 FROM project cp WHERE cp.project_id = x.project_id AND cp.completed_at IS NOT NULL))
      GROUP BY 1, 2, 3) g
WHERE r.generation = g.generation AND r.row_key = g.row_key AND r.volunteer_id = g.volunteer_id;

-- What a report reads of a year row's members, in the index alone (an index-only scan once the pages are all-visible):
-- the volunteer (a period over two years unites their sets) and the days.
CREATE INDEX ledger_rollup_span_volunteer_days ON ledger_rollup_span_volunteer (generation, row_key, volunteer_id)
    INCLUDE (days) WHERE days IS NOT NULL;
