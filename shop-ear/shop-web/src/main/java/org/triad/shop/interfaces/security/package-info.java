/** The shop as a resource server of the platform's access tokens (common {@code org.triad.common.security}). */
package org.triad.shop.interfaces.security;
