package org.triad.bank.interfaces.organisation.web;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;
import org.triad.bank.application.organisation.OrganisationService;
import org.triad.bank.application.organisation.OrganisationViews.NewDocument;
import org.triad.bank.application.organisation.OrganisationViews.OrganisationView;
import org.triad.bank.domain.model.organisation.DocumentFormat;
import org.triad.bank.domain.model.organisation.OrganisationType;
import org.triad.bank.interfaces.support.web.CurrentUser;

/**
 * Portal: apply for an organisation with qualification documents. Uploaded files are held in the view until the
 * application is sent; type and size are checked on arrival (by content) and again by the service.
 */
@Named
@ViewScoped
public class OrganisationApplication implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient OrganisationService organisations;

    @Inject
    CurrentUser user;

    private String type = OrganisationType.ENTERPRISE.name();
    private String name;
    private String registrationNumber;
    private String contactName;
    private String contactEmail;
    private String contactPhone;
    private final List<NewDocument> documents = new ArrayList<>();

    public OrganisationType[] getTypes() {
        return OrganisationType.values();
    }

    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        byte[] content = file.getContent();
        if (content == null || content.length == 0 || content.length > DocumentFormat.MAX_BYTES) {
            OrganisationMessages.error("apply.upload.refused", OrganisationMessages.text("problem.document-too-large"));
            return;
        }
        if (DocumentFormat.detect(content).isEmpty()) {
            OrganisationMessages.error("apply.upload.refused",
                    OrganisationMessages.text("problem.unsupported-document-type"));
            return;
        }
        documents.add(new NewDocument(file.getFileName(), content));
        OrganisationMessages.info("apply.upload.added", file.getFileName());
    }

    public void removeDocument(int index) {
        if (index >= 0 && index < documents.size()) {
            documents.remove(index);
        }
    }

    public void submit() throws IOException {
        try {
            OrganisationView created = organisations.applyWithDocuments(user.id(), type, name, registrationNumber,
                    contactName, contactEmail, contactPhone, List.copyOf(documents));
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().getFlash().setKeepMessages(true);
            OrganisationMessages.info("apply.sent", OrganisationMessages.text("apply.sent.detail", created.name()));
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath()
                    + "/portal/organisation.xhtml?id=" + created.id());
        } catch (RuntimeException e) {
            OrganisationMessages.failed("apply.failed", e);
        }
    }

    public List<NewDocument> getDocuments() {
        return documents;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRegistrationNumber() {
        return registrationNumber;
    }

    public void setRegistrationNumber(String registrationNumber) {
        this.registrationNumber = registrationNumber;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }
}
