-- Issue 18: a money movement claims its idempotency key before any confirmation (e-mailed code, pay password) is
-- checked, in a transaction of its own. A second request with the same key while the first still runs finds the
-- claim and is answered 409 idempotency-key-in-use (as Stripe does) instead of failing on the code the first one
-- used up. The claim is removed when the request ends (its result is then in journal_entry); a claim left behind by
-- a crash is taken over once it is older than the lease (triad.bank.idempotency.claim-seconds).
CREATE TABLE idempotency_claim (
    id              BIGINT       NOT NULL,
    initiator_id    BIGINT       NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    fingerprint     VARCHAR(64)  NOT NULL,
    claimed_at      DATETIME(6)  NOT NULL,
    CONSTRAINT pk_idempotency_claim PRIMARY KEY (id),
    CONSTRAINT uq_idempotency_claim UNIQUE (initiator_id, idempotency_key)
);
