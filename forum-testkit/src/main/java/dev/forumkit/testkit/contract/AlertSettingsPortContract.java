package dev.forumkit.testkit.contract;

import dev.forumkit.core.alert.AlertKind;
import dev.forumkit.core.alert.Delivery;
import dev.forumkit.core.alert.Preferences;
import dev.forumkit.core.member.MemberId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code AlertPreferences} and {@code Ignores} ports. */
public abstract class AlertSettingsPortContract extends ContractBase {
    private static final MemberId ANN = MemberId.of(1);
    private static final MemberId BOB = MemberId.of(2);
    private static final MemberId CYD = MemberId.of(3);

    @Test
    void preferencesAreStoredWholeAndReplaced() {
        assertThat(read(() -> storage.alertPreferences().byMember(ANN))).isEmpty();
        Preferences p = Preferences.defaults(ANN).with(AlertKind.REACTION, Delivery.OFF).with(AlertKind.QUOTE, Delivery.EMAIL)
                .withAutoWatch(true, true);
        txRun(() -> storage.alertPreferences().put(p));
        assertThat(read(() -> storage.alertPreferences().byMember(ANN))).contains(p);

        Preferences changed = p.with(AlertKind.REACTION, Delivery.ON_SITE).withAutoWatch(false, false);
        txRun(() -> storage.alertPreferences().put(changed));
        assertThat(read(() -> storage.alertPreferences().byMember(ANN))).contains(changed);
        assertThat(changed.deliveries()).isEqualTo(Map.of(AlertKind.QUOTE, Delivery.EMAIL));
    }

    @Test
    void everyKindAndDeliveryRoundTrips() {
        Preferences p = Preferences.defaults(ANN);
        int i = 0;
        for (AlertKind kind : AlertKind.values()) {
            p = p.with(kind, Delivery.values()[i++ % Delivery.values().length]);
        }
        Preferences all = p;
        txRun(() -> storage.alertPreferences().put(all));
        assertThat(read(() -> storage.alertPreferences().byMember(ANN))).contains(all);
    }

    @Test
    void preferencesOfManyMembersAreReadTogether() {
        List<MemberId> members = new ArrayList<>();
        txRun(() -> {
            for (int i = 1; i <= 2_500; i++) {
                MemberId m = MemberId.of(i);
                members.add(m);
                if (i % 2 == 0) {
                    storage.alertPreferences().put(Preferences.defaults(m).with(AlertKind.REPLY, Delivery.OFF));
                }
            }
        });

        Map<MemberId, Preferences> found = read(() -> storage.alertPreferences().byMembers(members));

        assertThat(found).hasSize(1_250).containsKey(MemberId.of(2_500)).doesNotContainKey(MemberId.of(1));
        assertThat(found.get(MemberId.of(2)).delivery(AlertKind.REPLY)).isEqualTo(Delivery.OFF);
        assertThat(read(() -> storage.alertPreferences().byMembers(List.of()))).isEmpty();
    }

    @Test
    void ignoringIsPerPairAndHarmlessToRepeat() {
        txRun(() -> storage.ignores().add(ANN, CYD));
        txRun(() -> storage.ignores().add(ANN, BOB));
        txRun(() -> storage.ignores().add(ANN, BOB));
        txRun(() -> storage.ignores().add(CYD, BOB));

        assertThat(read(() -> storage.ignores().ignoredBy(ANN))).containsExactly(BOB, CYD);
        assertThat(read(() -> storage.ignores().ignorersOf(BOB))).containsExactlyInAnyOrder(ANN, CYD);
        assertThat(read(() -> storage.ignores().ignorersOf(ANN))).isEmpty();

        assertThat(tx(() -> storage.ignores().remove(ANN, BOB))).isTrue();
        assertThat(tx(() -> storage.ignores().remove(ANN, BOB))).isFalse();
        assertThat(read(() -> storage.ignores().ignorersOf(BOB))).containsExactly(CYD);
    }
}
