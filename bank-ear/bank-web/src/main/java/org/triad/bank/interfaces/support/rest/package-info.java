/**
 * What every REST resource uses: the JAX-RS application, the caller of a request, the filter that keeps
 * third-party tokens to their resources, attachment downloads.
 */
package org.triad.bank.interfaces.support.rest;
