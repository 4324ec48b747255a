package org.triad.bank.interfaces.rest.probe;

import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.triad.common.persistence.TriadDataSource;

/**
 * Test-only resource, added to the WAR of {@code SignInCodeLimitsIT}'s deployment (never to the real bank): lets the
 * test move an account's wrong sign-in codes back in time (as if the window had passed, without waiting an hour) and
 * count the sign-in codes the bank issued, so that the test itself speaks only HTTP and mail.
 */
@Path("test/code-limits")
@Produces(MediaType.APPLICATION_JSON)
public class CodeLimitsProbeResource {

    /** Moves every wrong LOGIN code of the account {@code seconds} into the past. */
    @POST
    @Path("age-failures")
    public String ageFailures(@QueryParam("email") String email, @QueryParam("seconds") long seconds)
            throws SQLException {
        try (Connection c = TriadDataSource.lookup().getConnection();
             PreparedStatement select = c.prepareStatement("SELECT id, failed_at FROM code_failure WHERE purpose = 'LOGIN'"
                     + " AND customer_id = (SELECT id FROM customer WHERE email = ?)");
             PreparedStatement update = c.prepareStatement("UPDATE code_failure SET failed_at = ? WHERE id = ?")) {
            select.setString(1, email);
            int updated = 0;
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    update.setTimestamp(1, java.sql.Timestamp.from(rs.getTimestamp(2).toInstant().minusSeconds(seconds)));
                    update.setLong(2, rs.getLong(1));
                    updated += update.executeUpdate();
                }
            }
            return Json.createObjectBuilder().add("updated", updated).build().toString();
        }
    }

    /** How many LOGIN codes the bank issued to the account. */
    @GET
    @Path("issued")
    public String issued(@QueryParam("email") String email) throws SQLException {
        try (Connection c = TriadDataSource.lookup().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM one_time_code WHERE purpose = 'LOGIN'"
                     + " AND customer_id = (SELECT id FROM customer WHERE email = ?)")) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Json.createObjectBuilder().add("issued", rs.getLong(1)).build().toString();
            }
        }
    }
}
