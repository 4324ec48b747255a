package org.triad.ca.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaPolicyTest {

    static CaPolicy policy() {
        CaPolicy p = new CaPolicy();
        p.dnsSuffixes = List.of("localhost", ".test", ".internal");
        p.allowPublicIps = false;
        p.pkiBaseUrl = "http://localhost:8080/ca";
        p.publicUrl = java.util.Optional.of("https://ca.triad.internal:8443/ca");
        p.reservedNames = List.of("localhost", "127.0.0.1", "::1", ".platform.internal");
        p.reservedNameAccounts = List.of("ca-provision");
        return p;
    }

    @Test
    void dnsNamesMustBeValidAndInsideThePermittedDomains() {
        CaPolicy p = policy();
        assertThat(p.rejectDns("localhost")).isNull();
        assertThat(p.rejectDns("svc.test")).isNull();
        assertThat(p.rejectDns("a.b.internal")).isNull();
        assertThat(p.rejectDns("test")).contains("outside");
        assertThat(p.rejectDns("evil-localhost")).contains("outside");
        assertThat(p.rejectDns("bank.com")).contains("outside");
        assertThat(p.rejectDns("*.svc.test")).contains("wildcard");
        assertThat(p.rejectDns("bad_name.test")).contains("not a valid DNS name");
        assertThat(p.rejectDns("-x.test")).contains("not a valid DNS name");
    }

    @Test
    void onlyLoopbackAndPrivateAddressesByDefault() throws Exception {
        CaPolicy p = policy();
        assertThat(p.rejectIp(InetAddress.getByName("127.0.0.1"))).isNull();
        assertThat(p.rejectIp(InetAddress.getByName("10.1.2.3"))).isNull();
        assertThat(p.rejectIp(InetAddress.getByName("fd00::1"))).isNull();
        assertThat(p.rejectIp(InetAddress.getByName("8.8.8.8"))).contains("public");
        p.allowPublicIps = true;
        assertThat(p.rejectIp(InetAddress.getByName("8.8.8.8"))).isNull();
    }

    @Test
    void thePlatformsOwnNamesAreReservedInAnyNotation() throws Exception {
        CaPolicy p = policy();
        assertThat(p.isReserved("localhost")).isTrue();
        assertThat(p.isReserved("LocalHost")).isTrue();
        assertThat(p.isReserved("127.0.0.1")).isTrue();
        assertThat(p.isReserved("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(p.isReserved(InetAddress.getByName("::1"))).isTrue();
        assertThat(p.isReserved("ca.triad.internal")).as("host of triad.ca.public-url").isTrue();
        assertThat(p.isReserved("bank.platform.internal")).as("suffix entry").isTrue();
        assertThat(p.isReserved("svc.localhost")).isFalse();
        assertThat(p.isReserved("127.0.0.2")).isFalse();
        assertThat(p.isReserved(InetAddress.getByName("10.1.2.3"))).isFalse();
        assertThat(p.mayCertifyReservedNames("ca-provision")).isTrue();
        assertThat(p.mayCertifyReservedNames("ca-enroll")).isFalse();
        assertThat(p.mayCertifyReservedNames(null)).isFalse();
    }
}
