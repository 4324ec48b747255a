-- Identity (issue 5): an optional phone number of the customer, E.164 ("+8613800138000"), given to apps with the
-- OpenID Connect scope "phone" as phone_number (not verified: the bank sends no SMS).
ALTER TABLE customer ADD COLUMN phone VARCHAR(16);
