package dev.forumkit.core.approval;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spam check's text comparison without the regular expression (task replyh2c) answers what normalising both
 * texts answered: bodies built from spaces of every kind, cases, ASCII control characters and letters beyond ASCII
 * whose lower case has another length or depends on the neighbours (İ, Σ, the Kelvin sign).
 */
class StandardSpamChecksTextTest {
    private static final String[] PARTS = {"a", "B", "z", "Z", "1", ":", " ", "  ", "\t", "\n", "\u000B", "\f", "\r",
            "\u001C", "\u001F", "\u00A0", "\u2003", "\u0085", "İ", "i̇", "Σ", "σ", "ς", "\u212A", "k", "é", "É", "ß",
            "\uD83D\uDE00", "www.", "\u0000"};

    @Test
    void comparesAsNormalisingBothDid() {
        Random random = new Random(18);
        int equal = 0;
        for (int round = 0; round < 200_000; round++) {
            String body = randomText(random);
            String other = random.nextInt(4) == 0 ? vary(body, random) : randomText(random);
            String text = StandardSpamChecks.normalised(other);
            boolean expected = StandardSpamChecks.normalised(body).equals(text);
            assertThat(StandardSpamChecks.sameText(body, text)).as("[%s] vs [%s]", body, other).isEqualTo(expected);
            equal += expected ? 1 : 0;
        }
        assertThat(equal).as("pairs of equal texts checked").isGreaterThan(1_000);
    }

    @Test
    void theRuleHoldsTheThirdSameText() {
        assertThat(StandardSpamChecks.sameText("  Buy  NOW\tcheap ", "buy now cheap")).isTrue();
        assertThat(StandardSpamChecks.sameText("Buy now cheaper", "buy now cheap")).isFalse();
        assertThat(StandardSpamChecks.sameText("Buy now", "buy now cheap")).isFalse();
        assertThat(StandardSpamChecks.sameText("ΣΑΣ", StandardSpamChecks.normalised("σας"))).isTrue();
    }

    private static String randomText(Random random) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(8);
        for (int i = 0; i < n; i++) {
            b.append(PARTS[random.nextInt(PARTS.length)]);
        }
        return b.toString();
    }

    /** The same text with its spaces, ends and cases changed, so that many pairs normalise alike. */
    private static String vary(String body, Random random) {
        StringBuilder b = new StringBuilder(random.nextBoolean() ? " \t" : "");
        for (char c : body.toCharArray()) {
            if (c == ' ' && random.nextBoolean()) {
                b.append(random.nextBoolean() ? "\n " : "\t");
            } else {
                b.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
            }
        }
        return b.append(random.nextBoolean() ? "\r\n" : "").toString();
    }
}
