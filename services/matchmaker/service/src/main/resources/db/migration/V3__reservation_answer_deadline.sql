-- A claim or pledge waits for resource-list's answer only so long (threelists.deadlines.claim-pending): each pending
-- claim has its own row, so a project's deadlines are keyed by the claim too ('' for the project's own deadlines).
ALTER TABLE project_deadline ADD COLUMN claim_id VARCHAR(36) NOT NULL DEFAULT '';
ALTER TABLE project_deadline DROP CONSTRAINT project_deadline_pkey;
ALTER TABLE project_deadline ADD PRIMARY KEY (project_id, kind, claim_id);

-- Claims already waiting when this version starts get their answer deadline now (the default wait from now on).
INSERT INTO project_deadline (project_id, kind, claim_id, due_at, urgency)
SELECT c.project_id, 'RESERVATION', c.claim_id, now() + INTERVAL '5 minutes', p.urgency
FROM project_claim c JOIN project_view p ON p.project_id = c.project_id
WHERE c.status = 'PENDING';
