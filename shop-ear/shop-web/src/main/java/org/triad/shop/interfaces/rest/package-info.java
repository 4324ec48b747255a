/** The Shop REST API under {@code /api}: resources with request/response records. */
package org.triad.shop.interfaces.rest;
