package org.triad.shop.interfaces.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.triad.shop.application.ratings.FeedbackService;

/**
 * "Feedback to the shop" ({@code feedback.xhtml}, in the menu for everyone): a message and an optional contact. The
 * message is refused next to its field when blank or too long; the hourly limit per sender is said on the page.
 */
@Named
@RequestScoped
public class FeedbackPage {

    @EJB
    FeedbackService feedback;

    @Inject
    CurrentUser currentUser;

    private String contact;
    private String message;
    private boolean sent;

    public void send() {
        try {
            Long user = currentUser.idOrNull();
            HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                    .getRequest();
            feedback.send(user, FeedbackService.senderKey(user, request.getRemoteAddr()), contact, message);
            sent = true;
            contact = null;
            message = null;
        } catch (RuntimeException e) {
            Messages.refused(e, "feedback");
        }
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public boolean isSent() {
        return sent;
    }
}
