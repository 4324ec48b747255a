/** OAuth 2.0 / OpenID Connect provider and open platform: registered apps, consents, authorization codes. */
package org.triad.bank.domain.model.oauth;
