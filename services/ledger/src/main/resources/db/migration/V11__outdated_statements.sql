-- A statement no longer matching the ledger (services/ledger/README.md, "Hour statements", "Outdated statements").
--
-- statement_entry: the HOURS entries a statement certified, each with the hours in force it certified. A desk's
-- correction of one of them outdates the statement, in the correction's transaction. By entry id, which every
-- generation gives the same entry (ids derived from the event), so these rows belong to no generation: a rebuild
-- keeps them, as it keeps the statements and the corrections.
CREATE TABLE statement_entry (
    number   VARCHAR(40)   NOT NULL REFERENCES hour_statement (number),
    entry_id VARCHAR(36)   NOT NULL,
    hours    NUMERIC(8, 2) NOT NULL,
    PRIMARY KEY (number, entry_id)
);
CREATE INDEX statement_entry_entry ON statement_entry (entry_id);

-- statement_outdated: when a correction first changed hours the statement certified (and which one), and the hours
-- in force now of the services it certified, brought up to date by every later correction of them. A statement
-- outdated stays so, whatever later corrections do: the checker may have been told so already.
CREATE TABLE statement_outdated (
    number         VARCHAR(40)    NOT NULL PRIMARY KEY REFERENCES hour_statement (number),
    outdated_at    TIMESTAMPTZ    NOT NULL,
    correction_id  VARCHAR(36)    NOT NULL,
    hours_in_force NUMERIC(10, 2) NOT NULL
);

-- The statements issued before this migration kept no list of their entries: it is taken from the current
-- generation as the statement was issued from it (the volunteer's HOURS entries of its street and period, recorded
-- and confirmed by then, with the corrections made by then). Approximate only where a confirmation's time (the
-- event's) differs from when the ledger recorded it.
INSERT INTO statement_entry (number, entry_id, hours)
SELECT s.number, x.entry_id,
       COALESCE((SELECT k.hours FROM ledger_correction k WHERE k.entry_id = x.entry_id AND k.corrected_at <= s.issued_at
                 ORDER BY k.seq DESC LIMIT 1), x.hours)
FROM hour_statement s
JOIN ledger_entry x ON x.generation = (SELECT generation FROM ledger_generation WHERE status = 'CURRENT')
     AND x.kind = 'HOURS' AND x.volunteer_id = s.volunteer_id AND x.street_code = s.street_code
     AND x.entry_date BETWEEN s.period_from AND s.period_to AND x.recorded_at <= s.issued_at
WHERE x.origin = 'SLIP' OR EXISTS (SELECT 1 FROM project p WHERE p.project_id = x.project_id
                                   AND p.completed_at IS NOT NULL AND p.completed_at <= s.issued_at);

-- Those whose hours were corrected since they were issued are outdated now, as they would have been had the
-- correction found them: the first such correction, the hours in force now. Revoked ones stay revoked.
INSERT INTO statement_outdated (number, outdated_at, correction_id, hours_in_force)
SELECT s.number, first.corrected_at, first.correction_id,
       (SELECT sum(COALESCE((SELECT k.hours FROM ledger_correction k WHERE k.entry_id = e.entry_id
                             ORDER BY k.seq DESC LIMIT 1), e.hours))
        FROM statement_entry e WHERE e.number = s.number)
FROM hour_statement s
JOIN LATERAL (SELECT k.corrected_at, k.correction_id FROM ledger_correction k
              JOIN statement_entry e ON e.entry_id = k.entry_id AND e.number = s.number
              WHERE k.corrected_at > s.issued_at ORDER BY k.seq LIMIT 1) first ON TRUE
WHERE NOT EXISTS (SELECT 1 FROM statement_revocation r WHERE r.number = s.number);
