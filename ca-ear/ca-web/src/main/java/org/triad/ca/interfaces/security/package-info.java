/**
 * Who may do what at the CA: one Jakarta Security authentication mechanism for the admin UI
 * (form sign-in, session) and the REST API (HTTP Basic over TLS, no session needed).
 */
package org.triad.ca.interfaces.security;
