package org.triad.shop.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /live}: a server-sent event stream of the signed-in user's order changes ({@link LiveUpdates}); 401
 * without a signed-in browser session. Streams last 10 minutes; the browser's EventSource reconnects by itself.
 */
@WebServlet(urlPatterns = "/live", asyncSupported = true)
public class LiveServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient LiveUpdates live;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getUserPrincipal() == null) {
            response.sendError(401);
            return;
        }
        long userId = Long.parseLong(request.getUserPrincipal().getName());
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        AsyncContext context = request.startAsync();
        context.setTimeout(600_000);
        context.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                live.unregister(userId, context);
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                live.unregister(userId, context);
                context.complete();
            }

            @Override
            public void onError(AsyncEvent event) {
                live.unregister(userId, context);
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not restarted
            }
        });
        response.getWriter().write("retry: 2000\n: connected\n\n");
        response.getWriter().flush();
        live.register(userId, context);
    }
}
