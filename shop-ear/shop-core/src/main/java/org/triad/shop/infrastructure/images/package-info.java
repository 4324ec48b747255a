/**
 * Item images: accepted by content only (JPEG, PNG, WebP magic bytes and structure), limited in bytes and pixels before
 * they are decoded, decoded (JDK ImageIO for JPEG and PNG, TwelveMonkeys ImageIO for WebP) and re-encoded as JPEG in
 * three sizes, so no uploaded byte (metadata, EXIF/GPS, appended payloads) ever reaches a buyer.
 */
package org.triad.shop.infrastructure.images;
