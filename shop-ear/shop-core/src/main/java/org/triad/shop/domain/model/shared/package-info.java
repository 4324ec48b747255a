/** Types every shop aggregate uses: ids, the shop's rule violation. */
package org.triad.shop.domain.model.shared;
