package org.triad.common.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import org.junit.jupiter.api.Test;
import org.triad.common.domain.DomainException;

class ProblemExceptionMapperTest {

    private final ProblemExceptionMapper mapper = new ProblemExceptionMapper();

    static final class InsufficientFunds extends DomainException {
        InsufficientFunds() {
            super("Balance 10.00 CNY is less than 25.00 CNY");
        }

        @Override
        public String problemType() {
            return "insufficient-funds";
        }

        @Override
        public int status() {
            return 422;
        }
    }

    @Test
    void domainExceptionKeepsItsTypeStatusAndMessage() {
        Problem p = mapper.toProblem(new InsufficientFunds());

        assertThat(p.type()).isEqualTo(Problem.TYPE_BASE + "insufficient-funds");
        assertThat(p.status()).isEqualTo(422);
        assertThat(p.title()).isEqualTo("insufficient funds");
        assertThat(p.detail()).contains("10.00 CNY");
    }

    @Test
    void ejbExceptionsAreUnwrappedToTheDomainCause() {
        Throwable wrapped = new EJBException(new EJBException(new InsufficientFunds()));

        Problem p = mapper.toProblem(ProblemExceptionMapper.unwrap(wrapped));

        assertThat(p.status()).isEqualTo(422);
    }

    @Test
    void malformedJsonIsA400() {
        Problem fromBinding = mapper.toProblem(new JsonbException("Unexpected char", new RuntimeException()));
        Problem fromParser = mapper.toProblem(new RuntimeException(new JsonParsingException("bad", null)));

        assertThat(fromBinding.status()).isEqualTo(400);
        assertThat(fromBinding.type()).endsWith("/malformed-body");
        assertThat(fromParser.status()).isEqualTo(400);
    }

    @Test
    void unexpectedErrorsHideTheirDetailsBehindAnIncidentId() {
        Problem p = mapper.toProblem(new NullPointerException("secret internal state"));

        assertThat(p.status()).isEqualTo(500);
        assertThat(p.detail()).doesNotContain("secret").doesNotContain("NullPointer");
        assertThat(p.extensions()).containsKey("incident");
        assertThat(p.detail()).contains(String.valueOf(p.extensions().get("incident")));
    }

    @Test
    void jsonFormHasTheRfc9457Members() {
        var json = Problem.of("not-found", "Not Found", 404, "No certificate 0a1b").withInstance("/ca/api/v1/x").toJson();

        assertThat(json.getString("type")).isEqualTo("https://triad.example/problems/not-found");
        assertThat(json.getString("title")).isEqualTo("Not Found");
        assertThat(json.getInt("status")).isEqualTo(404);
        assertThat(json.getString("detail")).isEqualTo("No certificate 0a1b");
        assertThat(json.getString("instance")).isEqualTo("/ca/api/v1/x");
    }
}
