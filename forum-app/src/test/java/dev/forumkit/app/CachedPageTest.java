package dev.forumkit.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A cached page is stored gzip-compressed and gives back exactly the page, compressed or not. */
class CachedPageTest {
    @Test
    void the_gzip_bytes_are_a_valid_gzip_stream_of_the_page_and_identity_gives_the_page_back() throws Exception {
        byte[] body = "{\"thread\":{\"title\":\"Zürich – 東京\"},\"posts\":[]}".repeat(200).getBytes(StandardCharsets.UTF_8);
        CachedPage page = CachedPage.of(7, body, new String[][] {{"Content-Type", "application/json"}});
        assertThat(page.gzip().length).isLessThan(body.length / 4);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(page.gzip()))) {
            assertThat(in.readAllBytes()).isEqualTo(body);
        }
        assertThat(page.identity()).isEqualTo(body);
        assertThat(CachedPage.of(1, new byte[0], new String[0][]).identity()).isEmpty();
    }

    @Test
    void bytes_that_are_not_gzip_are_refused() {
        assertThatThrownBy(() -> new CachedPage(1, new byte[3], 3, new String[0][])).isInstanceOf(IllegalArgumentException.class);
    }
}
