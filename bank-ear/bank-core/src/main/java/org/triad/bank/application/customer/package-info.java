/**
 * Customers and the clerks who look after them: registration, activation, profile, KYC decisions, freezing
 * cards, seeding people for development ({@code Onboarding}).
 */
package org.triad.bank.application.customer;
