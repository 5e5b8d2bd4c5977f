package dev.forumkit.app;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code search.indexing}: on by default, off by property or environment, anything else refused by name. */
class SearchIndexingSettingTest {
    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void onUnlessTurnedOff() {
        assertThat(SearchIndexes.indexingOn(props(), Map.of())).isTrue();
        assertThat(SearchIndexes.indexingOn(props("forumkit.search.indexing", "off"), Map.of())).isFalse();
        assertThat(SearchIndexes.indexingOn(props(), Map.of("FORUMKIT_SEARCH_INDEXING", "OFF"))).isFalse();
        assertThat(SearchIndexes.indexingOn(props("forumkit.search.indexing", "on"), Map.of())).isTrue();
    }

    @Test
    void aTypoIsAnErrorNotASilentDefault() {
        assertThatThrownBy(() -> SearchIndexes.indexingOn(props("forumkit.search.indexing", "of"), Map.of()))
                .hasMessageContaining("search.indexing must be on or off");
    }
}
