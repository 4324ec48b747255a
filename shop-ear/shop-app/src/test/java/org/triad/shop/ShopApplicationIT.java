package org.triad.shop;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.triad.common.persistence.TriadDataSource;
import org.triad.testkit.Deployments;
import org.triad.testkit.JsonProbeResource;
import org.triad.testkit.TriadHttp;

/** The real shop.ear on the one Payara of this build: deploys, migrates, answers, renders. */
@ExtendWith(ArquillianExtension.class)
class ShopApplicationIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.ear("shop", ShopApplicationIT.class, JsonProbeResource.class);
    }

    @Test
    void schemaIsMigratedInTheApplicationsOwnDatabase() throws Exception {
        try (Connection c = TriadDataSource.lookup().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM app_setting WHERE name = ?")) {
            ps.setString(1, "schema.domain");
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("shop");
            }
        }
    }

    @Test
    @RunAsClient
    void healthIsUpAndIncludesTheDatabase() {
        var response = TriadHttp.get(TriadHttp.uri("shop", "/api/v1/health"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject health = TriadHttp.json(response);
        assertThat(health.getString("status")).isEqualTo("UP");
        Map<String, JsonObject> checks = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c, (a, b) -> a));
        assertThat(checks).containsKeys("database", "schema");
        assertThat(checks.get("database").getString("status")).isEqualTo("UP");
        assertThat(checks.get("schema").getJsonObject("data").getString("version")).isNotBlank();
        String product = checks.get("database").getJsonObject("data").getString("product");
        assertThat(product).isEqualTo(Deployments.expectedDatabaseProduct());
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }

    @Test
    @RunAsClient
    void malformedJsonGetsAProblem400() {
        var response = TriadHttp.post(TriadHttp.uri("shop", "/api/" + JsonProbeResource.PATH),
                "application/json", "{\"name\": \"x\", \"amount\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonObject problem = TriadHttp.json(response);
        assertThat(problem.getString("type")).isEqualTo("https://triad.example/problems/malformed-body");
        assertThat(problem.getInt("status")).isEqualTo(400);
        assertThat(problem.getString("instance")).isEqualTo("/shop/api/" + JsonProbeResource.PATH);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    @RunAsClient
    void wellFormedJsonOfTheWrongShapeIsAlsoA400AndValidJsonPasses() {
        var wrongType = TriadHttp.post(TriadHttp.uri("shop", "/api/" + JsonProbeResource.PATH),
                "application/json", "{\"name\": \"x\", \"amount\": \"ten\"}");
        var fine = TriadHttp.post(TriadHttp.uri("shop", "/api/" + JsonProbeResource.PATH),
                "application/json", "{\"name\": \"x\", \"amount\": 10}");

        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(TriadHttp.json(wrongType).getString("type")).endsWith("/malformed-body");
        assertThat(fine.statusCode()).isEqualTo(200);
        assertThat(TriadHttp.json(fine).getInt("amount")).isEqualTo(10);
    }

    @Test
    @RunAsClient
    void unknownApiPathsAndMethodsAreProblemsToo() {
        var missing = TriadHttp.get(TriadHttp.uri("shop", "/api/v1/no-such-thing"));
        var wrongMethod = TriadHttp.send(java.net.http.HttpRequest.newBuilder(TriadHttp.uri("shop", "/api/v1/health"))
                .DELETE().build());

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(TriadHttp.json(missing).getString("type")).endsWith("/not-found");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
    }

    @Test
    @RunAsClient
    void homePageRendersPrimeFacesInEnglishAndChinese() {
        var english = TriadHttp.get(TriadHttp.uri("shop", "/"), "Accept-Language", "en-US,en;q=0.9");
        var chinese = TriadHttp.get(TriadHttp.uri("shop", "/"), "Accept-Language", "zh-CN,zh;q=0.9");
        var switched = TriadHttp.get(TriadHttp.uri("shop", "/index.xhtml?lang=zh-CN"), "Accept-Language", "en");

        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.body())
                .contains("ui-menubar")
                .contains("ln=primefaces")
                .contains("Buy and sell, paid safely through Triad Bank.")
                .contains("lang=\"en\"");
        assertThat(chinese.statusCode()).isEqualTo(200);
        assertThat(chinese.body()).contains("ui-menubar").contains("买卖商品，通过 Triad 银行安全支付。").contains("lang=\"zh-CN\"");
        assertThat(switched.body()).contains("买卖商品，通过 Triad 银行安全支付。");
        assertThat(english.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    @RunAsClient
    void missingPagesShowAFriendlyErrorPageWithoutStackTrace() {
        var response = TriadHttp.get(TriadHttp.uri("shop", "/no-such-page.xhtml"), "Accept-Language", "en");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("This page does not exist.").doesNotContain("Exception");
        assertThat(response.body()).doesNotContainIgnoringCase("stack");
    }

}
