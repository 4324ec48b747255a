package org.triad.bank.interfaces.customer.rest;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.triad.bank.application.customer.CustomerService;
import org.triad.bank.application.customer.CustomerView;
import org.triad.bank.domain.model.code.CodePurpose;
import org.triad.bank.domain.model.shared.InvalidInputException;
import org.triad.bank.interfaces.ratelimit.RateLimited;
import org.triad.bank.interfaces.support.rest.Caller;

/** Registration, activation, the caller's profile and email codes. */
@Path("v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers", description = "Registration, activation, password reset, profile and email codes")
public class CustomersResource {

    public record RegisterRequest(String nickname, String email, String password, String payPassword) {
    }

    public record ActivateRequest(String email, String code) {
    }

    public record ResendRequest(String email) {
    }

    public record CodeRequest(String purpose, Long cardId) {
    }

    public record CodeResponse(String purpose, Instant expiresAt) {
    }

    public record PayPasswordRequest(String payPassword, String code) {
    }

    public record PasswordResetRequest(String email, String code, String newPassword) {
    }

    public record PhoneRequest(String phone) {
    }

    public record ProfileRequest(String nickname) {
    }

    @EJB
    CustomerService customers;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uriInfo;

    /** Registers a customer; the activation code goes to the email address. */
    @POST
    @Path("customers")
    @RateLimited("registration")
    @Operation(summary = "Register a customer", description = "Sends an activation code by email.")
    @APIResponse(responseCode = "201", description = "Customer registered (UNVERIFIED)")
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "409", description = "Email already registered (email-taken)")
    @APIResponse(responseCode = "429", description = "Too many requests (problem too-many-requests, Retry-After header); nothing changed")
    public Response register(RegisterRequest body) {
        Caller.body(body);
        CustomerView created = customers.register(body.nickname(), body.email(), body.password(), body.payPassword());
        return Response.created(uriInfo.getBaseUriBuilder().path("v1/me").build()).entity(created).build();
    }

    @POST
    @Path("customers/activation")
    @RateLimited("registration")
    @Operation(summary = "Activate a customer with the emailed code")
    @APIResponse(responseCode = "200", description = "Customer ACTIVE")
    @APIResponse(responseCode = "422", description = "Wrong, expired or used code (invalid-code)")
    @APIResponse(responseCode = "429", description = "Too many requests (problem too-many-requests, Retry-After header); nothing changed")
    public CustomerView activate(ActivateRequest body) {
        Caller.body(body);
        return customers.activate(body.email(), body.code());
    }

    /** Always 202, whether or not the address is registered (no account enumeration here). */
    @POST
    @Path("customers/activation-code")
    @RateLimited("codes")
    @Operation(summary = "Send a new activation code", description = "Always 202, whether or not the address is registered.")
    @APIResponse(responseCode = "202", description = "Accepted")
    @APIResponse(responseCode = "429", description = "Too many requests (problem too-many-requests, Retry-After header); nothing changed")
    public Response resendActivation(ResendRequest body) {
        Caller.body(body);
        customers.resendActivation(body.email());
        return Response.accepted().build();
    }

    /** Always 202; the code goes only to active customers' addresses. */
    @POST
    @Path("customers/password-reset-code")
    @RateLimited("password-reset")
    @Operation(summary = "Request a password reset code", description = "Always 202; the code goes only to active customers.")
    @APIResponse(responseCode = "202", description = "Accepted")
    @APIResponse(responseCode = "429", description = "Too many requests (problem too-many-requests, Retry-After header); nothing changed")
    public Response requestPasswordReset(ResendRequest body) {
        Caller.body(body);
        customers.requestPasswordReset(body.email());
        return Response.accepted().build();
    }

    @POST
    @Path("customers/password-reset")
    @RateLimited("password-reset")
    @Operation(summary = "Reset the password with the emailed code", description = "Also lifts a wrong-password lockout.")
    @APIResponse(responseCode = "204", description = "Password changed")
    @APIResponse(responseCode = "422", description = "Wrong, expired or used code (invalid-code)")
    @APIResponse(responseCode = "429", description = "Too many requests (problem too-many-requests, Retry-After header); nothing changed")
    public Response resetPassword(PasswordResetRequest body) {
        Caller.body(body);
        customers.resetPassword(body.email(), body.code(), body.newPassword());
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    @Operation(summary = "The caller's profile")
    public CustomerView me() {
        return customers.profile(Caller.id(request));
    }

    @PUT
    @Path("me")
    @Operation(summary = "Change the caller's nickname")
    public CustomerView updateProfile(ProfileRequest body) {
        Caller.body(body);
        return customers.rename(Caller.id(request), body.nickname());
    }

    @PUT
    @Path("me/phone")
    @Operation(summary = "Set the caller's phone number (international format; empty removes it)",
            description = "Kept as E.164 and given to apps granted the OpenID Connect scope phone (not verified).")
    public CustomerView changePhone(PhoneRequest body) {
        Caller.body(body);
        return customers.changePhone(Caller.id(request), body.phone());
    }

    @DELETE
    @Path("me/phone")
    @Operation(summary = "Remove the caller's phone number")
    public CustomerView removePhone() {
        return customers.changePhone(Caller.id(request), null);
    }

    /** Mails a code for DEPOSIT, TRANSFER, CARD_ACTIVATION (with cardId) or PAY_PASSWORD. */
    @POST
    @Path("codes")
    @RateLimited("codes")
    @Operation(summary = "Request an email code", description = "Purposes DEPOSIT, TRANSFER, PAY_PASSWORD, CARD_ACTIVATION (with cardId).")
    @APIResponse(responseCode = "202", description = "Code sent: purpose, expiresAt")
    @APIResponse(responseCode = "400", description = "Unknown purpose")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "429", description = "Too many requests (problem too-many-requests, Retry-After header); nothing changed")
    public Response requestCode(CodeRequest body) {
        Caller.body(body);
        long caller = Caller.id(request);
        CodePurpose purpose;
        try {
            purpose = CodePurpose.valueOf(String.valueOf(body.purpose()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Unknown code purpose " + body.purpose() + ".");
        }
        Instant expires = customers.requestCode(caller, purpose, body.cardId());
        return Response.accepted(new CodeResponse(purpose.name(), expires)).build();
    }

    @PUT
    @Path("me/pay-password")
    @Operation(summary = "Set or change the pay password, confirmed by a PAY_PASSWORD code")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "422", description = "Wrong code or invalid pay password")
    public Response changePayPassword(PayPasswordRequest body) {
        Caller.body(body);
        customers.changePayPassword(Caller.id(request), body.payPassword(), body.code());
        return Response.noContent().build();
    }
}
