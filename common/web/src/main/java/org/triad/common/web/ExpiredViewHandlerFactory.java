package org.triad.common.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;
import java.util.ResourceBundle;

/**
 * A form posted with a view state the server does not know — the session timed out, the server restarted, or the
 * {@code jakarta.faces.ViewState} is forged or from another user — is not a server error. A full-page post is
 * answered {@code 400} with the error page's "page expired" text; an Ajax post (PrimeFaces) is redirected to a fresh
 * copy of the page with the same text as a message. Nothing of the post is applied either way (the view was never
 * restored). Other exceptions go on to the error pages as before.
 */
public class ExpiredViewHandlerFactory extends ExceptionHandlerFactory {

    public ExpiredViewHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() throws FacesException {
            FacesContext faces = FacesContext.getCurrentInstance();
            for (Iterator<ExceptionQueuedEvent> i = getUnhandledExceptionQueuedEvents().iterator(); i.hasNext(); ) {
                Throwable t = i.next().getContext().getException();
                if (isExpiredView(t) && faces != null && !faces.getResponseComplete()) {
                    i.remove();
                    answerExpired(faces);
                    break;
                }
            }
            getWrapped().handle();
        }

        private static boolean isExpiredView(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c instanceof ViewExpiredException) {
                    return true;
                }
            }
            return false;
        }

        private static void answerExpired(FacesContext faces) {
            ExternalContext ec = faces.getExternalContext();
            try {
                if (faces.getPartialViewContext().isAjaxRequest()) {
                    String text = ResourceBundle.getBundle("org.triad.common.web.messages",
                            faces.getApplication().getViewHandler().calculateLocale(faces)).getString("error.expired");
                    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, text, null));
                    ec.getFlash().setKeepMessages(true);
                    String path = ec.getRequestServletPath() + (ec.getRequestPathInfo() == null ? ""
                            : ec.getRequestPathInfo());
                    ec.redirect(ec.getRequestContextPath() + path);
                } else {
                    ec.responseSendError(400, "expired");
                }
                faces.responseComplete();
            } catch (IOException e) {
                throw new FacesException(e);
            }
        }
    }
}
