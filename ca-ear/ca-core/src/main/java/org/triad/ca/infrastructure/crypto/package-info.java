/**
 * Cryptography of the CA on BouncyCastle: the key hierarchy, PEM/DER handling and the policies
 * for keys a CA may certify. BouncyCastle is used as a provider instance, never registered in the
 * server JVM, so redeploying the EAR leaves no provider from a dead class loader behind.
 */
package org.triad.ca.infrastructure.crypto;
