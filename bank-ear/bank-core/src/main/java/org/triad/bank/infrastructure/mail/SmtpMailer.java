package org.triad.bank.infrastructure.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.triad.bank.application.support.OutboxCourier;
import org.triad.bank.domain.model.outbox.DeliveryResult;
import org.triad.bank.domain.model.outbox.OutboxKind;
import org.triad.bank.domain.model.outbox.OutboxMessage;

/**
 * The outbox's courier for mails: sends one {@code MAIL} message to the configured SMTP server
 * ({@code triad.bank.mail.*}, 5 s timeouts). The outbox retries a mail the server did not take (mail schedule,
 * {@code triad.bank.outbox.mail.*}); an accepted mail is recorded as status 250.
 */
@ApplicationScoped
public class SmtpMailer implements OutboxCourier {

    @Inject
    @ConfigProperty(name = "triad.bank.mail.host")
    String host;

    @Inject
    @ConfigProperty(name = "triad.bank.mail.port")
    int port;

    @Inject
    @ConfigProperty(name = "triad.bank.mail.from")
    String from;

    @Override
    public OutboxKind kind() {
        return OutboxKind.MAIL;
    }

    @Override
    public DeliveryResult deliver(OutboxMessage mail) {
        Instant started = Instant.now();
        JsonObject content = Json.createReader(new StringReader(mail.payload())).readObject();
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "5000");
        props.put("mail.smtp.writetimeout", "5000");
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(props));
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.destination()));
            message.setSubject(content.getString("subject"), "UTF-8");
            message.setText(content.getString("body"), "UTF-8");
            message.setSentDate(new Date());
            Transport.send(message);
            return DeliveryResult.answered(started, 250);
        } catch (MessagingException | RuntimeException e) {
            return DeliveryResult.failed(started, "SMTP " + host + ":" + port + ": " + e);
        }
    }
}
