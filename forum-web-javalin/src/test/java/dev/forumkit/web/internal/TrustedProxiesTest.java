package dev.forumkit.web.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Trusted proxy ranges, and the client address taken from {@code X-Forwarded-For} behind them. */
class TrustedProxiesTest {
    private final TrustedProxies balancers = TrustedProxies.of(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8", "::1"));

    @Test
    void addressesAndRangesOfBothFamilies() {
        assertThat(balancers.trusts("10.200.3.4")).isTrue();
        assertThat(balancers.trusts("11.0.0.1")).isFalse();
        assertThat(balancers.trusts("192.168.1.7")).isTrue();
        assertThat(balancers.trusts("192.168.1.8")).isFalse();
        assertThat(balancers.trusts("fd12:3456::1")).isTrue();
        assertThat(balancers.trusts("[::1]")).isTrue();
        assertThat(balancers.trusts("fe80::1")).isFalse();
        assertThat(balancers.trusts("localhost")).as("a host name is never looked up").isFalse();
        assertThat(balancers.trusts(null)).isFalse();
        assertThat(TrustedProxies.of(List.of("172.16.0.0/12")).trusts("172.31.255.255")).isTrue();
        assertThat(TrustedProxies.of(List.of("172.16.0.0/12")).trusts("172.32.0.0")).isFalse();
        assertThat(TrustedProxies.NONE.trusts("127.0.0.1")).isFalse();
        assertThat(TrustedProxies.of(List.of())).isSameAs(TrustedProxies.NONE);
    }

    @Test
    void badEntriesAreNamed() {
        assertThatThrownBy(() -> TrustedProxies.of(List.of("balancer.example.org")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("balancer.example.org");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33"))).hasMessageContaining("0-32");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0/8"))).hasMessageContaining("10.0.0/8");
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItSends() {
        assertThat(RequestChecks.clientIp(TrustedProxies.NONE, "203.0.113.9", List.of("1.2.3.4"))).isEqualTo("203.0.113.9");
        assertThat(RequestChecks.clientIp(balancers, "203.0.113.9", List.of("1.2.3.4"))).isEqualTo("203.0.113.9");
    }

    @Test
    void behindTrustedProxiesTheRightMostUntrustedHopIsTheClient() {
        assertThat(RequestChecks.clientIp(balancers, "10.0.0.2", List.of("198.51.100.20"))).isEqualTo("198.51.100.20");
        // the client forged a first hop; the balancer appended the address it saw
        assertThat(RequestChecks.clientIp(balancers, "10.0.0.2", List.of("6.6.6.6, 198.51.100.20"))).isEqualTo("198.51.100.20");
        // two balancers in a row, and the header split over two lines
        assertThat(RequestChecks.clientIp(balancers, "10.0.0.2", List.of("6.6.6.6, 198.51.100.20", "10.1.1.1")))
                .isEqualTo("198.51.100.20");
        assertThat(RequestChecks.clientIp(balancers, "10.0.0.2", List.of())).as("no header").isEqualTo("10.0.0.2");
        assertThat(RequestChecks.clientIp(balancers, "10.0.0.2", List.of("not-an-address"))).isEqualTo("10.0.0.2");
        assertThat(RequestChecks.clientIp(TrustedProxies.ALL, "203.0.113.9", List.of("6.6.6.6, 198.51.100.20")))
                .as("trusting every peer: the first hop, as before").isEqualTo("6.6.6.6");
    }
}
