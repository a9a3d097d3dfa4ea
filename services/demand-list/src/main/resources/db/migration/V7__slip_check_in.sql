-- Check-in and check-out of a slip (services/demand-list/README.md, "Check-in and check-out"): the member's check-in
-- and check-out times, the checked hours beside the member's own figure, and where the hours that count come from.
-- hours now holds what the slip credits (checked or confirmed; null until known), reported_hours the member's figure.
ALTER TABLE slip_view ADD COLUMN checked_in_at TIMESTAMPTZ;
ALTER TABLE slip_view ADD COLUMN checked_out_at TIMESTAMPTZ;
ALTER TABLE slip_view ADD COLUMN checked_in BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE slip_view ADD COLUMN at_place BOOLEAN;
ALTER TABLE slip_view ADD COLUMN checked_hours NUMERIC(6, 2);
ALTER TABLE slip_view ADD COLUMN reported_hours NUMERIC(6, 2);
ALTER TABLE slip_view ADD COLUMN hours_source VARCHAR(30);
ALTER TABLE slip_view ADD COLUMN hours_confirmed_by VARCHAR(200);
ALTER TABLE slip_view ADD COLUMN hours_confirmation_reason TEXT;
-- Slips reported before check-in existed: the member's figure was what they credited.
UPDATE slip_view SET reported_hours = hours WHERE hours IS NOT NULL;
