/** The WeChat official account's callback ({@code /wechat/callback}): signed events of scene QR code scans. */
package org.triad.bank.interfaces.wechat;
