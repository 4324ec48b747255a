/** The category tree (names in English and Chinese), managed by shop admins. */
package org.triad.shop.domain.model.category;
