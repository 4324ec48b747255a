package org.triad.bank.application.oauth;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.triad.bank.application.AuditLog;
import org.triad.bank.application.Hashes;
import org.triad.bank.domain.model.customer.Customer;
import org.triad.bank.domain.model.customer.CustomerRepository;
import org.triad.bank.domain.model.customer.NotPermittedException;
import org.triad.bank.domain.model.customer.Role;
import org.triad.bank.domain.model.oauth.ClientNotFoundException;
import org.triad.bank.domain.model.oauth.ClientStatus;
import org.triad.bank.domain.model.oauth.OAuthClient;
import org.triad.bank.domain.model.oauth.OAuthRepository;

/**
 * The open platform: customers register apps in the developer console (secret shown once, rotatable, stored
 * hashed), platform staff review them. Every method checks ownership or role against the database.
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
    AuditLog audit;

    public Registered register(long ownerId, AppForm form) {
        Customer owner = customers.find(ownerId).orElseThrow(() -> new NotPermittedException("Unknown customer."));
        if (owner.role() != Role.CUSTOMER) {
            throw new NotPermittedException("Apps are registered by customers.");
        }
        return create(ownerId, newClientId(), form, form.confidential() ? ClientSecrets.newSecret() : null, false);
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

    public List<ClientView> appsOf(long ownerId) {
        return repository.findByOwner(ownerId).stream().map(this::view).toList();
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

    private OAuthClient owned(long ownerId, long appId) {
        return repository.findClient(appId).filter(c -> c.ownerId() == ownerId)
                .orElseThrow(ClientNotFoundException::new);
    }

    private void requireStaff(long staffId) {
        Role role = customers.find(staffId).map(Customer::role).orElse(Role.CUSTOMER);
        if (role == Role.CUSTOMER) {
            throw new NotPermittedException("Only platform staff review apps.");
        }
    }

    ClientView view(OAuthClient c) {
        String owner = customers.find(c.ownerId()).map(Customer::nickname).orElse("?");
        return ClientView.of(c, owner);
    }

    static String newClientId() {
        byte[] bytes = new byte[16];
        Hashes.random().nextBytes(bytes);
        return "app-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
