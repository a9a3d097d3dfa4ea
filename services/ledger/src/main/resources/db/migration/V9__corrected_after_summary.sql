-- A desk's correction of hours in a month already sent to the municipal platform is a correction needed too
-- (services/ledger/README.md, "Monthly municipal summary"); its hours are the correction's delta.
ALTER TABLE summary_correction_needed DROP CONSTRAINT summary_correction_needed_reason_check;
ALTER TABLE summary_correction_needed ADD CONSTRAINT summary_correction_needed_reason_check
    CHECK (reason IN ('DELIVERED_AFTER_SUMMARY', 'CONFIRMED_AFTER_SUMMARY', 'CORRECTED_AFTER_SUMMARY'));
ALTER TABLE summary_correction_needed ALTER COLUMN reason TYPE VARCHAR(30);
