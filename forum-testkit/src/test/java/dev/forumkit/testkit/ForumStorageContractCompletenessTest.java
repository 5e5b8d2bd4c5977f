package dev.forumkit.testkit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every contract group in the contract package must be run by ForumStorageContract, or adapters would skip it. */
class ForumStorageContractCompletenessTest {

    @Test
    void forumStorageContractNestsEveryGroup() throws IOException {
        Path groups = Path.of("src/main/java/dev/forumkit/testkit/contract");
        List<String> declared;
        try (Stream<Path> files = Files.list(groups)) {
            declared = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("Contract.java"))
                    .map(n -> n.substring(0, n.length() - ".java".length())).sorted().toList();
        }
        List<String> nested = Arrays.stream(ForumStorageContract.class.getDeclaredClasses())
                .map(c -> c.getSuperclass().getSimpleName()).sorted().toList();

        assertThat(declared).isNotEmpty();
        assertThat(nested).containsExactlyElementsOf(declared);
    }
}
