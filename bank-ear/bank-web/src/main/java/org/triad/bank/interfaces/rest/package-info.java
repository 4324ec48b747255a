/** The Bank REST API under {@code /api}: resources with request/response records. */
package org.triad.bank.interfaces.rest;
