/** The CA REST API under {@code /api}: resources with request/response records. */
package org.triad.ca.interfaces.rest;
