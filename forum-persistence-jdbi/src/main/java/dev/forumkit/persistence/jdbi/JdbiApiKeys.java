package dev.forumkit.persistence.jdbi;

import dev.forumkit.core.apikey.ApiKey;
import dev.forumkit.core.apikey.ApiKeyId;
import dev.forumkit.core.apikey.ApiKeyKind;
import dev.forumkit.core.apikey.ApiKeys;
import dev.forumkit.core.apikey.Scope;
import dev.forumkit.core.member.MemberId;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

final class JdbiApiKeys implements ApiKeys {
    private static final String COLUMNS = "id, name, kind, scopes, member_id, secret_hash, hint, created_by, created_at,"
            + " expires_at, last_used_at, revoked_at";
    private static final RowMapper<ApiKey> MAPPER = (rs, ctx) -> new ApiKey(ApiKeyId.of(rs.getLong(1)), rs.getString(2),
            ApiKeyKind.valueOf(rs.getString(3)), Arrays.stream(rs.getString(4).split(" ")).map(Scope::parse)
            .collect(Collectors.toSet()), Rows.memberId(rs, 5), rs.getString(6), rs.getString(7),
            MemberId.of(rs.getLong(8)), Rows.instant(rs, 9), Rows.instant(rs, 10), Rows.instant(rs, 11),
            Rows.instant(rs, 12));

    private final JdbiTransactions db;
    private final String insert;

    JdbiApiKeys(JdbiTransactions db) {
        this.db = db;
        this.insert = db.dialect().returning("INSERT INTO api_keys (name, kind, scopes, member_id, secret_hash, hint,"
                + " created_by, created_at, expires_at, last_used_at, revoked_at) VALUES (:name, :kind, :scopes, :member,"
                + " :hash, :hint, :by, :created, :expires, :used, :revoked)", "id");
    }

    @Override
    public ApiKey add(ApiKey k) {
        String scopes = k.scopes().stream().map(Scope::toString).sorted().collect(Collectors.joining(" "));
        long id = db.with(h -> h.createQuery(insert).bind("name", k.name()).bind("kind", k.kind().name())
                .bind("scopes", scopes).bind("member", k.member() == null ? null : k.member().value())
                .bind("hash", k.secretHash()).bind("hint", k.hint()).bind("by", k.createdBy().value())
                .bind("created", Rows.ts(k.createdAt())).bind("expires", Rows.ts(k.expiresAt()))
                .bind("used", Rows.ts(k.lastUsedAt())).bind("revoked", Rows.ts(k.revokedAt()))
                .mapTo(Long.class).one());
        return k.withId(ApiKeyId.of(id));
    }

    @Override
    public Optional<ApiKey> byId(ApiKeyId id) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE id = :id")
                .bind("id", id.value()).map(MAPPER).findOne());
    }

    @Override
    public Optional<ApiKey> bySecretHash(String secretHash) {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE secret_hash = :hash")
                .bind("hash", secretHash).map(MAPPER).findOne());
    }

    @Override
    public List<ApiKey> all() {
        return db.with(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_keys ORDER BY created_at DESC, id DESC")
                .map(MAPPER).list());
    }

    @Override
    public void touch(ApiKeyId id, Instant at) {
        db.use(h -> h.createUpdate("UPDATE api_keys SET last_used_at = :at WHERE id = :id")
                .bind("at", Rows.ts(at)).bind("id", id.value()).execute());
    }

    @Override
    public boolean revoke(ApiKeyId id, Instant at) {
        return db.with(h -> h.createUpdate("UPDATE api_keys SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .bind("at", Rows.ts(at)).bind("id", id.value()).execute()) > 0;
    }
}
