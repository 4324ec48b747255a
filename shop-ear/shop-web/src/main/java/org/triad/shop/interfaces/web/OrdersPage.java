package org.triad.shop.interfaces.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.triad.shop.application.orders.OrderService;
import org.triad.shop.application.orders.OrderView;
import org.triad.shop.domain.model.order.OrderStatus;

/**
 * Order lists with filters by state and time: the buyer's ({@code orders/index.xhtml}), the seller's
 * ({@code seller/orders.xhtml}, with the refund requests to decide) and all orders for shop admins
 * ({@code admin/orders.xhtml}, with disputes). Which list is shown is the page's {@code scope} parameter.
 */
@Named
@ViewScoped
public class OrdersPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int PAGE = 20;

    @EJB
    transient OrderService orders;

    @Inject
    CurrentUser currentUser;

    private String scope = "buyer";
    private List<OrderStatus> statuses = List.of();
    private LocalDate from;
    private LocalDate to;
    private int first;
    private OrderService.Page page;
    private List<OrderService.RefundTask> refunds;

    public void search() {
        first = 0;
        page = null;
    }

    public void reload() {
        page = null;
        refunds = null;
    }

    public OrderService.Page getPage() {
        if (page == null) {
            Set<OrderStatus> s = statuses == null || statuses.isEmpty() ? null : EnumSet.copyOf(statuses);
            var start = from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC);
            var end = to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            page = switch (scope) {
                case "seller" -> orders.sellerOrders(currentUser.id(), s, start, end, first, PAGE);
                case "admin" -> orders.allOrders(s, start, end, first, PAGE);
                default -> orders.buyerOrders(currentUser.id(), s, start, end, first, PAGE);
            };
        }
        return page;
    }

    public List<OrderService.RefundTask> getRefunds() {
        if (refunds == null) {
            refunds = switch (scope) {
                case "seller" -> orders.refundTasks(currentUser.id());
                case "admin" -> orders.refundTasks(null);
                default -> List.of();
            };
        }
        return refunds;
    }

    public List<OrderView> getOrders() {
        return getPage().orders();
    }

    public void next() {
        if (first + PAGE < getPage().total()) {
            first += PAGE;
            page = null;
        }
    }

    public void previous() {
        first = Math.max(0, first - PAGE);
        page = null;
    }

    public boolean isHasNext() {
        return first + PAGE < getPage().total();
    }

    public boolean isHasPrevious() {
        return first > 0;
    }

    public OrderStatus[] getAllStatuses() {
        return OrderStatus.values();
    }

    public String getScope() {
        return scope;
    }

    /** Set by the page (view action); a list the caller's roles do not allow falls back to the caller's own. */
    public void init(String wanted) {
        if ("admin".equals(wanted) && currentUser.isShopAdmin()) {
            scope = "admin";
        } else if ("seller".equals(wanted) && currentUser.isSeller()) {
            scope = "seller";
        } else {
            scope = "buyer";
        }
    }

    public List<OrderStatus> getStatuses() {
        return statuses;
    }

    public void setStatuses(List<OrderStatus> statuses) {
        this.statuses = statuses;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
