package org.triad.bank;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) on 127.0.0.1:3025, the bank's configured dev/test mail host, running in the test
 * JVM; tests read one-time codes out of the mails the bank sent.
 */
final class Mailbox implements AutoCloseable {

    private static final Pattern CODE = Pattern.compile("is: (\\d{6})");

    private final GreenMail greenMail;
    private final java.util.Map<String, Integer> consumed = new java.util.concurrent.ConcurrentHashMap<>();

    Mailbox() {
        greenMail = new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    /**
     * The code in the newest mail to the address whose subject contains the given words, waiting for one that no
     * earlier call read: the bank sends mail through its outbox after the commit, so right after a request for a
     * new code the newest mail there may still be the previous one.
     */
    String code(String to, String subjectContains) {
        String key = to.toLowerCase(java.util.Locale.ROOT) + "|" + subjectContains;
        int read = consumed.getOrDefault(key, 0);
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            List<MimeMessage> matching = Arrays.stream(greenMail.getReceivedMessages())
                    .filter(m -> sentTo(m, to) && subject(m).contains(subjectContains))
                    .toList();
            if (matching.size() > read) {
                consumed.put(key, matching.size());
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

    /** The text of the newest mail to the address whose subject contains the given words. */
    String text(String to, String subjectContains) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            List<MimeMessage> matching = Arrays.stream(greenMail.getReceivedMessages())
                    .filter(m -> sentTo(m, to) && subject(m).contains(subjectContains))
                    .toList();
            if (!matching.isEmpty()) {
                try {
                    return String.valueOf(matching.get(matching.size() - 1).getContent());
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

    /** The code of the first matching mail after the first {@code earlier} mails to the address. */
    String codeAfter(String to, String subjectContains, int earlier) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            List<MimeMessage> all = Arrays.stream(greenMail.getReceivedMessages()).filter(m -> sentTo(m, to)).toList();
            if (all.size() > earlier) {
                List<MimeMessage> newer = all.subList(earlier, all.size()).stream()
                        .filter(m -> subject(m).contains(subjectContains)).toList();
                if (!newer.isEmpty()) {
                    return code(to, subjectContains);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("No new mail '" + subjectContains + "' to " + to);
    }

    int count(String to) {
        return (int) Arrays.stream(greenMail.getReceivedMessages()).filter(m -> sentTo(m, to)).count();
    }

    private static boolean sentTo(MimeMessage m, String to) {
        try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(to));
        } catch (Exception e) {
            return false;
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
