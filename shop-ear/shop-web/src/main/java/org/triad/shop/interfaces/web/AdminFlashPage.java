package org.triad.shop.interfaces.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;
import org.triad.shop.application.flash.FlashSaleService;
import org.triad.shop.application.flash.FlashSaleView;

/**
 * Flash sales for shop admins ({@code admin/flash.xhtml}): schedule one (item, units taken from its stock, flash
 * price, window, how long a winner has to check out), watch the claims by state, cancel one (units left go back).
 */
@Named
@ViewScoped
public class AdminFlashPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient FlashSaleService flash;

    @Inject
    CurrentUser currentUser;

    private Long itemId;
    private String price;
    private Integer units;
    private LocalDateTime startsAt;
    private LocalDateTime endsAt;
    private Long claimHoldSeconds = 300L;
    private List<FlashSaleView> sales;

    public List<FlashSaleView> getSales() {
        if (sales == null) {
            sales = flash.all(0, 50);
        }
        return sales;
    }

    public void schedule() {
        try {
            FlashSaleView sale = flash.schedule(currentUser.id(), new FlashSaleService.Schedule(itemId, price, units,
                    Dates.instant(startsAt), Dates.instant(endsAt), claimHoldSeconds));
            Messages.info("flash.scheduled", sale.title(), sale.units());
            itemId = null;
            price = null;
            units = null;
        } catch (RuntimeException e) {
            Messages.refused(e, "schedule");
        }
        sales = null;
    }

    public void cancel(long saleId) {
        try {
            flash.cancel(currentUser.id(), saleId);
            Messages.info("flash.cancelled");
        } catch (RuntimeException e) {
            Messages.refused(e, null);
        }
        sales = null;
    }

    public Long getItemId() {
        return itemId;
    }

    public void setItemId(Long itemId) {
        this.itemId = itemId;
    }

    public String getPrice() {
        return price;
    }

    public void setPrice(String price) {
        this.price = price;
    }

    public Integer getUnits() {
        return units;
    }

    public void setUnits(Integer units) {
        this.units = units;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(LocalDateTime startsAt) {
        this.startsAt = startsAt;
    }

    public LocalDateTime getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(LocalDateTime endsAt) {
        this.endsAt = endsAt;
    }

    public Long getClaimHoldSeconds() {
        return claimHoldSeconds;
    }

    public void setClaimHoldSeconds(Long claimHoldSeconds) {
        this.claimHoldSeconds = claimHoldSeconds;
    }
}
