package dev.forumkit.web.internal.html;

import gg.jte.runtime.ClassInfo;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every template's static parts are UTF-8 bytes written with {@code writeBinaryContent} (jte's
 * {@code binaryStaticContent}, task jtebin), and each template's bytes resource is where the class loads it from:
 * a template class without its resource fails when it is first used, at run time, not at build time.
 */
class StaticPartsTest {
    @Test
    void every_template_loads_its_static_parts_as_bytes() throws Exception {
        Path root = Path.of("src/main/jte");
        List<String> names;
        try (Stream<Path> files = Files.walk(root)) {
            names = files.filter(p -> p.toString().endsWith(".jte"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        assertThat(names).contains("thread.jte", "layout.jte", "frame/head.jte", "tag/post.jte");
        for (String name : names) {
            Class<?> template = Class.forName(new ClassInfo(name, JteRenderer.PACKAGE).fullName, true,
                    JteRenderer.class.getClassLoader()); // initialising it reads the resource
            Field content = template.getDeclaredField("BINARY_CONTENT");
            assertThat(Modifier.isStatic(content.getModifiers())).as(name).isTrue();
            content.setAccessible(true);
            assertThat(content.get(null)).as(name).isNotNull();
            String resource = template.getSimpleName() + ".bin";
            assertThat(template.getResource(resource)).as(name + ": " + resource).isNotNull();
        }
    }

    @Test
    void a_render_that_answers_a_string_decodes_each_static_part_to_the_same_text() {
        // the host frame's renders (JteRenderer.render): StringOutput's own writeBinaryContent decodes anew each time
        byte[] head = "<p class=\"meta\">\n    · ".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "</p>\n".getBytes(StandardCharsets.UTF_8);
        JteRenderer.StaticPartsOutput out = new JteRenderer.StaticPartsOutput(4);
        for (int i = 0; i < 3; i++) {
            out.writeBinaryContent(head);
            out.writeContent("日本 🚲 " + i);
            out.writeBinaryContent(tail);
        }
        out.writeBinaryContent(new byte[0]);
        String one = "<p class=\"meta\">\n    · 日本 🚲 %d</p>\n";
        assertThat(out.toString()).isEqualTo(one.formatted(0) + one.formatted(1) + one.formatted(2));
    }
}
