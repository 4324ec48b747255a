/**
 * Banking over REST: cards, transactions (deposit, withdrawal, transfer), history (JSON and CSV), and the
 * masked card list that approved third-party apps read with {@code cards:read}.
 */
package org.triad.bank.interfaces.banking.rest;
