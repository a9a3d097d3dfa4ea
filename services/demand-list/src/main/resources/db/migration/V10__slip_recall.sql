-- Recalling a slip (撤回派单, services/demand-list/README.md, "The slip"): who took it back, when, why, and how far
-- its time limit had been escalated then (null: not at all).
ALTER TABLE slip_view ADD COLUMN recalled_at TIMESTAMPTZ;
ALTER TABLE slip_view ADD COLUMN recalled_by VARCHAR(200);
ALTER TABLE slip_view ADD COLUMN recall_reason TEXT;
ALTER TABLE slip_view ADD COLUMN recall_level VARCHAR(20);
