/**
 * What clerks do over REST: KYC decisions, freezing cards, devices of a customer.
 */
package org.triad.bank.interfaces.clerk.rest;
