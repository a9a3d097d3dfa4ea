-- The volunteers of the span roll-ups keyed by their span row's key hashed to a UUID (SpanRollups.rowKey) instead of
-- the row's seven columns: ~8 such rows per HOURS entry are upserted by every delivery and every rebuild, and the
-- upsert's cost grows with the primary key's width once the index outgrows memory (bench/README.md, "Ledger: span
-- roll-ups from the batch": this key took half the time of the seven-column one for the same million rows). The
-- figures do not change: a span row's volunteers are the rows with its key, counted when written as before
-- (V5__span_rollups.sql).
CREATE TABLE ledger_rollup_span_member (
    generation   INTEGER     NOT NULL,
    row_key      UUID        NOT NULL,
    volunteer_id VARCHAR(36) NOT NULL,
    entries      BIGINT      NOT NULL,
    PRIMARY KEY (generation, row_key, volunteer_id)
);

INSERT INTO ledger_rollup_span_member
SELECT generation, md5(concat_ws('|', street_code, span, span_start, dim, dim_value, confirmed))::uuid, volunteer_id,
       entries
FROM ledger_rollup_span_volunteer;

DROP TABLE ledger_rollup_span_volunteer;
ALTER TABLE ledger_rollup_span_member RENAME TO ledger_rollup_span_volunteer;
ALTER TABLE ledger_rollup_span_volunteer RENAME CONSTRAINT ledger_rollup_span_member_pkey TO ledger_rollup_span_volunteer_pkey;
-- a confirmation leaves rows with nothing in them; they are found through this and deleted
CREATE INDEX ledger_rollup_span_volunteer_empty ON ledger_rollup_span_volunteer (generation) WHERE entries = 0;
