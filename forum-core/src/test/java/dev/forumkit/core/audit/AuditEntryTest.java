package dev.forumkit.core.audit;

import dev.forumkit.core.member.MemberId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditEntryTest {
    private static final Instant T = Instant.parse("2026-01-05T09:00:00Z");
    private static final MemberId ANN = MemberId.of(1);

    @Test
    void longTextsAreCutWithoutSplittingACharacterAndBlankOnesAreNone() {
        String emoji = "x".repeat(AuditEntry.MAX_TEXT - 2) + "\uD83D\uDE00" + "tail";
        AuditEntry e = new AuditEntry(null, T, ANN, AuditAction.POST_EDIT, AuditTarget.FORUM, emoji, "  ", null);
        assertThat(e.before()).hasSizeLessThanOrEqualTo(AuditEntry.MAX_TEXT).endsWith("…");
        assertThat(Character.isHighSurrogate(e.before().charAt(e.before().length() - 2))).isFalse();
        assertThat(e.after()).isNull();
    }

    @Test
    void targetsNeedAnIdExceptTheForumAndCodesRoundTrip() {
        assertThatThrownBy(() -> new AuditTarget(AuditTarget.Kind.POST, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditTarget(AuditTarget.Kind.FORUM, 3)).isInstanceOf(IllegalArgumentException.class);
        for (AuditAction a : AuditAction.values()) {
            assertThat(AuditAction.byCode(a.code())).isEqualTo(a);
        }
        assertThat(AuditAction.byCode("no_such_thing")).isNull();
        assertThat(AuditTarget.Kind.byCode("Thread")).isEqualTo(AuditTarget.Kind.THREAD);
    }

    @Test
    void aFilterMatchesOnEveryGivenFieldAndATimeRangeThatEndsBeforeItsEnd() {
        AuditEntry e = new AuditEntry(7L, T, ANN, AuditAction.THREAD_LOCK, new AuditTarget(AuditTarget.Kind.THREAD, 9), null, null, null);
        assertThat(AuditFilter.ALL.matches(e)).isTrue();
        assertThat(new AuditFilter(ANN, AuditAction.THREAD_LOCK, AuditTarget.Kind.THREAD, 9L, T, T.plusSeconds(1)).matches(e)).isTrue();
        assertThat(new AuditFilter(null, null, null, null, null, T).matches(e)).isFalse();
        assertThat(new AuditFilter(MemberId.of(2), null, null, null, null, null).matches(e)).isFalse();
        assertThat(new AuditFilter(null, null, AuditTarget.Kind.THREAD, 8L, null, null).matches(e)).isFalse();
        assertThatThrownBy(() -> new AuditFilter(null, null, null, 9L, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
