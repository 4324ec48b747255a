/**
 * TLS between Triad servers: an {@code SSLContext} from the instance's own keystore (its
 * CA-issued client identity) that trusts only the Triad root and refuses revoked peers (OCSP).
 */
package org.triad.common.tls;
