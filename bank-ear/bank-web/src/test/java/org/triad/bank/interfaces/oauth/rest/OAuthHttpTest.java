package org.triad.bank.interfaces.oauth.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OAuthHttpTest {

    @Test
    void aTokenResponseWithoutGrantedScopesHasNoScopeMemberRatherThanAnEmptyOne() {
        // RFC 6749 §3.3: scope is one or more scope tokens; "" is not a valid value
        assertThat(body(Set.of())).doesNotContain("\"scope\"");
        assertThat(body(null)).doesNotContain("\"scope\"");
        assertThat(body(Set.of("payments"))).contains("\"scope\":\"payments\"");
    }

    private static String body(Set<String> scopes) {
        BearerAccessToken token = new BearerAccessToken("t", 60, OAuthHttp.scope(scopes));
        return new AccessTokenResponse(new Tokens(token, null)).toJSONObject().toJSONString();
    }
}
