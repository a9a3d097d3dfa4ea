-- Submission keys are kept for a retention period only (services/demand-list/README.md, "Retrying a submission"):
-- the sweep takes the oldest rows in small batches by created_at, so it reads an index, not the whole table.
CREATE INDEX submission_key_created_at ON submission_key (created_at);
