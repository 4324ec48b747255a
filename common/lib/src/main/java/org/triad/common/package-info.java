/**
 * Code shared by at least two of the three EARs. It lands in each EAR's {@code lib/}; nothing
 * domain-specific belongs here.
 */
package org.triad.common;
