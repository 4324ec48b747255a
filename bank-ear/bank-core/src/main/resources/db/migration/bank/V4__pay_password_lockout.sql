-- Wrong pay passwords are counted like wrong login passwords: 5 in a row block payments for 15 minutes.
ALTER TABLE customer ADD COLUMN failed_pay_passwords INT DEFAULT 0 NOT NULL;
ALTER TABLE customer ADD COLUMN pay_locked_until DATETIME(6);
