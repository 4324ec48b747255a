/**
 * The CA's public PKI endpoints at stable URLs outside the REST API, also served over plain HTTP
 * (relying parties fetch them before they can speak TLS with us): root and chain, the CRL, and the
 * OCSP responder.
 */
package org.triad.ca.interfaces.pki;
