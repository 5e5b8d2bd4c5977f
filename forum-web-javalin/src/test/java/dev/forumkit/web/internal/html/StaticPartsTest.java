package dev.forumkit.web.internal.html;

import gg.jte.runtime.ClassInfo;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
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
}
