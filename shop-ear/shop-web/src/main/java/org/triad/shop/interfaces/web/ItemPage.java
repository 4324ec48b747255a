package org.triad.shop.interfaces.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.triad.shop.application.CatalogueService;
import org.triad.shop.application.ItemView;
import org.triad.shop.domain.model.item.ItemContent;
import org.triad.shop.domain.model.shared.ShopRuleException;

/** The item page ({@code ?id=}): 404 unless the item is visible, or the viewer is its seller or a shop admin. */
@Named
@RequestScoped
public class ItemPage {

    @EJB
    CatalogueService catalogue;

    @Inject
    CurrentUser currentUser;

    private Long id;
    private ItemView item;

    public void load() throws IOException {
        try {
            if (id == null) {
                throw ShopRuleException.notFound("item");
            }
            item = catalogue.item(id, currentUser.idOrNull());
        } catch (ShopRuleException e) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "no such item");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    /** The options, one {@code name: value, value} line each. */
    public List<String> getOptionLines() {
        return ItemContent.parseOptions(item.shown().options()).entrySet().stream()
                .map(e -> e.getKey() + ": " + String.join(", ", e.getValue())).toList();
    }

    /** The description in the safe Markdown subset (see {@code DescriptionRenderer}): HTML typed by a seller is text. */
    public String getDescriptionHtml() {
        return org.triad.shop.domain.model.item.DescriptionRenderer.html(item.shown().description());
    }

    /** The item; on a postback (add to cart) read again from the view parameter. */
    public ItemView getItem() {
        if (id == null) {
            String param = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
            if (param != null && param.matches("\\d{1,18}")) {
                id = Long.valueOf(param);
            }
        }
        if (item == null && id != null) {
            try {
                item = catalogue.item(id, currentUser.idOrNull());
            } catch (RuntimeException e) {
                return null;
            }
        }
        return item;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
