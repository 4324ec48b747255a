/**
 * The CA's tamper-evident audit log: an append-only hash chain of security events.
 */
package org.triad.ca.domain.model.audit;
