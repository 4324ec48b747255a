package org.triad.ca.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which names the CA certifies. DNS names must end in one of {@code triad.ca.policy.dns-suffixes}
 * (an entry without a leading dot matches that exact name); IP addresses must be loopback or
 * private unless {@code triad.ca.policy.allow-public-ips} is true. Wildcards are refused.
 */
@ApplicationScoped
public class CaPolicy {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    @Inject
    @ConfigProperty(name = "triad.ca.policy.dns-suffixes")
    List<String> dnsSuffixes;

    @Inject
    @ConfigProperty(name = "triad.ca.policy.allow-public-ips", defaultValue = "false")
    boolean allowPublicIps;

    @Inject
    @ConfigProperty(name = "triad.ca.pki-base-url")
    String pkiBaseUrl;

    @Inject
    @ConfigProperty(name = "triad.ca.server-side-keygen.enabled", defaultValue = "true")
    boolean serverSideKeygen;

    @Inject
    @ConfigProperty(name = "triad.ca.issue.require-authentication", defaultValue = "true")
    boolean issuanceRequiresAuthentication;

    /** A syntactically valid host name (LDH labels, ≤ 253 characters), lower-cased by the caller. */
    public static boolean isDnsName(String name) {
        if (name == null || name.isEmpty() || name.length() > 253 || name.endsWith(".")) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Why this DNS name may not be certified, or null if it may. */
    public String rejectDns(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("*.")) {
            return name + ": wildcard names are not issued";
        }
        if (!isDnsName(n)) {
            return name + ": not a valid DNS name";
        }
        for (String suffix : dnsSuffixes) {
            String s = suffix.trim().toLowerCase(Locale.ROOT);
            if (s.isEmpty()) {
                continue;
            }
            if (s.startsWith(".") ? n.endsWith(s) && n.length() > s.length() : n.equals(s)) {
                return null;
            }
        }
        return name + ": outside the permitted domains " + dnsSuffixes;
    }

    /** Why this IP address may not be certified, or null if it may. */
    public String rejectIp(InetAddress address) {
        if (allowPublicIps || address.isLoopbackAddress() || address.isSiteLocalAddress()
                || isUniqueLocalV6(address)) {
            return null;
        }
        return address.getHostAddress() + ": public IP addresses are not certified";
    }

    private static boolean isUniqueLocalV6(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 16 && (b[0] & 0xfe) == 0xfc;
    }

    /** Base of the URLs written into certificates (CRL distribution point, OCSP, CA issuers). */
    public String pkiBaseUrl() {
        return pkiBaseUrl.endsWith("/") ? pkiBaseUrl.substring(0, pkiBaseUrl.length() - 1) : pkiBaseUrl;
    }

    public boolean serverSideKeygenEnabled() {
        return serverSideKeygen;
    }

    public boolean issuanceRequiresAuthentication() {
        return issuanceRequiresAuthentication;
    }
}
