-- Mutual TLS (RFC 8705): the subject DN of the client certificate an app authenticates with and binds its tokens to
-- (client metadata tls_client_auth_subject_dn, RFC 4514 form). Set through the merchant profile; the certificate
-- itself is whatever certificate with this subject the Triad CA issued (it changes at every renewal).
ALTER TABLE oauth_client ADD COLUMN tls_client_auth_subject_dn VARCHAR(500);
