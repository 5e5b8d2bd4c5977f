package dev.forumkit.core.report;

import dev.forumkit.core.content.ThreadId;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.post.PostId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportTest {
    private static final Instant T = Instant.parse("2026-01-05T09:00:00Z");
    private static final MemberId ANN = MemberId.of(1);
    private static final MemberId BOB = MemberId.of(2);

    @Test
    void reportersAreTheMembersWhoGaveAReasonOnceEachInOrder() {
        Report r = Report.open(ReportSubject.post(PostId.of(5)), BOB, ThreadId.of(3),
                new ReportNote(ReportNote.Kind.REASON, ANN, "spam", T));
        Report more = r.withNotes(List.of(r.notes().get(0), new ReportNote(ReportNote.Kind.COMMENT, MemberId.of(9), "looking", T),
                new ReportNote(ReportNote.Kind.REASON, MemberId.of(4), "advert", T)));
        assertThat(more.reporters()).containsExactly(ANN, MemberId.of(4));
        assertThat(r.isOpen()).isTrue();
        assertThat(r.openedAt()).isEqualTo(T);
    }

    @Test
    void aPostReportHasAThreadAProfileReportNoneAndOnlyClosedReportsHaveACloser() {
        ReportNote reason = new ReportNote(ReportNote.Kind.REASON, ANN, "spam", T);
        assertThatThrownBy(() -> Report.open(ReportSubject.post(PostId.of(5)), BOB, null, reason))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Report.open(ReportSubject.member(BOB), BOB, ThreadId.of(3), reason))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Report(null, ReportSubject.member(BOB), BOB, null, ReportStatus.OPEN, T, T, ANN, T, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Report(null, ReportSubject.member(BOB), BOB, null, ReportStatus.RESOLVED, T, T, null, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportNote(ReportNote.Kind.REASON, ANN, " ", T)).isInstanceOf(IllegalArgumentException.class);
    }
}
