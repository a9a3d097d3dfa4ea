-- A client's Idempotency-Key on POST /demands (services/demand-list/README.md, "Retrying a submission"): the demand its
-- first attempt made, so that a retry after a lost answer (a time-out, a 503, a dropped connection) finds that demand
-- instead of making a second one. Written in the submission's own transaction: a submission that rolls back leaves no
-- key, and a retry then submits afresh. Keys are per caller (sub of the token), as two clients cannot know each
-- other's keys; request_sha256 is the SHA-256 of the body the key was first sent with.
CREATE TABLE submission_key (
    submitted_by    VARCHAR(200) NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    request_sha256  BYTEA        NOT NULL,
    demand_id       VARCHAR(36)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (submitted_by, idempotency_key)
);
