package org.triad.ca.infrastructure.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** PEM encoding and decoding of certificates, chains, CSRs and CRLs. */
public final class Pem {

    private Pem() {
    }

    public static String encode(Object... objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (Object o : objects) {
                writer.writeObject(o);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    public static String encodeAll(Collection<?> objects) {
        return encode(objects.toArray());
    }

    /** The CRL as PEM ({@code -----BEGIN X509 CRL-----}). */
    public static String encodeCrl(byte[] der) {
        return encode(new org.bouncycastle.util.io.pem.PemObject("X509 CRL", der));
    }

    /** Reads the first object of a PEM text, or null if there is none. */
    public static Object readFirst(String pem) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return parser.readObject();
        }
    }

    /** Reads a PKCS#10 request; null if the text holds none. */
    public static PKCS10CertificationRequest readCsr(String pem) throws IOException {
        Object o = readFirst(pem);
        return o instanceof PKCS10CertificationRequest csr ? csr : null;
    }

    /** Every certificate in the text, in order. */
    public static List<X509Certificate> readCertificates(String pem) throws IOException, CertificateException {
        List<X509Certificate> result = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof X509CertificateHolder holder) {
                    result.add(converter.getCertificate(holder));
                }
            }
        }
        return result;
    }

    public static X509Certificate fromDer(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException("stored certificate is unreadable", e);
        }
    }
}
