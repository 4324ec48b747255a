/** The shop's audit trail of security-relevant and money-relevant actions (sign-ins, roles, reviews, stock). */
package org.triad.shop.domain.model.audit;
