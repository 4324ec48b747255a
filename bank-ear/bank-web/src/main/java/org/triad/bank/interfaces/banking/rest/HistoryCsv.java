package org.triad.bank.interfaces.banking.rest;

import jakarta.ws.rs.core.Response;
import org.triad.bank.application.banking.HistoryLine;
import org.triad.bank.application.banking.HistoryPage;

/** History as RFC 4180 CSV (UTF-8, CRLF), for spreadsheets. */
final class HistoryCsv {

    static final String HEADER = "date,type,status,direction,amount,currency,balance_after,card,counterparty,entry_id";

    private HistoryCsv() {
    }

    static Response response(HistoryPage page, String fileName) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (HistoryLine l : page.items()) {
            csv.append(String.join(",", field(l.createdAt().toString()), field(l.type()), field(l.status()),
                            field(l.direction()), field(l.amount().toPlainString()), field(l.currency()),
                            field(l.balanceAfter() == null ? "" : l.balanceAfter().toPlainString()),
                            field(l.cardMasked()), field(l.counterparty()), field(String.valueOf(l.entryId()))))
                    .append("\r\n");
        }
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("Cache-Control", "no-store")
                .build();
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
}
