/** JSF backing beans of the Shop screens, named after their screen. */
package org.triad.shop.interfaces.web;
