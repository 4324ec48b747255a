/** JSF backing beans of the CA screens, named after their screen. */
package org.triad.ca.interfaces.web;
