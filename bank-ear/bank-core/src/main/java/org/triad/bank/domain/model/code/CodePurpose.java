package org.triad.bank.domain.model.code;

/** What a one-time code may be used for; a code for one purpose never works for another. */
public enum CodePurpose {
    ACTIVATION, DEPOSIT, TRANSFER, CARD_ACTIVATION, PASSWORD_RESET, PAY_PASSWORD, LOGIN, PAYMENT
}
