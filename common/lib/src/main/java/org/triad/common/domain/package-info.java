/** Base types for domain exceptions shared by all three domains. */
package org.triad.common.domain;
