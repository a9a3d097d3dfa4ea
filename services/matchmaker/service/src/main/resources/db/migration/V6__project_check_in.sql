-- Check-in and check-out at a project's scheduled activity, and the delivery's reconciliation (README "Check-in and
-- reconciliation"), kept by ProjectProjection with the events. attendance: JSON [{volunteerId, unitId, checkedInAt,
-- checkedHours, lastCheckedOutAt}] while the activity runs; reconciliation: JSON of the delivery's lines (reported,
-- checked, credited hours, basis, difference); hours_differ: a line's difference is not zero, for the desk's list.
ALTER TABLE project_view
    ADD COLUMN attendance     TEXT,
    ADD COLUMN reconciliation TEXT,
    ADD COLUMN hours_differ   BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX project_view_hours_differ ON project_view (street_code, proposed_at DESC) WHERE hours_differ;
