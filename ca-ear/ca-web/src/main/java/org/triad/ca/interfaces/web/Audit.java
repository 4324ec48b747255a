package org.triad.ca.interfaces.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.triad.ca.application.AuditLog;
import org.triad.ca.domain.model.audit.AuditAction;
import org.triad.ca.domain.model.audit.AuditQuery;
import org.triad.ca.domain.model.audit.AuditRecord;
import org.triad.ca.domain.model.audit.ChainVerification;

/** The audit log, newest first, lazily paged, and the check of its hash chain. */
@Named
@ViewScoped
public class Audit implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int BATCH = 200;

    @Inject
    AuditLog audit;

    private String actor;
    private AuditAction action;
    private String subject;
    private LocalDate from;
    private LocalDate to;

    private final Rows rows = new Rows();
    private Verification verification;

    /** One audit record as the table shows it. */
    public record Row(long seq, String occurredAt, String actor, String action, String subject, String outcome,
                      String detail, String hash) implements Serializable {

        static Row of(AuditRecord r) {
            return new Row(r.seq(), Display.utc(r.occurredAt()), r.actor(), r.action().name(), r.subject(),
                    r.outcome().name(), r.detail(), r.hash());
        }

        public String severity() {
            return switch (outcome) {
                case "SUCCESS" -> "success";
                case "DENIED" -> "danger";
                default -> "warning";
            };
        }
    }

    /** The outcome of the last chain check. */
    public record Verification(boolean intact, long recordsChecked, List<String> problems, String checkedAt)
            implements Serializable {
    }

    public class Rows extends LazyDataModel<Row> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, audit.count(query()));
        }

        @Override
        public List<Row> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            // the exporter asks for everything at once; the log is read in batches all the same
            AuditQuery query = query();
            List<Row> page = new java.util.ArrayList<>();
            for (int offset = first, left = Math.max(1, pageSize); left > 0; ) {
                List<AuditRecord> batch = audit.search(query, offset, Math.min(left, BATCH));
                batch.forEach(r -> page.add(Row.of(r)));
                if (batch.size() < Math.min(left, BATCH)) {
                    break;
                }
                offset += batch.size();
                left -= batch.size();
            }
            return page;
        }

        @Override
        public String getRowKey(Row row) {
            return Long.toString(row.seq());
        }

        @Override
        public Row getRowData(String rowKey) {
            List<Row> loaded = getWrappedData();
            return loaded == null ? null
                    : loaded.stream().filter(r -> Long.toString(r.seq()).equals(rowKey)).findFirst().orElse(null);
        }
    }

    private AuditQuery query() {
        return new AuditQuery(blankToNull(actor), action, blankToNull(subject),
                from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public void search() {
        firstPage();
    }

    public void resetFilters() {
        actor = null;
        action = null;
        subject = null;
        from = null;
        to = null;
        firstPage();
    }

    private static void firstPage() {
        UIComponent table = FacesContext.getCurrentInstance().getViewRoot().findComponent(":audit:table");
        if (table instanceof DataTable t) {
            t.setFirst(0);
        }
    }

    public void verifyChain() {
        try {
            ChainVerification result = audit.verifyChain();
            verification = new Verification(result.intact(), result.recordsChecked(), result.problems(),
                    Display.utc(java.time.Instant.now()));
            if (result.intact()) {
                Messages.info("audit.verify.intact", "audit.verify.intact.detail", result.recordsChecked());
            } else {
                Messages.error(null, "audit.verify.broken", "audit.verify.broken.detail", result.problems().size(),
                        result.recordsChecked());
            }
        } catch (RuntimeException e) {
            Messages.failed("audit.verify.failed", e);
        }
    }

    public List<AuditAction> getActions() {
        return Arrays.asList(AuditAction.values());
    }

    public Rows getRows() {
        return rows;
    }

    public Verification getVerification() {
        return verification;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public AuditAction getAction() {
        return action;
    }

    public void setAction(AuditAction action) {
        this.action = action;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
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
