package org.triad.shop;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.triad.shop.application.ShopMail;

/** Test-only: the codes the shop mailed (after commit, as the real mailer sees them), by recipient. */
@ApplicationScoped
public class MailCapture {

    private static final Map<String, String> CODES = new ConcurrentHashMap<>();
    private static final Pattern CODE = Pattern.compile("(\\d{6})");

    void capture(@Observes(during = TransactionPhase.AFTER_SUCCESS) ShopMail mail) {
        Matcher m = CODE.matcher(mail.body());
        if (m.find()) {
            CODES.put(mail.to(), m.group(1));
        }
    }

    public static String codeFor(String address) {
        return CODES.get(address);
    }
}
