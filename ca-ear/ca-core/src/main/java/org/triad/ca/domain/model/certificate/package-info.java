/**
 * The certificate aggregate: what the CA issued, to whom, under which profile, and whether it was
 * revoked. Profiles and revocation reasons are the CA's policy vocabulary.
 */
package org.triad.ca.domain.model.certificate;
