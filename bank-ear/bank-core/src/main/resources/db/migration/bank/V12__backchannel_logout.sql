-- Identity (issue 5): OpenID Connect Back-Channel Logout 1.0. An app may register one URL to which the bank POSTs a
-- signed logout token when the app's session at the bank (its OAuth device session) ends.
ALTER TABLE oauth_client ADD COLUMN backchannel_logout_uri VARCHAR(1000);
