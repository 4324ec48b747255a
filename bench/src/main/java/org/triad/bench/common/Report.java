package org.triad.bench.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results of one run, as a Markdown page and as JSON. */
public final class Report {

    /** One measured phase. {@code baseline} is the baseline phase compared with, or null. */
    public record Row(String operation, String kind, int clients, Stats stats, Row baseline) {
        double ratio() {
            return stats.ratioTo(baseline == null ? null : baseline.stats());
        }
    }

    private final Map<String, String> setup = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public void setup(String key, String value) {
        setup.put(key, value);
    }

    public Row add(String operation, String kind, int clients, Stats stats, Row baseline) {
        Row row = new Row(operation, kind, clients, stats, baseline);
        rows.add(row);
        return row;
    }

    public void note(String note) {
        notes.add(note);
    }

    public List<Row> rows() {
        return rows;
    }

    /** The results table alone (also used by docs/performance.md). */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append("| Operation | Clients | OK | Errors | ops/s | p50 ms | p90 ms | p99 ms | max ms | Baseline | Baseline ops/s | Ratio |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|\n");
        for (Row r : rows) {
            Stats s = r.stats();
            out.append("| ").append(r.operation()).append(" | ").append(r.clients())
                    .append(" | ").append(s.ok()).append(" | ").append(s.errors())
                    .append(" | ").append(fmt(s.throughput(), 1))
                    .append(" | ").append(fmt(s.p50Ms(), 3)).append(" | ").append(fmt(s.p90Ms(), 3))
                    .append(" | ").append(fmt(s.p99Ms(), 3)).append(" | ").append(fmt(s.maxMs(), 3))
                    .append(" | ").append(r.baseline() == null ? "—" : r.baseline().operation())
                    .append(" | ").append(r.baseline() == null ? "—" : fmt(r.baseline().stats().throughput(), 1))
                    .append(" | ").append(r.baseline() == null ? "—" : ratio(r.ratio()))
                    .append(" |\n");
        }
        return out.toString();
    }

    public String markdown(String title) {
        StringBuilder out = new StringBuilder("# ").append(title).append("\n\n");
        out.append("## Set-up\n\n");
        setup.forEach((k, v) -> out.append("- **").append(k).append("**: ").append(v).append('\n'));
        out.append("\n## Results\n\n");
        out.append("Throughput counts successful operations over the wall time of the measured phase; ")
                .append("latencies are per operation, nearest-rank percentiles. Ratio = throughput of the ")
                .append("operation / throughput of its baseline at the same number of clients (threads).\n\n");
        out.append(table());
        if (!notes.isEmpty()) {
            out.append("\n## Checks and notes\n\n");
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    public String json() {
        StringBuilder out = new StringBuilder("{\n  \"setup\": {");
        String sep = "\n";
        for (Map.Entry<String, String> e : setup.entrySet()) {
            out.append(sep).append("    ").append(Json.quote(e.getKey())).append(": ").append(Json.quote(e.getValue()));
            sep = ",\n";
        }
        out.append("\n  },\n  \"results\": [");
        sep = "\n";
        for (Row r : rows) {
            Stats s = r.stats();
            out.append(sep).append("    {\"operation\": ").append(Json.quote(r.operation()))
                    .append(", \"kind\": ").append(Json.quote(r.kind()))
                    .append(", \"clients\": ").append(r.clients())
                    .append(", \"ok\": ").append(s.ok())
                    .append(", \"errors\": ").append(s.errors())
                    .append(", \"wallSeconds\": ").append(Json.number(s.wallSeconds()))
                    .append(", \"opsPerSecond\": ").append(Json.number(s.throughput()))
                    .append(", \"latencyMs\": {\"p50\": ").append(Json.number(s.p50Ms()))
                    .append(", \"p90\": ").append(Json.number(s.p90Ms()))
                    .append(", \"p99\": ").append(Json.number(s.p99Ms()))
                    .append(", \"max\": ").append(Json.number(s.maxMs()))
                    .append(", \"mean\": ").append(Json.number(s.meanMs())).append('}')
                    .append(", \"baseline\": ").append(r.baseline() == null ? "null" : Json.quote(r.baseline().operation()))
                    .append(", \"ratioToBaseline\": ").append(r.baseline() == null ? "null" : Json.number(r.ratio()))
                    .append('}');
            sep = ",\n";
        }
        out.append("\n  ],\n  \"notes\": [");
        sep = "\n";
        for (String n : notes) {
            out.append(sep).append("    ").append(Json.quote(n));
            sep = ",\n";
        }
        return out.append("\n  ]\n}\n").toString();
    }

    public static String fmt(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    public static String ratio(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        return value >= 0.1 ? fmt(value, 2) : fmt(value, 4);
    }
}
