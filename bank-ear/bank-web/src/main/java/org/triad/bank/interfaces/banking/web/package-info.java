/**
 * Screens of everyday banking: dashboard, deposit, withdrawal, transfer (sharing {@code MoneyForm}) and history.
 */
package org.triad.bank.interfaces.banking.web;
