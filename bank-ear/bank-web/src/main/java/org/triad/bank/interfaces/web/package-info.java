/** JSF backing beans of the Bank screens, named after their screen. */
package org.triad.bank.interfaces.web;
