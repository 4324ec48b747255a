/**
 * What every feature of the bank uses: the audit log, one-time email codes, password hashing ({@code Passwords}),
 * fast hashes and random tokens ({@code Hashes}), work after commit ({@code AfterCommit}), mail events, the retry
 * of lock conflicts ({@code LockConflicts}) and the development seed.
 */
package org.triad.bank.application.support;
