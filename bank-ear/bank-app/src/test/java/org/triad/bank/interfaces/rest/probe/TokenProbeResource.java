package org.triad.bank.interfaces.rest.probe;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.text.ParseException;
import java.util.Set;
import org.triad.bank.application.identity.DeviceSession;
import org.triad.bank.application.identity.DeviceSessions;
import org.triad.bank.application.identity.SigningKeys;
import org.triad.bank.application.identity.TokenPair;
import org.triad.bank.application.identity.TokenService;
import org.triad.bank.domain.model.identity.DeviceKind;

/**
 * Test-only resource, added to the WAR of {@code IdentityTokensIT}'s deployment (never to the real bank): signs
 * arbitrary claims with the bank's current key (expired, wrong issuer, ... tokens that only the key holder can make),
 * rotates the keys, and issues tokens to a client other than the first-party one.
 */
@Path("test/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokenProbeResource {

    @EJB
    SigningKeys keys;

    @EJB
    TokenService tokens;

    @EJB
    DeviceSessions devices;

    /** Signs the posted claims set (JSON) with the current key, typ at+jwt unless {@code typ} says otherwise. */
    @POST
    @Path("sign")
    @Produces(MediaType.TEXT_PLAIN)
    public String sign(String claims, @QueryParam("typ") String typ) throws ParseException {
        return keys.sign(JWTClaimsSet.parse(claims), new JOSEObjectType(typ == null ? "at+jwt" : typ));
    }

    @POST
    @Path("rotate")
    @Produces(MediaType.TEXT_PLAIN)
    public String rotate() {
        keys.rotate();
        return keys.currentKeyId();
    }

    /** A new OAuth device session of the customer with tokens for {@code client}. */
    @POST
    @Path("client/{client}/customer/{customer}")
    public String issue(@PathParam("client") String client, @PathParam("customer") long customer) {
        DeviceSession session = devices.open(customer, DeviceKind.OAUTH, client, "TokenProbe", "127.0.0.1");
        TokenPair pair = tokens.issue(session, client, Set.of("profile"), "https://localhost:9443/bank");
        return Json.createObjectBuilder().add("access_token", pair.accessToken())
                .add("refresh_token", pair.refreshToken()).add("device", pair.sessionHandle()).build().toString();
    }

    /** Refreshes as {@code client}: the successor's access token, or 401-ish text. */
    @POST
    @Path("client/{client}/refresh")
    public String refresh(@PathParam("client") String client, String refreshToken) {
        TokenPair pair = tokens.refresh(refreshToken, client);
        return Json.createObjectBuilder().add("access_token", pair.accessToken())
                .add("refresh_token", pair.refreshToken()).build().toString();
    }

    /** A client-credentials token. */
    @POST
    @Path("client/{client}/credentials")
    @Produces(MediaType.TEXT_PLAIN)
    public String clientToken(@PathParam("client") String client) {
        return tokens.issueClientAccessToken(client, Set.of("payments"), "https://localhost:9443/bank");
    }
}
