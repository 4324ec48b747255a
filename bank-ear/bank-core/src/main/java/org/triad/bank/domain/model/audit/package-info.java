/** The audit trail: who did what to which subject, when. Append-only. */
package org.triad.bank.domain.model.audit;
