-- The entries partitioned by generation, so that a rebuild writes its generation into a table of its own without the
-- secondary indexes and builds them once, when the generation is complete, instead of keeping seven indexes (two wide
-- covering ones) of one shared table up to date row by row (services/ledger/README.md, "Exactly once and rebuild";
-- bench/README.md, "Ledger: a generation built without its indexes").
--
-- The table as it stands becomes the DEFAULT partition, with its rows and its indexes: nothing is copied, and a
-- generation without a partition of its own (the one current before this migration, or one a test writes by hand)
-- stays there, indexed as before. Each rebuild adds a partition for its generation (Generations.begin, named
-- ledger_entry_g<generation>) and indexes it (EntryPartitions) before it becomes current. The parent has no index of
-- its own: every query names its generation, so it reads one partition through that partition's indexes, and each
-- generation's rows are unique per (entry_id) and (kafka_partition, seq) within its partition as they were before.
ALTER TABLE ledger_entry RENAME TO ledger_entry_default;

CREATE TABLE ledger_entry (LIKE ledger_entry_default INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
    PARTITION BY LIST (generation);

ALTER TABLE ledger_entry ATTACH PARTITION ledger_entry_default DEFAULT;

-- A generation being built (bulk): its entries have only the index the building needs, and it has no roll-ups yet;
-- a confirmation does not move its figures (there are none), the rebuild rolls it up from its entries at the end.
ALTER TABLE ledger_generation ADD COLUMN bulk BOOLEAN NOT NULL DEFAULT false;
