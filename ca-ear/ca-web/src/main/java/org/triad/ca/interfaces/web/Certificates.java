package org.triad.ca.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.triad.ca.application.CertificateQueries;
import org.triad.ca.application.RevocationService;
import org.triad.ca.domain.model.certificate.CertificateProfile;
import org.triad.ca.domain.model.certificate.CertificateQuery;
import org.triad.ca.domain.model.certificate.CertificateRecord;
import org.triad.ca.domain.model.certificate.RevocationReason;
import org.triad.common.domain.DomainException;

/**
 * The certificate list: filters, lazily paged table (one search per page, counted by the
 * database), details, and revocation with a reason.
 */
@Named
@ViewScoped
public class Certificates implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CertificateQueries queries;

    @Inject
    RevocationService revocation;

    @Inject
    SecurityContext security;

    private String commonName;
    private String status;
    private Integer expiringWithinDays;
    private String profile;

    private final Rows rows = new Rows();

    private CertificateDetails details;
    private String revokeSerial;
    private String revokeCommonName;
    private String revokeReason = RevocationReason.KEY_COMPROMISE.apiName();

    /** The lazy model behind the table: pages come straight from {@link CertificateQueries#search}. */
    public class Rows extends LazyDataModel<CertificateRow> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, queries.count(query()));
        }

        @Override
        public List<CertificateRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                         Map<String, FilterMeta> filterBy) {
            int size = Math.max(1, Math.min(pageSize, CertificateQueries.MAX_PAGE_SIZE));
            CertificateQueries.Page page = queries.search(query(), first / size, size);
            setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
            Instant now = Instant.now();
            return page.items().stream().map(r -> CertificateRow.of(r, now)).toList();
        }

        @Override
        public String getRowKey(CertificateRow row) {
            return row.serial();
        }

        @Override
        public CertificateRow getRowData(String rowKey) {
            List<CertificateRow> loaded = getWrappedData();
            return loaded == null ? null : loaded.stream().filter(r -> r.serial().equals(rowKey)).findFirst().orElse(null);
        }
    }

    private CertificateQuery query() {
        Instant now = Instant.now();
        Instant expiring = expiringWithinDays == null ? null : now.plus(Duration.ofDays(expiringWithinDays));
        return new CertificateQuery(blankToNull(commonName), blankToNull(status), expiring, blankToNull(profile), now);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Filters may come as request parameters too (links from the dashboard). */
    @PostConstruct
    void init() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        String s = params.get("status");
        if (s != null && getStatuses().contains(s)) {
            status = s;
        }
        String days = params.get("expiringWithinDays");
        if (days != null && days.matches("\\d{1,4}") && Integer.parseInt(days) <= 3650) {
            expiringWithinDays = Integer.valueOf(days);
        }
        String cn = params.get("cn");
        if (cn != null && cn.length() <= 200) {
            commonName = cn;
        }
    }

    public void search() {
        firstPage();
    }

    public void resetFilters() {
        commonName = null;
        status = null;
        expiringWithinDays = null;
        profile = null;
        firstPage();
    }

    private static void firstPage() {
        UIComponent table = FacesContext.getCurrentInstance().getViewRoot().findComponent(":certs:table");
        if (table instanceof DataTable t) {
            t.setFirst(0);
        }
    }

    public void showDetails(String serial) {
        try {
            details = CertificateDetails.of(queries.get(serial), Instant.now());
        } catch (DomainException e) {
            details = null;
            Messages.refused(null, "certificates.details.failed", e);
        }
    }

    public void prepareRevoke(CertificateRow row) {
        revokeSerial = row.serial();
        revokeCommonName = row.commonName();
        revokeReason = RevocationReason.KEY_COMPROMISE.apiName();
    }

    public void revoke() {
        try {
            CertificateRecord revoked = revocation.revoke(revokeSerial, revokeReason, CurrentUser.actor(security));
            Messages.info("revoke.done", "revoke.done.detail", revoked.serial(), revoked.commonName(),
                    Messages.text("reason." + revoked.revocationReason().apiName()));
            revokeSerial = null;
        } catch (DomainException e) {
            Messages.refused(null, "revoke.failed", e);
        } catch (RuntimeException e) {
            Messages.failed("revoke.failed", e);
        }
    }

    public List<String> getStatuses() {
        return List.of("ISSUED", "REVOKED", "EXPIRED");
    }

    public List<String> getProfiles() {
        return Arrays.stream(CertificateProfile.values()).map(CertificateProfile::apiName).toList();
    }

    public List<String> getReasons() {
        return Arrays.stream(RevocationReason.values()).map(RevocationReason::apiName).toList();
    }

    public Rows getRows() {
        return rows;
    }

    public CertificateDetails getDetails() {
        return details;
    }

    public String getCommonName() {
        return commonName;
    }

    public void setCommonName(String commonName) {
        this.commonName = commonName;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Integer getExpiringWithinDays() {
        return expiringWithinDays;
    }

    public void setExpiringWithinDays(Integer expiringWithinDays) {
        this.expiringWithinDays = expiringWithinDays;
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
    }

    public String getRevokeSerial() {
        return revokeSerial;
    }

    public String getRevokeCommonName() {
        return revokeCommonName;
    }

    public String getRevokeReason() {
        return revokeReason;
    }

    public void setRevokeReason(String revokeReason) {
        this.revokeReason = revokeReason;
    }
}
