/**
 * What every screen uses: the signed-in user ({@code CurrentUser}), faces messages from the bundle, instant display.
 */
package org.triad.bank.interfaces.support.web;
