-- The member units serving a matched demand (the holders of its project): they may read the resident's contact
-- while the demand is matched or in progress. A JSON array of unit ids, empty when no project serves the demand.
ALTER TABLE demand_view ADD COLUMN serving_units TEXT NOT NULL DEFAULT '[]';
