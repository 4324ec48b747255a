package org.triad.ca.interfaces.pki;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.triad.ca.application.CertificateQueries;
import org.triad.ca.application.CrlService;
import org.triad.ca.infrastructure.crypto.Pem;
import org.triad.ca.infrastructure.persistence.CrlRecord;

/**
 * {@code /ca.pem} (root), {@code /chain.pem} (issuing CA + root), {@code /issuing-ca.crt} (DER, the
 * AIA "CA issuers" URL), {@code /crl} (DER, application/pkix-crl) and {@code /crl.pem}.
 */
@WebServlet(urlPatterns = {"/ca.pem", "/chain.pem", "/issuing-ca.crt", "/crl", "/crl.pem"})
public class PkiDownloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CertificateQueries queries;

    @Inject
    transient CrlService crls;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getServletPath()) {
            case "/ca.pem" -> text(response, "application/x-pem-file", "triad-root-ca.pem", queries.rootPem(), 3600);
            case "/chain.pem" -> text(response, "application/pem-certificate-chain", "triad-chain.pem",
                    queries.chainPem(), 3600);
            case "/issuing-ca.crt" -> binary(response, "application/pkix-cert", "triad-issuing-ca.crt",
                    queries.issuingDer(), 3600);
            case "/crl" -> {
                CrlRecord crl = crls.current();
                response.setDateHeader("Last-Modified", crl.thisUpdate().toEpochMilli());
                binary(response, "application/pkix-crl", "triad.crl", crl.der(), 60);
            }
            case "/crl.pem" -> {
                CrlRecord crl = crls.current();
                response.setDateHeader("Last-Modified", crl.thisUpdate().toEpochMilli());
                text(response, "application/x-pem-file", "triad-crl.pem", Pem.encodeCrl(crl.der()), 60);
            }
            default -> response.sendError(404);
        }
    }

    private static void text(HttpServletResponse response, String type, String filename, String body, int maxAge)
            throws IOException {
        binary(response, type, filename, body.getBytes(StandardCharsets.US_ASCII), maxAge);
    }

    private static void binary(HttpServletResponse response, String type, String filename, byte[] body, int maxAge)
            throws IOException {
        response.setContentType(type);
        response.setHeader("Content-Disposition", "inline; filename=\"" + filename + "\"");
        response.setHeader("Cache-Control", "public, max-age=" + maxAge);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
