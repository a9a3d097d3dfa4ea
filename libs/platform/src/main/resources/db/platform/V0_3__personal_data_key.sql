-- Crypto-shredding: residents' personal data is stored only encrypted, with one key per data subject.
-- Erasure destroys the key (wrapped_key becomes NULL); the events that hold the ciphertext stay untouched.
CREATE TABLE personal_data_key (
    subject_id  VARCHAR(200) NOT NULL PRIMARY KEY,
    wrapped_key BYTEA,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    erased_at   TIMESTAMPTZ,
    erased_by   VARCHAR(200),
    CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
);
