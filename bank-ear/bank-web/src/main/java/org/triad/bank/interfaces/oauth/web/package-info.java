/**
 * Screens of the open platform: the consent page, the developer console (apps, secrets, icons), the clerk's
 * app review, and the apps a customer has authorised.
 */
package org.triad.bank.interfaces.oauth.web;
