-- Identity (issue 5): a scheduled rotation publishes the next JWT signing key before it signs anything, so resource
-- servers that cache the JWKS (5 minutes) know it by the time tokens carry its kid. NULL: active since created_at.
ALTER TABLE signing_key ADD COLUMN activates_at DATETIME(6);
