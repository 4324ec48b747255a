package org.triad.bank.application.oauth;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.triad.bank.application.support.AuditLog;
import org.triad.bank.application.support.Hashes;
import org.triad.bank.domain.model.customer.Customer;
import org.triad.bank.domain.model.customer.CustomerRepository;
import org.triad.bank.domain.model.customer.Role;
import org.triad.bank.domain.model.oauth.ClientNotFoundException;
import org.triad.bank.domain.model.oauth.ClientStatus;
import org.triad.bank.domain.model.oauth.OAuthClient;
import org.triad.bank.domain.model.oauth.OAuthRepository;
import org.triad.bank.domain.model.organisation.Membership;
import org.triad.bank.domain.model.organisation.Organisation;
import org.triad.bank.domain.model.organisation.OrganisationNotFoundException;
import org.triad.bank.domain.model.organisation.OrganisationRepository;
import org.triad.bank.domain.model.shared.NotPermittedException;

/**
 * The open platform: customers register apps in the developer console (secret shown once, rotatable, stored
 * hashed), for themselves or for an approved organisation they administer; platform staff review them. Every method
 * checks ownership or role against the database: a personal app belongs to its owner alone, an organisation's app to
 * the organisation's current administrators (not to whoever registered it once); anyone else is told it does not
 * exist.
 */
@Stateless
public class OpenPlatform {

    /** A registration's outcome: the app and, for a confidential app, its secret (shown once, never stored). */
    public record Registered(ClientView app, String clientSecret) {
    }

    @Inject
    OAuthRepository repository;

    @Inject
    CustomerRepository customers;

    @Inject
    OrganisationRepository organisations;

    @Inject
    AuditLog audit;

    @Inject
    ClientViews views;

    /**
     * Registers an app for the customer, or for the organisation of {@code form.organisationId()}: then the customer
     * must be an active administrator of it (404 {@code organisation-not-found} for non-members, 403 for members)
     * and it must be approved (409 {@code organisation-not-approved}).
     */
    public Registered register(long ownerId, AppForm form) {
        Customer owner = customers.find(ownerId).orElseThrow(() -> new NotPermittedException("Unknown customer."));
        if (owner.role() != Role.CUSTOMER) {
            throw new NotPermittedException("Apps are registered by customers.");
        }
        if (form.organisationId() != null) {
            administeredOrganisation(ownerId, form.organisationId());
        }
        return create(ownerId, newClientId(), form, form.confidential() ? ClientSecrets.newSecret() : null, false);
    }

    /** The approved organisations the customer administers: those they may register apps for. */
    public List<OrganisationChoice> organisationsFor(long customerId) {
        return organisations.activeMembershipsOf(customerId).stream().filter(Membership::isAdmin)
                .map(m -> organisations.find(m.organisationId())).flatMap(Optional::stream)
                .filter(Organisation::isApproved)
                .map(o -> new OrganisationChoice(o.id(), o.name())).toList();
    }

    /** An organisation an app may be registered for. */
    public record OrganisationChoice(long id, String name) implements java.io.Serializable {
    }

    /** Creates an app with a given client_id (and secret), optionally approved at once: the development seed. */
    public Registered seed(long ownerId, String clientId, AppForm form, String secret) {
        if (repository.findByClientId(clientId).isPresent()) {
            return null;
        }
        return create(ownerId, clientId, form, secret, true);
    }

    private Registered create(long ownerId, String clientId, AppForm form, String secret, boolean approved) {
        Instant now = Instant.now();
        OAuthClient client = new OAuthClient(clientId, ownerId, form.organisationId(), form.confidential(), now);
        client.describe(form.name(), form.homepage(), form.redirectUriList(), form.postLogoutUriList(),
                form.checkedScopes(), form.legacyImplicit(), now);
        client.backchannelLogout(form.backchannelLogoutUri(), now);
        client.icon(form.icon(), form.iconContentType(), now);
        if (secret != null) {
            client.secretHash(ClientSecrets.hash(secret), now);
        }
        if (approved) {
            client.approve(ownerId, now);
        }
        repository.add(client);
        audit.record(ownerId, "APP_REGISTERED", client.clientId(), client.name());
        return new Registered(view(client), secret);
    }

    /** The customer's personal apps and the apps of the organisations they administer, newest first. */
    public List<ClientView> appsOf(long ownerId) {
        List<Long> administered = organisations.activeMembershipsOf(ownerId).stream().filter(Membership::isAdmin)
                .map(Membership::organisationId).toList();
        return repository.findManagedBy(ownerId, administered).stream().map(this::view).toList();
    }

    public ClientView app(long ownerId, long appId) {
        return view(owned(ownerId, appId));
    }

    /** Edits an app; new redirect URIs, more scopes or the legacy flag send an approved app back to review. */
    public ClientView update(long ownerId, long appId, AppForm form) {
        OAuthClient client = owned(ownerId, appId);
        Instant now = Instant.now();
        client.describe(form.name(), form.homepage(), form.redirectUriList(), form.postLogoutUriList(),
                form.checkedScopes(), form.legacyImplicit(), now);
        client.backchannelLogout(form.backchannelLogoutUri(), now);
        client.icon(form.icon(), form.iconContentType(), now);
        audit.record(ownerId, "APP_UPDATED", client.clientId(), client.status().name());
        return view(client);
    }

    /** A new secret for a confidential app; the old one stops working at once. */
    public String rotateSecret(long ownerId, long appId) {
        OAuthClient client = owned(ownerId, appId);
        if (!client.isConfidential()) {
            throw new NotPermittedException("A public app has no secret.");
        }
        String secret = ClientSecrets.newSecret();
        client.secretHash(ClientSecrets.hash(secret), Instant.now());
        audit.record(ownerId, "APP_SECRET_ROTATED", client.clientId(), null);
        return secret;
    }

    public void delete(long ownerId, long appId) {
        OAuthClient client = owned(ownerId, appId);
        client.delete(Instant.now());
        audit.record(ownerId, "APP_DELETED", client.clientId(), null);
    }

    public List<ClientView> reviewQueue(long staffId, ClientStatus status) {
        requireStaff(staffId);
        return repository.findByStatus(status == null ? ClientStatus.PENDING : status).stream().map(this::view).toList();
    }

    public ClientView approve(long staffId, long appId) {
        requireStaff(staffId);
        OAuthClient client = repository.findClient(appId).orElseThrow(ClientNotFoundException::new);
        client.approve(staffId, Instant.now());
        audit.record(staffId, "APP_APPROVED", client.clientId(), null);
        return view(client);
    }

    public ClientView reject(long staffId, long appId, String reason) {
        requireStaff(staffId);
        OAuthClient client = repository.findClient(appId).orElseThrow(ClientNotFoundException::new);
        client.reject(staffId, reason, Instant.now());
        audit.record(staffId, "APP_REJECTED", client.clientId(), client.reviewReason());
        return view(client);
    }

    /** The icon of a not deleted app (public: the consent page shows it), or empty. */
    public Optional<Icon> icon(String clientId) {
        return repository.findByClientId(clientId).filter(OAuthClient::hasIcon)
                .map(c -> new Icon(c.icon(), c.iconType()));
    }

    public record Icon(byte[] bytes, String contentType) {
    }

    /** The app if the actor manages it (see the class comment), else 404 as if it did not exist. */
    private OAuthClient owned(long actorId, long appId) {
        return repository.findClient(appId).filter(c -> !c.isDeleted()).filter(c -> manages(actorId, c))
                .orElseThrow(ClientNotFoundException::new);
    }

    private boolean manages(long actorId, OAuthClient client) {
        if (client.organisationId() == null) {
            return client.ownerId() == actorId;
        }
        return organisations.membershipOf(client.organisationId(), actorId)
                .filter(Membership::isActive).filter(Membership::isAdmin).isPresent();
    }

    private Organisation administeredOrganisation(long actorId, long organisationId) {
        Membership membership = organisations.membershipOf(organisationId, actorId).filter(Membership::isActive)
                .orElseThrow(OrganisationNotFoundException::organisation);
        if (!membership.isAdmin()) {
            throw new NotPermittedException("Only the organisation's administrators register its apps.");
        }
        Organisation organisation = organisations.find(organisationId)
                .orElseThrow(OrganisationNotFoundException::organisation);
        organisation.requireApproved();
        return organisation;
    }

    private void requireStaff(long staffId) {
        Role role = customers.find(staffId).map(Customer::role).orElse(Role.CUSTOMER);
        if (role == Role.CUSTOMER) {
            throw new NotPermittedException("Only platform staff review apps.");
        }
    }

    private ClientView view(OAuthClient c) {
        return views.of(c);
    }

    static String newClientId() {
        byte[] bytes = new byte[16];
        Hashes.random().nextBytes(bytes);
        return "app-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
