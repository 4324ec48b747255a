/**
 * Accounts that may sign in to the CA: administrators (UI and REST) and enrolment clients (the
 * platform's servers requesting their certificates).
 */
package org.triad.ca.domain.model.account;
