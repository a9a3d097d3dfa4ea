-- The confirmation wait (README "Confirmation wait"): a delivery waits for its community's confirmation (确认完成) only
-- so long; then it escalates to the desk (a project_deadline row of kind CONFIRMATION, like the other deadlines), and
-- the desk may confirm on the community's behalf with a reason. confirmation_deadline: when the wait passes (kept after
-- the confirmation); completed_at/completed_by: who confirmed and when; confirmed_on_behalf and on_behalf_reason: the
-- desk confirmed, and why. Completions recorded before this version keep these columns empty.
ALTER TABLE project_view
    ADD COLUMN confirmation_deadline TIMESTAMPTZ,
    ADD COLUMN completed_at          TIMESTAMPTZ,
    ADD COLUMN completed_by          VARCHAR(200),
    ADD COLUMN confirmed_on_behalf   BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN on_behalf_reason      TEXT;

-- Deliveries already waiting when this version starts were blocked with no end: their wait runs from the delivery (the
-- last change of a DELIVERED project) for the default week, so those delivered long ago escalate at the first poll.
UPDATE project_view SET confirmation_deadline = updated_at + INTERVAL '7 days' WHERE status = 'DELIVERED';
INSERT INTO project_deadline (project_id, kind, claim_id, due_at, urgency)
SELECT project_id, 'CONFIRMATION', '', confirmation_deadline, urgency
FROM project_view
WHERE status = 'DELIVERED';
