package org.triad.system;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GreenMail SMTP server in the test's JVM on 127.0.0.1:3025 (the bank's configured mail host; {@code ./triad test}
 * starts no mail catcher), and the one-time codes ("... is: 123456") in the mails the bank sends to it.
 */
final class MailCodes {

    private static final Pattern CODE = Pattern.compile("is: (\\d{6})");
    private static final long WAIT_MILLIS = 15_000;

    private final GreenMail mail;

    private final java.util.Map<String, Integer> consumed = new java.util.concurrent.ConcurrentHashMap<>();

    private MailCodes(GreenMail mail) {
        this.mail = mail;
    }

    static MailCodes start() {
        GreenMail mail = new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return new MailCodes(mail);
    }

    void stop() {
        mail.stop();
    }

    /** The code in the newest mail to the address. */
    String code(String to) {
        return code(to, "", 1);
    }

    /**
     * The code in the newest mail to the address whose subject contains the given words, waiting for one that no
     * earlier call read (the bank sends mail through its outbox after the commit, so the newest mail right after a
     * request may still be the previous code).
     */
    String code(String to, String subjectContains) {
        return code(to, subjectContains, consumed.getOrDefault(key(to, subjectContains), 0) + 1);
    }

    private static String key(String to, String subjectContains) {
        return to.toLowerCase(java.util.Locale.ROOT) + "|" + subjectContains;
    }

    /** The code in the newest such mail once at least {@code mails} of them have arrived (waits up to 15 s). */
    String code(String to, String subjectContains, int mails) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            List<MimeMessage> matching = Arrays.stream(mail.getReceivedMessages())
                    .filter(m -> sentTo(m, to) && subject(m).contains(subjectContains)).toList();
            if (matching.size() >= mails) {
                consumed.merge(key(to, subjectContains), matching.size(), Math::max);
                try {
                    Matcher m = CODE.matcher(String.valueOf(matching.get(matching.size() - 1).getContent()));
                    if (m.find()) {
                        return m.group(1);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("No mail '" + subjectContains + "' to " + to);
    }

    private static boolean sentTo(MimeMessage m, String to) {
        try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(to));
        } catch (Exception e) {
            return false;
        }
    }

    private static String subject(MimeMessage m) {
        try {
            String subject = m.getSubject();
            return subject == null ? "" : subject;
        } catch (Exception e) {
            return "";
        }
    }
}
