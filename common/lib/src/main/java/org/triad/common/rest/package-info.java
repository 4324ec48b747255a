/** JAX-RS plumbing shared by every REST API of the platform: RFC 9457 problem responses. */
package org.triad.common.rest;
