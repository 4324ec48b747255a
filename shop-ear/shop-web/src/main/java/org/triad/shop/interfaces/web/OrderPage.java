package org.triad.shop.interfaces.web;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import org.triad.shop.application.orders.OrderDetail;
import org.triad.shop.application.orders.OrderService;
import org.triad.shop.domain.model.order.OrderStatus;
import org.triad.shop.domain.model.order.RefundStatus;
import org.triad.shop.domain.model.shared.ShopRuleException;

/**
 * One order ({@code orders/order.xhtml?id=}) for its buyer, its seller and shop admins: lines, the timeline, refund
 * requests, and what the viewer may do now — the buyer completes, cancels before shipping, asks for a refund or
 * disputes a refusal; the seller ships and decides refund requests; a shop admin decides disputes. Anyone else gets
 * 404. Live updates re-render it when the order changes.
 */
@Named
@ViewScoped
public class OrderPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient OrderService orders;

    @Inject
    CurrentUser currentUser;

    private Long id;
    private OrderDetail detail;
    private String carrier;
    private String trackingNumber;
    private BigDecimal refundAmount;
    private String reason;
    private String note;

    public void load() throws IOException {
        try {
            if (id == null) {
                throw ShopRuleException.notFound("order");
            }
            reload();
        } catch (RuntimeException e) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "no such order");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    public void reload() {
        if (id == null) {
            // a live refresh posted to a view that is gone (the user signed out meanwhile): nothing to refresh
            return;
        }
        detail = orders.order(currentUser.id(), currentUser.isShopAdmin(), id);
    }

    public boolean isBuyer() {
        return detail != null && detail.order().buyerId() == currentUser.id();
    }

    public boolean isSellerView() {
        return detail != null && detail.order().sellerId() == currentUser.id();
    }

    public boolean isCanShip() {
        return isSellerView() && detail.order().shippedAt() == null
                && (detail.order().status() == OrderStatus.PAID
                || detail.order().status() == OrderStatus.PARTIALLY_REFUNDED);
    }

    public boolean isCanComplete() {
        return isBuyer() && detail.order().shippedAt() != null && detail.order().status().canMoveTo(OrderStatus.COMPLETED);
    }

    public boolean isCanCancel() {
        return isBuyer() && detail.order().status() == OrderStatus.PAID && detail.openRefund() == null;
    }

    public boolean isCanRequestRefund() {
        return isBuyer() && detail.order().status().canMoveTo(OrderStatus.REFUND_REQUESTED)
                && detail.openRefund() == null && detail.order().refundable().signum() > 0;
    }

    public boolean isCanDispute() {
        OrderDetail.Refund r = detail == null ? null : detail.openRefund();
        return isBuyer() && r != null && r.status() == RefundStatus.REFUSED;
    }

    public boolean isCanDecideAsSeller() {
        OrderDetail.Refund r = detail == null ? null : detail.openRefund();
        return isSellerView() && r != null && (r.status() == RefundStatus.REQUESTED || r.status() == RefundStatus.FAILED);
    }

    public boolean isCanDecideAsAdmin() {
        OrderDetail.Refund r = detail == null ? null : detail.openRefund();
        return currentUser.isShopAdmin() && r != null && r.status() == RefundStatus.DISPUTED;
    }

    private interface Action {
        OrderDetail run();
    }

    private void act(Action action, String doneKey, String formId) {
        try {
            detail = action.run();
            Messages.info(doneKey);
            note = null;
            reason = null;
        } catch (RuntimeException e) {
            Messages.refused(e, formId);
            reload();
        }
    }

    public void ship() {
        act(() -> orders.ship(currentUser.id(), id, carrier, trackingNumber), "order.shipped", "order");
    }

    public void complete() {
        act(() -> orders.complete(currentUser.id(), id), "order.completedDone", null);
    }

    public void cancel() {
        act(() -> orders.cancelPaid(currentUser.id(), id, reason), "order.cancelledDone", "order");
    }

    public void requestRefund() {
        act(() -> orders.requestRefund(currentUser.id(), id, refundAmount, reason), "order.refundRequested", "order");
    }

    public void dispute() {
        act(() -> orders.dispute(currentUser.id(), detail.openRefund().id()), "order.disputed", null);
    }

    /** The seller approves a request, or a shop admin a disputed one: the bank refunds. */
    public void approveRefund() {
        long request = detail.openRefund().id();
        act(() -> isCanDecideAsAdmin() ? orders.decide(currentUser.id(), request, true, note)
                : orders.approveRefund(currentUser.id(), request, note), "order.refundApproved", "order");
    }

    /** The seller refuses a request, or a shop admin rejects a dispute; a note is required. */
    public void refuseRefund() {
        long request = detail.openRefund().id();
        act(() -> isCanDecideAsAdmin() ? orders.decide(currentUser.id(), request, false, note)
                : orders.refuseRefund(currentUser.id(), request, note), "order.refundRefused", "order");
    }

    public OrderDetail getDetail() {
        return detail;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getCarrier() {
        return carrier;
    }

    public void setCarrier(String carrier) {
        this.carrier = carrier;
    }

    public String getTrackingNumber() {
        return trackingNumber;
    }

    public void setTrackingNumber(String trackingNumber) {
        this.trackingNumber = trackingNumber;
    }

    public BigDecimal getRefundAmount() {
        return refundAmount;
    }

    public void setRefundAmount(BigDecimal refundAmount) {
        this.refundAmount = refundAmount;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
