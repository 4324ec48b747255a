package org.triad.shop.infrastructure.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.shop.application.ShopMail;

/**
 * Sends {@link ShopMail}s to the configured SMTP server ({@code triad.shop.mail.*}; dev: the mail catcher of
 * {@code ./triad run}) after their transaction committed, as the bank does. A failed send is logged; the user can ask
 * for a new code.
 */
@ApplicationScoped
public class ShopMailer {

    private static final Logger LOG = Logger.getLogger(ShopMailer.class.getName());

    @Inject
    @ConfigProperty(name = "triad.shop.mail.host", defaultValue = "127.0.0.1")
    String host;

    @Inject
    @ConfigProperty(name = "triad.shop.mail.port", defaultValue = "3025")
    int port;

    @Inject
    @ConfigProperty(name = "triad.shop.mail.from", defaultValue = "Triad Shop <no-reply@shop.triad.example>")
    String from;

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) ShopMail mail) {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "5000");
        props.put("mail.smtp.writetimeout", "5000");
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(props));
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to()));
            message.setSubject(mail.subject(), "UTF-8");
            message.setText(mail.body(), "UTF-8");
            message.setSentDate(new Date());
            Transport.send(message);
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not send mail '" + mail.subject() + "' via " + host + ":" + port, e);
        }
    }
}
