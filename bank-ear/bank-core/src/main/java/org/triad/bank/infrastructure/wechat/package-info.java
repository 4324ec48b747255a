/**
 * The WeChat official-account adapter (optional; off unless {@code triad.bank.wechat.app-id}, {@code app-secret}
 * and {@code token} are configured). {@link org.triad.bank.infrastructure.wechat.WeChatClient} is the only way
 * the bank calls WeChat; {@link org.triad.bank.infrastructure.wechat.WeChatSignature} checks callbacks.
 */
package org.triad.bank.infrastructure.wechat;
