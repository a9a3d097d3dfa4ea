-- The code printed on an hour statement: the public verification needs it, so numbers cannot be enumerated.
-- Statements issued before get a random code too (the desk reads it back to reprint).
ALTER TABLE hour_statement ADD COLUMN verification_code VARCHAR(16);
UPDATE hour_statement SET verification_code = upper(substr(md5(random()::text || number || clock_timestamp()::text), 1, 12));
ALTER TABLE hour_statement ALTER COLUMN verification_code SET NOT NULL;

-- What changed a month after its summary went to the municipal platform: a delivery dated in the month, or the
-- community's confirmation of a delivery of the month, that arrived after the summary was sent. The sent summary
-- never changes; the desk sees these and reports a correction. Keyed by the event, so a rebuild adds nothing.
CREATE TABLE summary_correction_needed (
    event_id     VARCHAR(64)  NOT NULL,
    delivery_id  VARCHAR(64)  NOT NULL,
    reason       VARCHAR(30)  NOT NULL CHECK (reason IN ('DELIVERED_AFTER_SUMMARY', 'CONFIRMED_AFTER_SUMMARY')),
    summary_id   VARCHAR(80)  NOT NULL,
    street_code  VARCHAR(64)  NOT NULL,
    month        CHAR(7)      NOT NULL,
    project_id   VARCHAR(36)  NOT NULL,
    entry_date   DATE         NOT NULL,
    hours        NUMERIC(10, 2) NOT NULL,
    noted_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (event_id, delivery_id)
);
CREATE INDEX summary_correction_needed_street ON summary_correction_needed (street_code, month);
