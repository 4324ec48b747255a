package org.triad.bench.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonAndReportTest {

    @Test
    void quotesAndReadsBack() {
        String pem = "-----BEGIN CERTIFICATE-----\nMIIB\"x\\y\n-----END CERTIFICATE-----\n";
        String json = "{\"serial\": \"5f3a\", \"n\": 3, \"certificate\":" + Json.quote(pem) + ", \"chain\": \"c\"}";
        assertThat(Json.stringMember(json, "certificate")).isEqualTo(pem);
        assertThat(Json.stringMember(json, "serial")).isEqualTo("5f3a");
        assertThat(Json.stringMember(json, "missing")).isNull();
        assertThat(Json.stringMember("{\"a\": \"\\u00e9\"}", "a")).isEqualTo("é");
        assertThat(Json.number(Double.NaN)).isEqualTo("null");
        assertThat(Json.number(1.5)).isEqualTo("1.5000");
    }

    @Test
    void reportHasOneTableRowPerPhaseWithRatio() {
        Report report = new Report();
        report.setup("machine", "2 cores");
        Stats baseline = Stats.of(new long[] {1_000_000, 1_000_000}, 0, 2_000_000L); // 1000/s
        Stats service = Stats.of(new long[] {5_000_000, 7_000_000}, 1, 40_000_000L); // 50/s
        Report.Row b = new Report.Row("raw", "baseline", 1, baseline, null);
        report.add("svc", "service", 1, service, b);
        report.add("raw", "baseline", 1, baseline, null);
        String md = report.markdown("T");
        assertThat(md).contains("| svc | 1 | 2 | 1 | 50.0 | 5.000 | 7.000 | 7.000 | 7.000 | raw | 1000.0 | 0.0500 |")
                .contains("| raw | 1 | 2 | 0 | 1000.0 |").contains("- **machine**: 2 cores");
        assertThat(report.json()).contains("\"ratioToBaseline\": 0.0500").contains("\"opsPerSecond\": 50.0000")
                .contains("\"baseline\": null");
    }
}
