package org.triad.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.triad.common.rest.RequestTooLargeException;

/**
 * Bounds the size of every request body, before an application reads it into memory (a JSON parser would otherwise
 * read a 100 MB "refresh token"): JSON, forms, XML and text at most {@code triad.http.max-body-bytes} (1 MiB), files
 * (multipart, PDF, images, any other type) at most {@code triad.http.max-upload-bytes} (6 MiB: documents of up to
 * 5 MB, whose own limit gives its own problem).
 * <p>
 * A declared {@code Content-Length} above the limit is refused at once with {@code 413}, as
 * {@code application/problem+json} type {@code request-too-large} under {@code /api/} and as the server's error page
 * elsewhere. A body without a declared length (chunked, HTTP/2) is counted while it is read; reading past the limit
 * fails ({@link RequestTooLargeException}, which the REST layer answers the same way), and the answer is the same 413
 * if the application has not answered yet. Form and multipart parsing by the container read the raw stream, so a
 * body without a declared length is bounded there by Payara's {@code max-post-size-bytes} only; browsers declare it.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestSizeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final long DEFAULT_MAX_BODY = 1L << 20;
    static final long DEFAULT_MAX_UPLOAD = 6L << 20;
    private static final String TRIPPED = RequestSizeFilter.class.getName() + ".tripped";
    private static final Set<String> MAY_HAVE_BODY = Set.of("POST", "PUT", "PATCH");
    /** How much of a refused body is still read (and dropped) so that the client gets to see the answer. */
    static final long MAX_SWALLOW = 16L << 20;

    private long maxBody = DEFAULT_MAX_BODY;
    private long maxUpload = DEFAULT_MAX_UPLOAD;

    @Override
    public void init() {
        Config config = ConfigProvider.getConfig();
        maxBody = config.getOptionalValue("triad.http.max-body-bytes", Long.class).orElse(DEFAULT_MAX_BODY);
        maxUpload = config.getOptionalValue("triad.http.max-upload-bytes", Long.class).orElse(DEFAULT_MAX_UPLOAD);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long limit = limitFor(request.getContentType());
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response, limit);
            return;
        }
        if (declared >= 0 || !MAY_HAVE_BODY.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(new Bounded(request, limit), response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (request.getAttribute(TRIPPED) == null) {
                throw e;
            }
        }
        if (request.getAttribute(TRIPPED) != null) {
            if (response.isCommitted()) {
                // answered already (the REST layer's 413): drop the rest of the body so the client reads it
                swallow(request);
            } else {
                response.reset();
                refuse(request, response, limit);
            }
        }
    }

    /** JSON, forms, XML and text (and bodies of no stated type) get the body limit, files the upload limit. */
    long limitFor(String contentType) {
        String t = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT).strip();
        boolean structured = t.isEmpty() || t.startsWith("application/json") || t.contains("+json")
                || t.startsWith("application/x-www-form-urlencoded") || t.startsWith("text/") || t.contains("xml");
        return structured ? maxBody : maxUpload;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, long limit)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // A client sends its whole body before it reads the answer (Java's HTTP/2 client waits for its flow-control
        // window meanwhile): the rest of a moderately large body is read and dropped, never kept; a larger one is
        // left unread and the HTTP/1.1 connection closed.
        if (!swallow(request) && request.getProtocol().startsWith("HTTP/1")) {
            response.setHeader("Connection", "close");
        }
        if (!path.startsWith("/api/")) {
            response.sendError(413);
            return;
        }
        response.setStatus(413);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(RequestTooLargeException.problem(limit).toJson().toString());
    }

    /** Reads and drops the rest of the body if it is at most {@link #MAX_SWALLOW} bytes; true if it was. */
    private static boolean swallow(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        if (declared > MAX_SWALLOW) {
            return false;
        }
        try {
            ServletInputStream in = request.getInputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > MAX_SWALLOW) {
                    return false;
                }
            }
            return true;
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    /** The request with its body counted as it is read. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;
        private BufferedReader reader;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (reader != null) {
                throw new IllegalStateException("getReader() was called");
            }
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit, this);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }
    }

    /** Counts the bytes read and fails once there are more than the limit. */
    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private final HttpServletRequest request;
        private long count;

        Counting(ServletInputStream in, long limit, HttpServletRequest request) {
            this.in = in;
            this.limit = limit;
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws IOException {
            count += n;
            if (count > limit) {
                request.setAttribute(TRIPPED, Boolean.TRUE);
                throw new RequestTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
