package org.triad.ca.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which names the CA certifies. DNS names must end in one of {@code triad.ca.policy.dns-suffixes}
 * (an entry without a leading dot matches that exact name); IP addresses must be loopback or
 * private unless {@code triad.ca.policy.allow-public-ips} is true. Wildcards are refused.
 * <p>
 * The platform's own names ({@code triad.ca.policy.reserved-names}, plus the hosts of
 * {@code triad.ca.public-url} and {@code triad.ca.pki-base-url}) are certified only for the accounts
 * in {@code triad.ca.policy.reserved-names.accounts} (the provisioning account) and CA
 * administrators: anything that trusts the Triad root would otherwise accept an impostor CA, bank
 * or shop from any enrolment client.
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
    @ConfigProperty(name = "triad.ca.public-url")
    Optional<String> publicUrl;

    @Inject
    @ConfigProperty(name = "triad.ca.policy.reserved-names", defaultValue = "localhost,127.0.0.1,::1")
    List<String> reservedNames;

    @Inject
    @ConfigProperty(name = "triad.ca.policy.reserved-names.accounts", defaultValue = "ca-provision")
    List<String> reservedNameAccounts;

    @Inject
    @ConfigProperty(name = "triad.ca.policy.max-subject-alt-names", defaultValue = "100")
    int maxSubjectAltNames;

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

    /**
     * Whether this DNS name or common name is one of the platform's own names. An entry starting
     * with a dot reserves every name below it; IP entries match the same address in any notation.
     */
    public boolean isReserved(String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (String entry : reservedEntries()) {
            if (entry.startsWith(".") ? n.endsWith(entry) && n.length() > entry.length() : n.equals(entry)) {
                return true;
            }
        }
        InetAddress address = ipLiteral(n);
        return address != null && isReserved(address);
    }

    /** Whether this IP address is one of the platform's own addresses. */
    public boolean isReserved(InetAddress address) {
        for (String entry : reservedEntries()) {
            InetAddress reserved = ipLiteral(entry);
            if (reserved != null && reserved.equals(address)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this account may obtain certificates for reserved names (besides CA administrators). */
    public boolean mayCertifyReservedNames(String account) {
        return account != null && reservedNameAccounts.stream().map(String::trim).anyMatch(account::equals);
    }

    /** The most subject alternative names a request may carry (counted before any is dropped). */
    public int maxSubjectAltNames() {
        return maxSubjectAltNames;
    }

    private Set<String> reservedEntries() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : reservedNames) {
            String e = entry.trim().toLowerCase(Locale.ROOT);
            if (!e.isEmpty()) {
                entries.add(e);
            }
        }
        // the CA's own listener names, whatever the deployment calls them
        List<String> urls = new ArrayList<>(List.of(pkiBaseUrl));
        publicUrl.ifPresent(urls::add);
        for (String url : urls) {
            try {
                String host = URI.create(url.trim()).getHost();
                if (host != null) {
                    entries.add(host.toLowerCase(Locale.ROOT).replaceAll("^\\[|\\]$", ""));
                }
            } catch (IllegalArgumentException e) {
                // not a URL: nothing to reserve from it
            }
        }
        return entries;
    }

    /** The address if {@code value} is an IPv4 or IPv6 literal (never a DNS lookup), else null. */
    private static InetAddress ipLiteral(String value) {
        if (!(value.matches("\\d{1,3}(\\.\\d{1,3}){3}") || value.contains(":") && value.matches("[0-9a-f:.]+"))) {
            return null;
        }
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            return null;
        }
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
