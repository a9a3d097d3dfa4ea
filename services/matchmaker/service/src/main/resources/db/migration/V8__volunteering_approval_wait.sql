-- The approval wait of a 揭榜 (README "The 揭榜's approval wait"): a unit's volunteering (a PROPOSED project of origin
-- VOLUNTEERED) waits for the approval of the desk or the community only so long; then it escalates to the desk (a
-- project_deadline row of kind APPROVAL, like the other deadlines). The projection writes the row with the proposal
-- from now on. Proposals already waiting when this version starts had no end: their wait runs from the proposal for
-- the default of their urgency (threelists.deadlines.approval.*), so those volunteered long ago escalate at the first
-- poll.
INSERT INTO project_deadline (project_id, kind, claim_id, due_at, urgency)
SELECT project_id, 'APPROVAL', '', proposed_at + CASE urgency
        WHEN 'LOW' THEN INTERVAL '7 days'
        WHEN 'HIGH' THEN INTERVAL '1 day'
        WHEN 'CRITICAL' THEN INTERVAL '4 hours'
        ELSE INTERVAL '3 days' END, urgency
FROM project_view
WHERE status = 'PROPOSED' AND origin = 'VOLUNTEERED'
ON CONFLICT DO NOTHING;
