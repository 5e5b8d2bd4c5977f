package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.alert.AlertKind;
import dev.forumkit.core.alert.AlertPreferences;
import dev.forumkit.core.alert.Delivery;
import dev.forumkit.core.alert.Preferences;
import dev.forumkit.core.member.MemberId;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Deliveries are stored as {@code KIND=DELIVERY,...}; a name this version does not know (a newer one wrote it) is skipped. */
final class JdbiAlertPreferences implements AlertPreferences {
    private static final int CHUNK = 1_000;
    private static final String COLUMNS = "member_id, deliveries, auto_watch, auto_watch_email";
    private static final RowMapper<Preferences> MAPPER = (rs, ctx) -> new Preferences(MemberId.of(rs.getLong(1)),
            parse(rs.getString(2)), rs.getBoolean(3), rs.getBoolean(4));

    private final JdbiTransactions db;
    private final String put;

    JdbiAlertPreferences(JdbiTransactions db) {
        this.db = db;
        this.put = Upserts.sql(db.dialect(), "alert_preferences", List.of("member_id"),
                List.of("deliveries", "auto_watch", "auto_watch_email"));
    }

    @Override
    public Optional<Preferences> byMember(MemberId member) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM alert_preferences WHERE member_id = :member")
                .bind("member", member.value()).map(MAPPER).findOne());
    }

    @Override
    public Map<MemberId, Preferences> byMembers(Collection<MemberId> members) {
        Map<MemberId, Preferences> out = new HashMap<>();
        List<Long> ids = members.stream().map(MemberId::value).distinct().toList();
        for (int from = 0; from < ids.size(); from += CHUNK) { // bounded IN lists: a fan-out may name 10,000 members
            List<Long> chunk = ids.subList(from, Math.min(from + CHUNK, ids.size()));
            db.use(h -> h.createQuery("SELECT " + COLUMNS + " FROM alert_preferences WHERE member_id IN (<ids>)")
                    .bindList("ids", chunk).map(MAPPER).forEach(p -> out.put(p.member(), p)));
        }
        return out;
    }

    @Override
    public void put(Preferences p) {
        db.use(h -> h.createUpdate(put).bind("member_id", p.member().value()).bind("deliveries", format(p.deliveries()))
                .bind("auto_watch", p.autoWatch()).bind("auto_watch_email", p.autoWatchEmail()).execute());
    }

    private static String format(Map<AlertKind, Delivery> deliveries) {
        // sorted by kind for one stored form; new EnumMap<>(map) would throw on an empty (all default) map
        return deliveries.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey().name() + "=" + e.getValue().name())
                .collect(Collectors.joining(","));
    }

    private static Map<AlertKind, Delivery> parse(String stored) {
        Map<AlertKind, Delivery> out = new EnumMap<>(AlertKind.class);
        List<String> pairs = stored.isEmpty() ? List.of() : new ArrayList<>(List.of(stored.split(",")));
        for (String pair : pairs) {
            String[] kv = pair.split("=", 2);
            try {
                out.put(AlertKind.valueOf(kv[0]), Delivery.valueOf(kv[1]));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                // written by a newer version: keep the default for it
            }
        }
        return out;
    }
}
