package org.triad.shop.application;

/** A mail to send once the current transaction commits (CDI event; see {@code infrastructure.mail.ShopMailer}). */
public record ShopMail(String to, String subject, String body) {
}
