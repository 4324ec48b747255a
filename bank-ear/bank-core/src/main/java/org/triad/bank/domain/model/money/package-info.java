/** Money: exact amounts in CNY with two decimals, never floating point. */
package org.triad.bank.domain.model.money;
