/**
 * What several aggregates share: the generic domain exceptions (invalid input, invalid state, not permitted) and
 * id generation ({@code Ids}). Each exception names its problem type; all roll the transaction back.
 */
package org.triad.bank.domain.model.shared;
