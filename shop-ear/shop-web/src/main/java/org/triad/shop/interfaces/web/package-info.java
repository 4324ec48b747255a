/**
 * JSF backing beans of the shop's screens, named after their screen: sign-in, account (bound cards, becoming a
 * seller), the seller centre, the admin's review queue, the catalogue. They call the application services with the
 * signed-in user's id and show refusals next to the field they are about ({@link org.triad.shop.interfaces.web.Messages}).
 */
package org.triad.shop.interfaces.web;
