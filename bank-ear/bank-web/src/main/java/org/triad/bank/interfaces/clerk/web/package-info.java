/**
 * The back office: start page, customer search, KYC queue, transactions across customers, the audit log.
 */
package org.triad.bank.interfaces.clerk.web;
