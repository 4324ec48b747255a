package org.triad.ca.domain.model.audit;

import java.util.List;

/**
 * Result of checking the audit hash chain.
 *
 * @param intact        true iff every record's hash matches its content and predecessor
 * @param recordsChecked how many records were read
 * @param problems       one line per broken link (sequence number and what is wrong)
 */
public record ChainVerification(boolean intact, long recordsChecked, List<String> problems) {
}
