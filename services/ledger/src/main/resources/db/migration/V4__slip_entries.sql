-- Closed slips (三联单) of the second lane enter the ledger beside the projects' deliveries (services/ledger/README.md,
-- "Slips"): threelists.slip.closed.v1 on demand-list.events.v1 gives a DELIVERY entry (the service to the demand's
-- residents) and an HOURS entry (the member's hours, counted for the member's home unit when there is one).
-- origin says where an entry came from; for a SLIP entry project_id holds the slip's id (the entry's source) and the
-- chain is one of demand-list.events.v1's partitions (chains numbered from 1000, domain.Chains). Existing entries are
-- PROJECT entries: their hashes do not change (an origin of PROJECT is not part of the canonical content).
ALTER TABLE ledger_entry ADD COLUMN origin VARCHAR(10) NOT NULL DEFAULT 'PROJECT' CHECK (origin IN ('PROJECT', 'SLIP'));
-- The building Party group that held the demand, and how the member served (ONLINE or ON_SITE): slip entries only.
ALTER TABLE ledger_entry ADD COLUMN group_id VARCHAR(36);
ALTER TABLE ledger_entry ADD COLUMN service_mode VARCHAR(10);

-- A correction copies its entry's dimensions, its origin among them: a slip's hours count without a project confirmed.
ALTER TABLE ledger_correction ADD COLUMN origin VARCHAR(10) NOT NULL DEFAULT 'PROJECT' CHECK (origin IN ('PROJECT', 'SLIP'));

-- What a slip's entries need from its demand and slip.closed does not carry: the category and how many residents the
-- demand serves (demand.submitted, demand.amended: the same key, hence the same partition, before the slip's close).
-- Per generation like the entries, so that a rebuild reads each demand as it stood when its slip closed.
CREATE TABLE slip_demand (
    generation    INTEGER     NOT NULL,
    demand_id     VARCHAR(36) NOT NULL,
    category      VARCHAR(40) NOT NULL,
    beneficiaries INTEGER     NOT NULL,
    PRIMARY KEY (generation, demand_id)
);
