package org.triad.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Turns a stock Payara Server domain.xml into Triad's single-machine domain, before its first start
 * (so nothing ever listens on a public interface):
 * <ul>
 *   <li>every listener (HTTP, admin, IIOP, JMX, Hazelcast) bound to a loopback address;</li>
 *   <li>one HTTPS listener per application, CA 8443, bank 9443, shop 10443, each with its own
 *       certificate alias so that each can present its own CA-issued certificate; all on the
 *       default virtual server (Faces pages break when an application is deployed to several
 *       virtual servers, which is what a deployment without {@code --virtualservers} does), and
 *       each application answers only on its own listener (ListenerPolicyFilter);</li>
 *   <li>the bank's listener asks clients for a certificate ({@code client-auth="want"}, mutual TLS of RFC 8705)
 *       and trusts for client certificates only its own store {@code bank-client-trust.p12}, which {@code ./triad}
 *       keeps holding the Triad root alone;</li>
 *   <li>the stock 8181 listener and H2 {@code AUTO_SERVER} (random public port) removed;</li>
 *   <li>the embedded JMS broker disabled;</li>
 *   <li>a request thread pool per application (HTTPS) and one for plain HTTP;</li>
 *   <li>heap and Hazelcast JVM options.</li>
 * </ul>
 * Idempotent: running it twice gives the same file. Runs as a single-file program
 * ({@code java ConfigureDomain.java domain.xml key=value...}) so the launcher needs only a JDK.
 */
public final class ConfigureDomain {

    /**
     * Name, HTTPS port and certificate alias of each application's HTTPS listener; {@code clientTrustStore}: the
     * PKCS#12 of the trust anchors for client certificates when the listener asks clients for one (mutual TLS), else
     * null.
     */
    record HttpsListener(String name, int port, String certAlias, String clientTrustStore) {
    }

    /** Grizzly's own JSSE implementation: unlike GlassfishSSLImpl it honours a listener's own trust store. */
    static final String JSSE = "org.glassfish.grizzly.config.ssl.JSSEImplementation";
    static final String GLASSFISH_SSL = "com.sun.enterprise.security.ssl.GlassfishSSLImpl";

    private final Document doc;
    private final Map<String, String> settings;

    ConfigureDomain(Document doc, Map<String, String> settings) {
        this.doc = doc;
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ConfigureDomain <domain.xml> [bind=127.0.0.1] [ca.https=8443] [bank.https=9443] "
                    + "[shop.https=10443] [http=8080] [admin=4848] [heap=1g] [https.threads=128] [http.threads=32] "
                    + "[cert.ca=triad-ca] ...");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        Map<String, String> settings = defaults();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq <= 0 || !settings.containsKey(args[i].substring(0, eq))) {
                System.err.println("Unknown setting " + args[i]);
                System.exit(2);
            }
            settings.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(file.toFile());
        new ConfigureDomain(doc, settings).apply();
        Path tmp = file.resolveSibling(file.getFileName() + ".triad-tmp");
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.transform(new DOMSource(doc), new StreamResult(tmp.toFile()));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println("Configured " + file);
    }

    static Map<String, String> defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("bind", "127.0.0.1");
        m.put("http", "8080");
        m.put("admin", "4848");
        m.put("ca.https", "8443");
        m.put("bank.https", "9443");
        m.put("shop.https", "10443");
        m.put("cert.ca", "triad-ca");
        m.put("cert.bank", "triad-bank");
        m.put("cert.shop", "triad-shop");
        // the bank asks every client for a certificate (RFC 8705 mutual TLS for merchants) and trusts only this store
        // for them, which ./triad keeps holding the Triad root alone; "none" turns client certificates off
        m.put("bank.client-trust", "${com.sun.aas.instanceRoot}/config/bank-client-trust.p12");
        m.put("heap", "1g");
        m.put("https.threads", "128");
        m.put("http.threads", "32");
        return m;
    }

    List<HttpsListener> httpsListeners() {
        String bankClientTrust = "none".equals(settings.get("bank.client-trust")) ? null : settings.get("bank.client-trust");
        return List.of(
                new HttpsListener("ca-https", Integer.parseInt(settings.get("ca.https")), settings.get("cert.ca"), null),
                new HttpsListener("bank-https", Integer.parseInt(settings.get("bank.https")), settings.get("cert.bank"),
                        bankClientTrust),
                new HttpsListener("shop-https", Integer.parseInt(settings.get("shop.https")), settings.get("cert.shop"),
                        null));
    }

    void apply() {
        String bind = settings.get("bind");
        Element config = one("/domain/configs/config[@name='server-config']");

        Element network = child(config, "network-config");
        Element protocols = child(network, "protocols");
        Element listeners = child(network, "network-listeners");
        remove(protocols, "protocol", "name", "http-listener-2");
        remove(listeners, "network-listener", "name", "http-listener-2");
        listener(listeners, "http-listener-1").setAttribute("port", settings.get("http"));
        listener(listeners, "admin-listener").setAttribute("port", settings.get("admin"));

        // Payara's default request pool has 5 threads for all listeners together. With HTTP/2 that can deadlock: when
        // every worker waits for the body of its stream, none is left to decode the connection's DATA frames (seen as
        // 30 s "Blocking read timeout"s with 20 parallel POSTs on one connection). Each application gets a pool of its
        // own (one cannot starve another), larger than the 100 streams a single HTTP/2 connection may open.
        Element threadPools = child(config, "thread-pools");
        threadPool(threadPools, "http-thread-pool", settings.get("http.threads"));
        Element httpService = child(config, "http-service");
        List<String> serverListeners = new ArrayList<>(List.of("http-listener-1"));
        for (HttpsListener https : httpsListeners()) {
            Element protocol = findOrCreate(protocols, "protocol", "name", https.name());
            protocol.setAttribute("security-enabled", "true");
            Element http = findOrCreate(protocol, "http", null, null);
            http.setAttribute("default-virtual-server", "server");
            http.setAttribute("max-connections", "250");
            findOrCreate(http, "file-cache", null, null).setAttribute("enabled", "false");
            Element ssl = findOrCreate(protocol, "ssl", null, null);
            ssl.setAttribute("cert-nickname", https.certAlias());
            if (https.clientTrustStore() == null) {
                ssl.setAttribute("classname", GLASSFISH_SSL);
                for (String a : List.of("client-auth", "key-store", "key-store-type", "trust-store", "trust-store-type")) {
                    ssl.removeAttribute(a);
                }
            } else {
                // "want": a client may present a certificate, browsers and apps without one connect as before. The
                // same keystore as the other listeners (GlassfishSSLImpl would ignore a listener's trust store).
                ssl.setAttribute("classname", JSSE);
                ssl.setAttribute("client-auth", "want");
                ssl.setAttribute("key-store", "${com.sun.aas.instanceRoot}/config/keystore.p12");
                ssl.setAttribute("key-store-type", "PKCS12");
                ssl.setAttribute("trust-store", https.clientTrustStore());
                ssl.setAttribute("trust-store-type", "PKCS12");
            }

            Element l = findOrCreate(listeners, "network-listener", "name", https.name());
            l.setAttribute("port", String.valueOf(https.port()));
            l.setAttribute("protocol", https.name());
            l.setAttribute("transport", "tcp");
            l.setAttribute("thread-pool", threadPool(threadPools, https.name() + "-threads",
                    settings.get("https.threads")).getAttribute("name"));

            serverListeners.add(https.name());
        }
        findOrCreate(httpService, "virtual-server", "id", "server")
                .setAttribute("network-listeners", String.join(",", serverListeners));

        // SameSite for session cookies: Payara 6 ignores <cookie-config><attribute> in web.xml.
        for (Element http : all("/domain/configs/config[@name='server-config']/network-config/protocols/protocol/http")) {
            http.setAttribute("cookie-same-site-enabled", "true");
            http.setAttribute("cookie-same-site-value", "Lax");
            // no product or version in Server / X-Powered-By (issue 18): nothing for a scanner to match CVEs against
            http.setAttribute("xpowered-by", "false");
            http.setAttribute("server-header", "false");
        }
        for (Element l : all("/domain/configs/config/network-config/network-listeners/network-listener")) {
            l.setAttribute("address", bind);
        }
        for (Element l : all("/domain/configs/config/iiop-service/iiop-listener")) {
            l.setAttribute("address", bind);
        }
        for (Element c : all("/domain/configs/config/admin-service/jmx-connector")) {
            c.setAttribute("address", bind);
        }

        // No JMS broker (it would listen on all interfaces); durable async work uses a database outbox.
        Element jms = findOrCreate(config, "jms-service", null, null);
        jms.setAttribute("type", "DISABLED");
        jms.setAttribute("default-jms-host", "default_JMS_host");
        jms.setAttribute("addresslist-behavior", "priority");
        Element jmsHost = findOrCreate(jms, "jms-host", "name", "default_JMS_host");
        jmsHost.setAttribute("host", bind);
        jmsHost.setAttribute("port", "${JMS_PROVIDER_PORT}");
        jmsHost.setAttribute("lazy-init", "true");

        Element hazelcast = one("/domain/hazelcast-runtime-configuration");
        hazelcast.setAttribute("interface", bind);
        hazelcast.setAttribute("das-bind-address", bind);
        hazelcast.setAttribute("das-public-address", bind);

        for (Element property : all("/domain/resources/jdbc-connection-pool/property[@name='URL']")) {
            property.setAttribute("value", property.getAttribute("value").replace(";AUTO_SERVER=TRUE", ""));
        }

        Element java = child(config, "java-config");
        for (Element option : children(java, "jvm-options")) {
            if (option.getTextContent().startsWith("-Xmx")) {
                option.setTextContent("-Xmx" + settings.get("heap"));
            }
        }
        jvmOption(java, "-Dhazelcast.socket.bind.any=false");
        jvmOption(java, "-Djava.net.preferIPv4Stack=true");
        jvmOption(java, "-Dfile.encoding=UTF-8");
    }

    private Element threadPool(Element threadPools, String name, String maxThreads) {
        Element pool = findOrCreate(threadPools, "thread-pool", "name", name);
        pool.setAttribute("min-thread-pool-size", "4");
        pool.setAttribute("max-thread-pool-size", maxThreads);
        pool.setAttribute("max-queue-size", "4096");
        return pool;
    }

    private void jvmOption(Element java, String option) {
        for (Element existing : children(java, "jvm-options")) {
            if (existing.getTextContent().equals(option)) {
                return;
            }
        }
        Element e = doc.createElement("jvm-options");
        e.setTextContent(option);
        java.appendChild(e);
    }

    private Element listener(Element listeners, String name) {
        for (Element l : children(listeners, "network-listener")) {
            if (name.equals(l.getAttribute("name"))) {
                return l;
            }
        }
        throw new IllegalStateException("No network listener " + name + " in domain.xml");
    }

    private Element findOrCreate(Element parent, String tag, String keyAttribute, String key) {
        for (Element e : children(parent, tag)) {
            if (keyAttribute == null || key.equals(e.getAttribute(keyAttribute))) {
                return e;
            }
        }
        Element e = doc.createElement(tag);
        if (keyAttribute != null) {
            e.setAttribute(keyAttribute, key);
        }
        parent.appendChild(e);
        return e;
    }

    private static void remove(Element parent, String tag, String keyAttribute, String key) {
        for (Element e : children(parent, tag)) {
            if (key.equals(e.getAttribute(keyAttribute))) {
                parent.removeChild(e);
            }
        }
    }

    private static Element child(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        if (found.isEmpty()) {
            throw new IllegalStateException("No <" + tag + "> under <" + parent.getTagName() + ">");
        }
        return found.get(0);
    }

    static List<Element> children(Element parent, String tag) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                result.add(e);
            }
        }
        return result;
    }

    private Element one(String xpath) {
        List<Element> found = all(xpath);
        if (found.size() != 1) {
            throw new IllegalStateException("Expected one " + xpath + " in domain.xml, found " + found.size());
        }
        return found.get(0);
    }

    List<Element> all(String xpath) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
            List<Element> result = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                result.add((Element) nodes.item(i));
            }
            return result;
        } catch (javax.xml.xpath.XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }
}
