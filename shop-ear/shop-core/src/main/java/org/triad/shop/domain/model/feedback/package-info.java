/** Feedback to the shop: a message anyone may send (signed in or not), read by shop admins. */
package org.triad.shop.domain.model.feedback;
