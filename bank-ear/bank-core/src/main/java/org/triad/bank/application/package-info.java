/**
 * Application services of the bank. Each public method of a {@code @Stateless} service is one use case and one
 * container-managed JTA transaction; domain exceptions thrown from them roll it back. Services that orchestrate
 * several transactions ({@link org.triad.bank.application.banking.Banking}, {@link
 * org.triad.bank.application.banking.MoneyMovements}) run without one ({@code NOT_SUPPORTED}) and call the transactional
 * ones.
 */
package org.triad.bank.application;
