package org.triad.bench.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchConfigTest {

    @Test
    void configDefaultsAndOptions() {
        BenchConfig defaults = BenchConfig.parse();
        assertThat(defaults.clients()).containsExactly(1, 8);
        assertThat(defaults.issueRequests()).isEqualTo(200);
        BenchConfig c = BenchConfig.parse("--clients=2,4", "--trust=/x/trust.pem", "--ca-url=https://h:1/ca/",
                "--baseline-seconds=0.5");
        assertThat(c.clients()).containsExactly(2, 4);
        assertThat(c.trustPem()).isEqualTo(Path.of("/x/trust.pem"));
        assertThat(c.caUrl()).isEqualTo("https://h:1/ca");
        assertThat(c.baselineDuration().toMillis()).isEqualTo(500);
        assertThatThrownBy(() -> BenchConfig.parse("--nope=1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchConfig.parse("--clients=0")).isInstanceOf(IllegalArgumentException.class);
    }
}
