package dev.forumkit.web.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentSecurityPolicyTest {
    @Test
    void without_additions_it_is_the_forums_own_policy() {
        assertThat(new ContentSecurityPolicy().value()).isEqualTo("default-src 'self'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data: https:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'");
    }

    @Test
    void a_host_adds_origins_to_a_directive_and_new_directives_start_from_self() {
        String value = new ContentSecurityPolicy()
                .add("style-src", "https://static.host.example")
                .add("STYLE-SRC", "https://static.host.example")             // once is enough
                .add("font-src", "https://fonts.host.example")
                .add("script-src", "'sha256-abc123+/='")
                .add("style-src", "'unsafe-inline'")
                .value();
        assertThat(value).isEqualTo("default-src 'self'; script-src 'self' 'sha256-abc123+/='; "
                + "style-src 'self' https://static.host.example 'unsafe-inline'; img-src 'self' data: https:; "
                + "font-src 'self' https://fonts.host.example; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "frame-ancestors 'self'");
    }

    @Test
    void script_never_runs_inline_evaluated_or_from_anywhere() {
        ContentSecurityPolicy p = new ContentSecurityPolicy();
        for (String bad : new String[] {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "https:", "'strict-dynamic'"}) {
            assertThatThrownBy(() -> p.add("script-src", bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a source the forum accepts for script-src");
            assertThatThrownBy(() -> p.add("default-src", bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(p.value()).isEqualTo(new ContentSecurityPolicy().value());
    }

    @Test
    void fixed_directives_and_sources_that_would_break_the_header_are_refused() {
        ContentSecurityPolicy p = new ContentSecurityPolicy();
        assertThatThrownBy(() -> p.add("frame-ancestors", "https://other.example")).hasMessageContaining("not to 'frame-ancestors'");
        assertThatThrownBy(() -> p.add("object-src", "https://other.example")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.add("style-src", "https://a.example; script-src *")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.add("style-src", "https://a.example https://b.example")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.add("img-src", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.add("img-src", null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(p.value()).isEqualTo(new ContentSecurityPolicy().value());
    }
}
