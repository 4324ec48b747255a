package org.triad.shop.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.triad.shop.application.CatalogueService;
import org.triad.shop.application.CategoryView;
import org.triad.shop.application.ItemForm;
import org.triad.shop.application.ItemView;
import org.triad.shop.application.SellerService;

/**
 * The seller centre: the seller's items (status, stock, on sale, the reviewer's reason) and the item editor (new or
 * {@code ?id=}): save as draft, submit for review, stock, open/close for sale.
 */
@Named
@ViewScoped
public class SellerItemsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient SellerService sellers;

    @EJB
    transient CatalogueService catalogue;

    @Inject
    transient CurrentUser currentUser;

    private List<ItemView> items;
    private List<CategoryView> categories;
    private Long editing;
    private ItemView current;
    private String title;
    private String description;
    private Long categoryId;
    private String price;
    private Integer stock = 1;
    private String options;

    @PostConstruct
    void load() {
        items = sellers.myItems(currentUser.id(), 0, 100);
        categories = catalogue.categoryTree();
    }

    /** {@code ?id=} of the item to edit, or none for a new one. */
    public void open() {
        if (editing != null) {
            try {
                current = sellers.myItem(currentUser.id(), editing);
            } catch (RuntimeException e) {
                Messages.refused(e, null);
                editing = null;
                return;
            }
            ItemView.Content c = current.working();
            title = c.title();
            description = c.description();
            categoryId = c.categoryId();
            price = c.price().toPlainString();
            stock = current.stock();
            options = c.options();
        }
    }

    private ItemForm form() {
        return new ItemForm(title, description, categoryId, price, stock, options);
    }

    public String save() {
        try {
            current = editing == null ? sellers.create(currentUser.id(), form())
                    : sellers.edit(currentUser.id(), editing, form());
        } catch (RuntimeException e) {
            Messages.refused(e, "item");
            return null;
        }
        return "/seller/item?faces-redirect=true&saved=true&id=" + current.id();
    }

    public String saveAndSubmit() {
        try {
            current = editing == null ? sellers.create(currentUser.id(), form())
                    : sellers.edit(currentUser.id(), editing, form());
            if (current.status() == org.triad.shop.domain.model.item.ItemStatus.DRAFT
                    || current.status() == org.triad.shop.domain.model.item.ItemStatus.REJECTED) {
                current = sellers.submit(currentUser.id(), current.id());
            }
        } catch (RuntimeException e) {
            Messages.refused(e, "item");
            return null;
        }
        return "/seller/item?faces-redirect=true&submitted=true&id=" + current.id();
    }

    public String toggleSale() {
        try {
            current = sellers.setOnSale(currentUser.id(), editing, !current.onSale());
        } catch (RuntimeException e) {
            Messages.refused(e, "item");
            return null;
        }
        return "/seller/item?faces-redirect=true&id=" + current.id();
    }

    private transient org.primefaces.model.file.UploadedFile file;

    public org.primefaces.model.file.UploadedFile getFile() {
        return file;
    }

    public void setFile(org.primefaces.model.file.UploadedFile file) {
        this.file = file;
    }

    /** Uploads the chosen image (the item must be saved first). */
    public void upload() {
        if (file == null || file.getSize() == 0) {
            Messages.refused(new org.triad.shop.domain.model.shared.ShopRuleException("invalid-image", 422, "image",
                    Messages.text("seller.chooseImage")), "images");
            return;
        }
        try {
            current = sellers.addImage(currentUser.id(), editing, file.getContent());
            // next to the upload field: the item form's global messages would repeat a page-wide one
            Messages.infoFor("images:image", "seller.imageAdded");
        } catch (RuntimeException e) {
            Messages.refused(e, "images");
        }
    }

    public void removeImage(long imageId) {
        try {
            current = sellers.removeImage(currentUser.id(), editing, imageId);
        } catch (RuntimeException e) {
            Messages.refused(e, "images");
        }
    }

    public String categoryName(long id) {
        return categories.stream().filter(c -> c.id() == id).findFirst().map(c -> c.name(Messages.locale()))
                .orElse("?");
    }

    public String indented(CategoryView c) {
        return "\u00a0\u00a0".repeat(c.depth()) + c.name(Messages.locale());
    }

    public List<ItemView> getItems() {
        return items;
    }

    public List<CategoryView> getCategories() {
        return categories;
    }

    public ItemView getCurrent() {
        return current;
    }

    public Long getEditing() {
        return editing;
    }

    public void setEditing(Long editing) {
        this.editing = editing;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(Long categoryId) {
        this.categoryId = categoryId;
    }

    public String getPrice() {
        return price;
    }

    public void setPrice(String price) {
        this.price = price;
    }

    public Integer getStock() {
        return stock;
    }

    public void setStock(Integer stock) {
        this.stock = stock;
    }

    public String getOptions() {
        return options;
    }

    public void setOptions(String options) {
        this.options = options;
    }
}
