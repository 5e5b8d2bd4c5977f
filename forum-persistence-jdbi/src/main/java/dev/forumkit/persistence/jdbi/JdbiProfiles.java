package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.blob.BlobKey;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.profile.Avatar;
import dev.forumkit.core.profile.DateStyle;
import dev.forumkit.core.profile.MembersWithProfiles;
import dev.forumkit.core.profile.Profile;
import dev.forumkit.core.profile.Profiles;
import org.jdbi.v3.core.mapper.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class JdbiProfiles implements Profiles {
    private static final int CHUNK = 1_000;
    private static final String COLUMNS = "member_id, about, location, website, signature, signature_html, time_zone,"
            + " date_style, hide_last_seen, hide_signatures, last_seen_at, language";
    private static final RowMapper<Profile> MAPPER = (rs, ctx) -> at(rs, 1);
    /** Members with their profiles (a thread page's authors and signatures): the member's columns first, by position. */
    static final String WITH_MEMBERS = "SELECT " + JdbiMembers.TABLE.select("m") + ", p."
            + COLUMNS.replace(", ", ", p.") + " FROM members m LEFT JOIN profiles p ON p.member_id = m.id WHERE m.id IN (";
    static final int PROFILE_AT = JdbiMembers.TABLE.selected() + 1;
    private static final String AVATAR_COLUMNS = "member_id, large_key, small_key, format, version";
    private static final RowMapper<Avatar> AVATAR = (rs, ctx) -> new Avatar(MemberId.of(rs.getLong(1)),
            new BlobKey(rs.getString(2)), new BlobKey(rs.getString(3)), rs.getString(4), rs.getLong(5));
    /** Personal data of other features, by table and the column naming the member. */
    private static final List<String> ERASE = List.of(
            "DELETE FROM profiles WHERE member_id = :member",
            "DELETE FROM avatars WHERE member_id = :member",
            "DELETE FROM sessions WHERE member_id = :member",
            "DELETE FROM alerts WHERE recipient_id = :member",
            "DELETE FROM thread_watches WHERE member_id = :member",
            "DELETE FROM board_watches WHERE member_id = :member",
            "DELETE FROM alert_preferences WHERE member_id = :member",
            "DELETE FROM member_ignores WHERE member_id = :member OR ignored_id = :member",
            "DELETE FROM password_resets WHERE member_id = :member",
            "DELETE FROM email_verifications WHERE member_id = :member",
            "DELETE FROM email_notices WHERE member_id = :member",
            "DELETE FROM email_unsubscribes WHERE member_id = :member");

    private final JdbiTransactions db;
    private final String put;
    private final String touch;
    private final String putAvatar;

    JdbiProfiles(JdbiTransactions db) {
        this.db = db;
        this.put = Upserts.sql(db.dialect(), "profiles", List.of("member_id"), List.of("about", "location", "website",
                "signature", "signature_html", "time_zone", "date_style", "hide_last_seen", "hide_signatures", "language"));
        this.putAvatar = Upserts.sql(db.dialect(), "avatars", List.of("member_id"), List.of("large_key", "small_key",
                "format", "version"));
        this.touch = Upserts.sql(db.dialect(), "profiles", List.of("member_id"), List.of("last_seen_at"));
    }

    @Override
    public Optional<Profile> byMember(MemberId member) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM profiles WHERE member_id = :member")
                .bind("member", member.value()).map(MAPPER).findOne());
    }

    /** A profile's columns from position {@code first} on, in {@link #COLUMNS}' order. */
    static Profile at(ResultSet rs, int first) throws SQLException {
        return new Profile(MemberId.of(rs.getLong(first)), rs.getString(first + 1), rs.getString(first + 2),
                rs.getString(first + 3), rs.getString(first + 4), rs.getString(first + 5), rs.getString(first + 6),
                style(rs.getString(first + 7)), rs.getBoolean(first + 8), rs.getBoolean(first + 9),
                Rows.instant(rs, first + 10), rs.getString(first + 11));
    }

    @Override
    public MembersWithProfiles withMembers(Collection<MemberId> members) {
        Map<MemberId, Member> found = new HashMap<>();
        Map<MemberId, Profile> profiles = new HashMap<>();
        if (members.isEmpty()) {
            return new MembersWithProfiles(found, profiles);
        }
        List<Long> ids = members.stream().map(MemberId::value).distinct().toList();
        // bound by position, not bindList: Jdbi's per-element binding was a third of this read's CPU (task pageread);
        // a thread page's read, so plain JDBC on the transaction's connection (task pagejdbc)
        db.plain(WITH_MEMBERS + Rows.marks(ids.size()) + ")", s -> Rows.setLongs(s, ids), rs -> {
            while (rs.next()) {
                Member m = JdbiMembers.MAPPER.map(rs, null);
                found.put(m.id(), m);
                rs.getLong(PROFILE_AT);
                if (!rs.wasNull()) {
                    profiles.put(m.id(), at(rs, PROFILE_AT));
                }
            }
            return null;
        });
        return new MembersWithProfiles(found, profiles);
    }

    @Override
    public Map<MemberId, Profile> byMembers(Collection<MemberId> members) {
        Map<MemberId, Profile> out = new HashMap<>();
        List<Long> ids = members.stream().map(MemberId::value).distinct().toList();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(from + CHUNK, ids.size()));
            db.use(h -> h.createQuery("SELECT " + COLUMNS + " FROM profiles WHERE member_id IN (<ids>)")
                    .bindList("ids", chunk).map(MAPPER).forEach(p -> out.put(p.memberId(), p)));
        }
        return out;
    }

    @Override
    public void put(Profile p) {
        db.use(h -> h.createUpdate(put).bind("member_id", p.memberId().value()).bind("about", p.about())
                .bind("location", p.location()).bind("website", p.website()).bind("signature", p.signature())
                .bind("signature_html", p.signatureHtml()).bind("time_zone", p.timeZone())
                .bind("date_style", p.dateStyle().name()).bind("hide_last_seen", p.hideLastSeen())
                .bind("hide_signatures", p.hideSignatures()).bind("language", p.language()).execute());
    }

    @Override
    public void touchLastSeen(MemberId member, Instant at) {
        db.use(h -> h.createUpdate(touch).bind("member_id", member.value()).bind("last_seen_at", Rows.ts(at)).execute());
    }

    @Override
    public void erasePersonalData(MemberId member) {
        db.use(h -> ERASE.forEach(sql -> h.createUpdate(sql).bind("member", member.value()).execute()));
    }

    @Override
    public Optional<Avatar> avatarOf(MemberId member) {
        return db.with(h -> h.createQuery("SELECT " + AVATAR_COLUMNS + " FROM avatars WHERE member_id = :member")
                .bind("member", member.value()).map(AVATAR).findOne());
    }

    @Override
    public void putAvatar(Avatar a) {
        db.use(h -> h.createUpdate(putAvatar).bind("member_id", a.member().value()).bind("large_key", a.large().value())
                .bind("small_key", a.small().value()).bind("format", a.format()).bind("version", a.version()).execute());
    }

    @Override
    public boolean removeAvatar(MemberId member) {
        return db.with(h -> h.createUpdate("DELETE FROM avatars WHERE member_id = :member")
                .bind("member", member.value()).execute()) > 0;
    }

    @Override
    public List<Avatar> avatars() {
        return db.with(h -> h.createQuery("SELECT " + AVATAR_COLUMNS + " FROM avatars ORDER BY member_id")
                .map(AVATAR).list());
    }

    @Override
    public boolean avatarRefersTo(BlobKey blob) {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM avatars WHERE large_key = :k OR small_key = :k")
                .bind("k", blob.value()).mapTo(Long.class).one()) > 0;
    }

    private static DateStyle style(String stored) {
        try {
            return DateStyle.valueOf(stored);
        } catch (IllegalArgumentException e) {
            return DateStyle.ISO; // written by a newer version
        }
    }
}
