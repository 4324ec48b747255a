package org.triad.bank.interfaces.banking.web;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;
import org.triad.bank.application.banking.HistoryFilter;
import org.triad.bank.application.banking.HistoryLine;
import org.triad.bank.application.banking.HistoryPage;
import org.triad.bank.interfaces.support.web.Messages;

/**
 * The filters of a history screen (date range, type) and the lazy table model over a history query; shared by the
 * customer's history and the clerk's transaction search. Dates are whole days in the server's time zone, both ends
 * included.
 */
public abstract class HistoryQuery implements Serializable {

    private static final long serialVersionUID = 1L;

    static final List<String> TYPES = List.of("DEPOSIT", "WITHDRAWAL", "TRANSFER", "PAYMENT", "REFUND");

    private LocalDate from;
    private LocalDate to;
    private String type;

    private final LazyDataModel<HistoryLine> lines = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            HistoryPage page = safely(f -> query(f), filter(0, 1));
            return page == null ? 0 : (int) Math.min(Integer.MAX_VALUE, page.total());
        }

        @Override
        public List<HistoryLine> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                      Map<String, FilterMeta> filterBy) {
            int size = Math.max(1, Math.min(pageSize, HistoryFilter.MAX_SIZE));
            HistoryPage page = safely(f -> query(f), filter(first / size, size));
            if (page == null) {
                setRowCount(0);
                return List.of();
            }
            setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
            return page.items();
        }

        @Override
        public String getRowKey(HistoryLine line) {
            return line.entryId() + "-" + line.cardId();
        }
    };

    /** Runs the screen's query (customer's own cards, or the clerk's search). */
    protected abstract HistoryPage query(HistoryFilter filter);

    protected abstract String formId();

    private HistoryPage safely(Function<HistoryFilter, HistoryPage> query, HistoryFilter filter) {
        try {
            return query.apply(filter);
        } catch (RuntimeException e) {
            Messages.failed(formId(), "history.failed", e);
            return null;
        }
    }

    HistoryFilter filter(int page, int size) {
        ZoneId zone = ZoneId.systemDefault();
        return new HistoryFilter(from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
                type == null || type.isBlank() ? null : org.triad.bank.domain.model.ledger.EntryType.valueOf(type),
                page, size);
    }

    public void search() {
        if (from != null && to != null && to.isBefore(from)) {
            Messages.error(formId() + ":to", "history.range", Messages.text("history.range"));
            jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
        }
        // the table reloads from page 0 (the page resets it)
    }

    /** Everything the filters match (up to 10,000 lines) as RFC 4180 CSV. */
    public StreamedContent getCsv() {
        HistoryPage all = safely(f -> query(f), filter(0, HistoryFilter.MAX_EXPORT).forExport());
        StringBuilder csv = new StringBuilder(
                "date,type,status,direction,amount,currency,balance_after,card,counterparty,entry_id\r\n");
        if (all != null) {
            for (HistoryLine l : all.items()) {
                csv.append(String.join(",", field(l.createdAt().toString()), field(l.type()), field(l.status()),
                                field(l.direction()), field(l.amount().toPlainString()), field(l.currency()),
                                field(l.balanceAfter() == null ? "" : l.balanceAfter().toPlainString()),
                                field(l.cardMasked()), field(l.counterparty()), field(String.valueOf(l.entryId()))))
                        .append("\r\n");
            }
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        return DefaultStreamedContent.builder().name("transactions.csv").contentType("text/csv; charset=UTF-8")
                .contentLength((long) bytes.length).stream(() -> new ByteArrayInputStream(bytes)).build();
    }

    /** Quotes when needed; a leading =, +, - or @ is neutralised against spreadsheet formula injection. */
    static String field(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    public LazyDataModel<HistoryLine> getLines() {
        return lines;
    }

    public List<String> getTypes() {
        return TYPES;
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

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }
}
