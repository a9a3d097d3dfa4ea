-- The statements' chain (services/ledger/README.md, "Statements' marks"): every issue, revocation and outdating of an
-- hour statement, hashed as the entries are (org.threelists.ledger.domain.StatementMark), so that a revocation or an
-- outdating deleted, added or altered in the database is found by a verification. Like the statements, the marks are
-- the ledger's own records and belong to no generation: a rebuild keeps them. No foreign key to hour_statement: a
-- statement deleted with its rows leaves its marks, and the verification names it.
CREATE TABLE statement_mark (
    seq            BIGINT         NOT NULL PRIMARY KEY,
    number         VARCHAR(40)    NOT NULL,
    street_code    VARCHAR(64)    NOT NULL,
    kind           VARCHAR(10)    NOT NULL CHECK (kind IN ('ISSUED', 'REVOKED', 'OUTDATED')),
    marked_at      TIMESTAMPTZ    NOT NULL,
    marked_by      VARCHAR(200)   NOT NULL,
    statement_hash CHAR(64),
    certified      CHAR(64),
    reason         TEXT,
    correction_id  VARCHAR(36),
    hours_in_force NUMERIC(10, 2),
    prev_hash      CHAR(64)       NOT NULL,
    hash           CHAR(64)       NOT NULL
);
CREATE INDEX statement_mark_number ON statement_mark (number, seq);
CREATE INDEX statement_mark_street ON statement_mark (street_code, seq);
-- The last mark of the chain: removing the newest marks with their rows shows as a chain ending before its head.
CREATE TABLE statement_chain_head (
    chain VARCHAR(20) NOT NULL PRIMARY KEY,
    seq   BIGINT      NOT NULL,
    hash  CHAR(64)    NOT NULL
);
-- The statements issued before this migration: their issue, revocation and outdating as they stand, in the order of
-- their times (an outdating as one mark: its first correction, the hours in force now), then hashed link by link. The
-- canonical JSON is StatementMark's: keys in code-point order, absent fields left out, the time in UTC with six
-- digits of fraction, hours without trailing zeros, strings escaped by to_json (as Jackson does, but for control
-- characters other than \b \f \n \r \t, which a reason typed at the desk does not hold).
CREATE TEMPORARY TABLE statement_mark_before (
    seq  BIGINT NOT NULL PRIMARY KEY,
    json TEXT   NOT NULL,
    number VARCHAR(40) NOT NULL, street_code VARCHAR(64) NOT NULL, kind VARCHAR(10) NOT NULL,
    marked_at TIMESTAMPTZ NOT NULL, marked_by VARCHAR(200) NOT NULL, statement_hash CHAR(64), certified CHAR(64),
    reason TEXT, correction_id VARCHAR(36), hours_in_force NUMERIC(10, 2)
) ON COMMIT DROP;
INSERT INTO statement_mark_before
SELECT m.seq, '{' || concat_ws(',',
           '"at":' || to_json(to_char(m.marked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text,
           '"by":' || to_json(m.marked_by)::text,
           '"certified":' || to_json(m.certified)::text,
           '"correctionId":' || to_json(m.correction_id)::text,
           '"hoursInForce":' || to_json(trim_scale(m.hours_in_force)::text)::text,
           '"kind":' || to_json(m.kind)::text,
           '"number":' || to_json(m.number)::text,
           '"reason":' || to_json(m.reason)::text,
           '"seq":' || to_json(m.seq::text)::text,
           '"statementHash":' || to_json(m.statement_hash)::text,
           '"streetCode":' || to_json(m.street_code)::text) || '}',
       m.number, m.street_code, m.kind, m.marked_at, m.marked_by, m.statement_hash, m.certified, m.reason,
       m.correction_id, m.hours_in_force
FROM (SELECT row_number() OVER (ORDER BY x.marked_at, x.ord, x.number) AS seq, x.*
      FROM (SELECT s.number, s.street_code, 'ISSUED' AS kind, 1 AS ord, s.issued_at AS marked_at,
                   s.issued_by AS marked_by, s.hash AS statement_hash,
                   encode(sha256(convert_to(COALESCE((SELECT string_agg(e.entry_id || ':' || trim_scale(e.hours)::text,
                       E'\n' ORDER BY e.entry_id COLLATE "C") FROM statement_entry e WHERE e.number = s.number), ''),
                       'UTF8')), 'hex') AS certified,
                   NULL::text AS reason, NULL::varchar AS correction_id, NULL::numeric AS hours_in_force
            FROM hour_statement s
            UNION ALL
            SELECT o.number, s.street_code, 'OUTDATED', 2, o.outdated_at, k.corrected_by, NULL, NULL, NULL,
                   o.correction_id, o.hours_in_force
            FROM statement_outdated o JOIN hour_statement s ON s.number = o.number
            JOIN ledger_correction k ON k.correction_id = o.correction_id
            UNION ALL
            SELECT r.number, s.street_code, 'REVOKED', 3, r.revoked_at, r.revoked_by, NULL, NULL, r.reason, NULL, NULL
            FROM statement_revocation r JOIN hour_statement s ON s.number = r.number) x) m;
INSERT INTO statement_mark (seq, number, street_code, kind, marked_at, marked_by, statement_hash, certified, reason,
                            correction_id, hours_in_force, prev_hash, hash)
WITH RECURSIVE chained (seq, prev_hash, hash) AS (
    SELECT b.seq, repeat('0', 64), encode(sha256(convert_to(repeat('0', 64) || E'\n' || b.json, 'UTF8')), 'hex')
    FROM statement_mark_before b WHERE b.seq = 1
    UNION ALL
    SELECT b.seq, c.hash, encode(sha256(convert_to(c.hash || E'\n' || b.json, 'UTF8')), 'hex')
    FROM chained c JOIN statement_mark_before b ON b.seq = c.seq + 1
)
SELECT b.seq, b.number, b.street_code, b.kind, b.marked_at, b.marked_by, b.statement_hash, b.certified, b.reason,
       b.correction_id, b.hours_in_force, c.prev_hash, c.hash
FROM chained c JOIN statement_mark_before b ON b.seq = c.seq;
INSERT INTO statement_chain_head (chain, seq, hash)
SELECT 'statements', COALESCE(max(seq), 0),
       COALESCE((SELECT hash FROM statement_mark ORDER BY seq DESC LIMIT 1), repeat('0', 64))
FROM statement_mark;
