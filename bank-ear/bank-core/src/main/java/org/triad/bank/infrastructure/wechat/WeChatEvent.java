package org.triad.bank.infrastructure.wechat;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A WeChat callback message, parsed safely: no DTDs, no external entities, no XInclude (XXE), from a body the
 * caller has size-limited. Only what the sign-in needs: {@code MsgType}, {@code Event}, {@code EventKey},
 * {@code FromUserName} (the openid) and {@code UnionId}.
 */
public record WeChatEvent(String msgType, String event, String eventKey, String openid, String unionid) {

    /** The scene id of a scan: {@code SCAN} carries it as is, {@code subscribe} with the prefix {@code qrscene_}. */
    public Optional<String> sceneId() {
        if (!"event".equalsIgnoreCase(msgType) || eventKey == null) {
            return Optional.empty();
        }
        if ("SCAN".equalsIgnoreCase(event)) {
            return Optional.of(eventKey);
        }
        if ("subscribe".equalsIgnoreCase(event) && eventKey.startsWith("qrscene_")) {
            return Optional.of(eventKey.substring("qrscene_".length()));
        }
        return Optional.empty();
    }

    /**
     * @throws IllegalArgumentException if the XML is malformed, declares a DTD, or lacks {@code FromUserName}
     */
    public static WeChatEvent parse(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document doc = builder.parse(new ByteArrayInputStream(xml));
            Element root = doc.getDocumentElement();
            if (root == null || !"xml".equals(root.getNodeName())) {
                throw new IllegalArgumentException("Not a WeChat message");
            }
            String openid = text(root, "FromUserName");
            if (openid == null || openid.isBlank() || openid.length() > 128) {
                throw new IllegalArgumentException("No FromUserName");
            }
            return new WeChatEvent(text(root, "MsgType"), text(root, "Event"), text(root, "EventKey"), openid,
                    text(root, "UnionId"));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("Malformed XML", e);
        }
    }

    private static String text(Element root, String name) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && name.equals(n.getNodeName())) {
                String value = n.getTextContent();
                return value == null ? null : value.trim();
            }
        }
        return null;
    }
}
