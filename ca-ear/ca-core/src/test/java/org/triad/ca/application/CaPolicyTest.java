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
}
