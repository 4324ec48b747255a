package org.triad.bank.interfaces.clerk.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.triad.bank.application.banking.HistoryFilter;
import org.triad.bank.application.banking.HistoryPage;
import org.triad.bank.application.customer.ClerkService;
import org.triad.bank.interfaces.banking.web.HistoryQuery;
import org.triad.bank.interfaces.support.web.CurrentUser;

/** Back office: transactions across customers, by customer id or card number, dates and type; paged, as CSV. */
@Named
@ViewScoped
public class ClerkTransactions extends HistoryQuery {

    private static final long serialVersionUID = 1L;

    @EJB
    transient ClerkService clerk;

    @Inject
    CurrentUser user;

    private Long customerId;
    private String cardNumber;

    /** Opened from a customer row ({@code ?customer=<id>}): the search starts filtered on that customer. */
    @jakarta.annotation.PostConstruct
    void fromLink() {
        String customer = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext()
                .getRequestParameterMap().get("customer");
        if (customer != null && customer.matches("\\d{1,18}")) {
            customerId = Long.valueOf(customer);
        }
    }

    @Override
    protected HistoryPage query(HistoryFilter filter) {
        return clerk.transactions(user.id(), customerId,
                cardNumber == null || cardNumber.isBlank() ? null : cardNumber.replaceAll("[\\s-]", ""), filter);
    }

    @Override
    protected String formId() {
        return "filters";
    }

    public Long getCustomerId() {
        return customerId;
    }

    public void setCustomerId(Long customerId) {
        this.customerId = customerId;
    }

    public String getCardNumber() {
        return cardNumber;
    }

    public void setCardNumber(String cardNumber) {
        this.cardNumber = cardNumber;
    }
}
