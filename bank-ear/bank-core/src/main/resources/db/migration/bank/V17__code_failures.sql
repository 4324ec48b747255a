-- Issue 18: wrong one-time codes counted per account across codes. A new code used to reset the count (5 tries per
-- code), so ~60 guesses a minute per address were possible; EmailCodeLogin now refuses code sign-in for an account
-- with too many wrong codes within the window (triad.bank.login-code.max-failures / failure-window-seconds).
CREATE TABLE code_failure (
    id          BIGINT      NOT NULL,
    customer_id BIGINT      NOT NULL,
    purpose     VARCHAR(32) NOT NULL,
    failed_at   DATETIME(6) NOT NULL,
    CONSTRAINT pk_code_failure PRIMARY KEY (id)
);
CREATE INDEX ix_code_failure_customer ON code_failure (customer_id, purpose, failed_at);
-- code requests per account are counted on one_time_code (index ix_one_time_code_lookup)
