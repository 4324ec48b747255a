/** OAuth 2.0 / OpenID Connect provider and open platform: app console, review, authorization and tokens. */
package org.triad.bank.application.oauth;
