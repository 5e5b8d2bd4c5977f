package dev.forumkit.core.mail;

import dev.forumkit.core.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailAddressTest {

    @Test
    void readsAnAddressWithOrWithoutADisplayName() {
        assertThat(EmailAddress.parse("forum@example.org")).isEqualTo(new EmailAddress("forum@example.org", ""));
        assertThat(EmailAddress.parse("Cycling Forum <forum@example.org>")).isEqualTo(new EmailAddress("forum@example.org", "Cycling Forum"));
        assertThat(EmailAddress.parse("\"Forum, the\" <forum@example.org>")).isEqualTo(new EmailAddress("forum@example.org", "Forum, the"));
        assertThat(EmailAddress.parse("  <forum@example.org>  ")).isEqualTo(EmailAddress.of("forum@example.org"));
    }

    @Test
    void showsTheDomainInAsciiForTheWire() {
        EmailAddress a = EmailAddress.of("zoe@bücher.example");

        assertThat(a.domain()).isEqualTo("bücher.example");
        assertThat(a.asciiDomain()).isEqualTo("xn--bcher-kva.example");
        assertThat(a.asciiAddress()).isEqualTo("zoe@xn--bcher-kva.example");
        assertThat(new EmailAddress("zoe@example.org", "Zoë").toString()).isEqualTo("Zoë <zoe@example.org>");
    }

    @Test
    void namesTheBadAddressWithoutPassingItsLineBreaksOn() {
        assertThatThrownBy(() -> EmailAddress.of("ann@example.org\r\nBcc: eve@example.org"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("address");
        assertThatThrownBy(() -> EmailAddress.of("ann@@example.org")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("\"ann@@example.org\"");
        assertThatThrownBy(() -> new EmailAddress("ann@example.org", "x".repeat(201))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("name");
    }
}
