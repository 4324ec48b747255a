package org.triad.bank.interfaces.organisation.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.triad.bank.application.organisation.OrganisationService;
import org.triad.bank.application.organisation.OrganisationViews.DocumentDownload;
import org.triad.bank.application.organisation.OrganisationViews.DocumentView;
import org.triad.bank.application.organisation.OrganisationViews.OrganisationView;
import org.triad.bank.interfaces.support.web.CurrentUser;

/** Back office: organisation applications by status (pending first), their documents, approve or reject with a reason. */
@Named
@ViewScoped
public class OrganisationReview implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int LIMIT = 200;

    @EJB
    transient OrganisationService organisations;

    @Inject
    CurrentUser user;

    private String status = "PENDING";
    private List<OrganisationView> list;
    private OrganisationView selected;
    private List<DocumentView> documents;
    private String reason;

    public List<OrganisationView> getList() {
        if (list == null) {
            try {
                list = organisations.reviewQueue(user.id(), status, 0, LIMIT);
            } catch (RuntimeException e) {
                list = List.of();
                OrganisationMessages.failed("review.loadFailed", e);
            }
        }
        return list;
    }

    public void filter() {
        list = null;
        selected = null;
    }

    public void open(OrganisationView organisation) {
        try {
            selected = organisations.review(user.id(), organisation.id());
            documents = organisations.reviewDocuments(user.id(), organisation.id());
            reason = null;
        } catch (RuntimeException e) {
            OrganisationMessages.failed("review.loadFailed", e);
        }
    }

    public void approve() {
        if (selected == null) {
            return;
        }
        try {
            OrganisationView done = organisations.approve(user.id(), selected.id());
            OrganisationMessages.info("review.approved", done.name());
            selected = null;
            list = null;
        } catch (RuntimeException e) {
            OrganisationMessages.failed("review.failed", e);
        }
    }

    public void reject() {
        if (selected == null) {
            return;
        }
        try {
            OrganisationView done = organisations.reject(user.id(), selected.id(), reason == null ? null : reason.trim());
            OrganisationMessages.info("review.rejected", done.name());
            selected = null;
            list = null;
            reason = null;
        } catch (RuntimeException e) {
            OrganisationMessages.failed("review.failed", e);
        }
    }

    public StreamedContent download(DocumentView document) {
        DocumentDownload download = organisations.reviewDownload(user.id(), selected.id(), document.id());
        return DefaultStreamedContent.builder().name(download.fileName()).contentType(download.contentType())
                .contentLength((long) download.content().length)
                .stream(() -> new ByteArrayInputStream(download.content())).build();
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public OrganisationView getSelected() {
        return selected;
    }

    public List<DocumentView> getDocuments() {
        return documents;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
