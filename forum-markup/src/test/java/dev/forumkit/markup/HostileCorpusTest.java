package dev.forumkit.markup;

import dev.forumkit.core.markup.Html;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every vector of the hostile-input corpus through every rendering path; jsoup re-parses each output and must find
 * nothing outside the allow-list. The number of vectors tried per path is printed.
 */
class HostileCorpusTest {
    private static final Corpus CORPUS = Corpus.get();

    @TestFactory
    Stream<DynamicTest> every_vector_through_every_path_stays_inside_the_allow_list() {
        return Arrays.stream(RenderPaths.values()).map(path -> DynamicTest.dynamicTest(path.name(), () -> {
            List<String> problems = new ArrayList<>();
            int fragments = 0;
            for (String vector : CORPUS.vectors) {
                for (String html : path.render(vector)) {
                    fragments++;
                    Set<String> allowed = path == RenderPaths.PLAIN_TEXT ? Set.of("p", "br", "a", "h1") : HtmlCheck.ELEMENTS;
                    for (String problem : HtmlCheck.violations(html, allowed)) {
                        problems.add(problem + "  <=  " + vector);
                    }
                }
            }
            System.out.printf("hostile corpus: %-13s %5d vectors, %5d fragments checked, %d violations%n",
                    path.name(), CORPUS.vectors.size(), fragments, problems.size());
            assertThat(problems).as(path.name()).isEmpty();
        }));
    }

    @Test
    void whole_files_render_safely_as_posts() {
        List<String> problems = new ArrayList<>();
        for (String file : CORPUS.wholeFiles) {
            problems.addAll(HtmlCheck.violations(Fixtures.RENDERER.render(file, Fixtures.EVERYONE).html()));
        }
        System.out.printf("hostile corpus: %-13s %5d whole files checked, %d violations%n", "WHOLE_FILES",
                CORPUS.wholeFiles.size(), problems.size());
        assertThat(problems).isEmpty();
    }

    @Test
    void escaping_plain_text_is_lossless() {
        for (String vector : CORPUS.vectors) {
            Document doc = Jsoup.parseBodyFragment("<h1>" + Html.escape(vector) + "</h1><a title=\""
                    + Html.escape(vector) + "\">x</a>");
            assertThat(doc.body().children()).hasSize(2);
            assertThat(doc.selectFirst("h1").wholeText()).isEqualTo(Html.clean(vector));
            assertThat(doc.selectFirst("a").attr("title")).isEqualTo(Html.clean(vector));
        }
    }
}
