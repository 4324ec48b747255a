package org.triad.bank.interfaces.payments.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The cashier URL a merchant sends its buyer to, {@code /pay/<payment id>}: redirects to the cashier page (which
 * asks for sign-in first when needed). Anything that is not a payment id is 404.
 */
@WebServlet("/pay/*")
public class PayLinkServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        if (!path.matches("pay_[A-Za-z0-9_-]{1,36}")) {
            response.sendError(404);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(request.getContextPath() + "/portal/pay.xhtml?payment=" + path);
    }
}
