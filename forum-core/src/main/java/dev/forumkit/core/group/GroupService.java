package dev.forumkit.core.group;

import dev.forumkit.core.audit.AuditAction;
import dev.forumkit.core.audit.AuditTarget;

import dev.forumkit.core.Actor;
import dev.forumkit.core.ConflictException;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.internal.ServiceContext;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberId;
import dev.forumkit.core.policy.Action;
import dev.forumkit.core.policy.Grant;
import dev.forumkit.core.policy.Target;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** User groups: create, rename, give a banner, remove (admins); put members in them. Reading the list is public. */
public final class GroupService {
    private final ServiceContext ctx;

    public GroupService(ServiceContext ctx) {
        this.ctx = ctx;
    }

    /** Every group, built-in ones first. */
    public List<Group> all() {
        return ctx.storage.transactions().readOnly(() -> ctx.storage.groups().all());
    }

    public Group group(GroupId id) {
        return ctx.storage.transactions().readOnly(() -> find(id));
    }

    public Group create(Actor actor, String name, String title, int displayOrder) {
        Group draft = Group.withoutId(name, title, displayOrder); // validates before the transaction
        return ctx.command(events -> {
            Member me = admin(actor);
            uniqueName(draft.name(), null);
            Group stored = ctx.storage.groups().add(draft);
            ctx.audit.record(me.id(), AuditAction.GROUP_CREATE, AuditTarget.group(stored.id()), null, describe(stored), null);
            ctx.permissionsChanged();
            return stored;
        });
    }

    /** Renames a group or changes its banner and order; built-in groups may be renamed too. */
    public Group update(Actor actor, GroupId id, String name, String title, int displayOrder) {
        Group changed = new Group(id, name, title, displayOrder);
        return ctx.command(events -> {
            Member me = admin(actor);
            Group before = find(id);
            uniqueName(changed.name(), id);
            ctx.storage.groups().update(changed);
            if (!before.equals(changed)) {
                ctx.audit.record(me.id(), AuditAction.GROUP_UPDATE, AuditTarget.group(id), describe(before), describe(changed), null);
            }
            ctx.permissionsChanged();
            return changed;
        });
    }

    /** Removes a custom group with its grants; its members keep their other groups. */
    public void remove(Actor actor, GroupId id) {
        if (id.isBuiltIn()) {
            throw InvalidInputException.of("group", "built_in", "built-in groups cannot be removed");
        }
        ctx.command(events -> {
            Member me = admin(actor);
            Group before = find(id);
            ctx.audit.record(me.id(), AuditAction.GROUP_REMOVE, AuditTarget.group(id), describe(before), null, null);
            ctx.storage.grants().removeAll(Grant.Subject.group(id));
            ctx.storage.groups().remove(id);
            ctx.permissionsChanged();
            return null;
        });
    }

    /** The member's custom groups. */
    public MemberGroups of(MemberId member) {
        return ctx.storage.transactions().readOnly(() -> ctx.storage.groups().of(member));
    }

    /**
     * Puts a member in a primary group (null: their role's group) and secondary groups, replacing what they were in.
     * Built-in groups follow the member's role and cannot be chosen here.
     */
    public MemberGroups place(Actor actor, MemberId member, GroupId primary, Set<GroupId> secondary) {
        Set<GroupId> all = new HashSet<>(secondary);
        if (primary != null) {
            all.add(primary);
        }
        for (GroupId g : all) {
            if (g.isBuiltIn()) {
                throw InvalidInputException.of("groups", "built_in",
                        "built-in groups follow the member's role; change the role instead");
            }
        }
        MemberGroups placed = new MemberGroups(member, primary, secondary);
        return ctx.command(events -> {
            Member me = admin(actor);
            ctx.storage.members().byId(member).orElseThrow(() -> new NotFoundException("no member " + member));
            for (GroupId g : all) {
                if (ctx.storage.groups().byId(g).isEmpty()) {
                    throw InvalidInputException.of("groups", "unknown", "there is no group " + g);
                }
            }
            MemberGroups before = ctx.storage.groups().of(member);
            ctx.storage.groups().put(placed);
            if (!describe(before).equals(describe(placed))) {
                ctx.audit.record(me.id(), AuditAction.MEMBER_GROUPS, AuditTarget.member(member), describe(before),
                        describe(placed), null);
            }
            ctx.permissionsChanged();
            return placed;
        });
    }

    /** The members in a custom group (primary or secondary), in id order, at most {@code limit}. */
    public List<MemberId> members(GroupId group, int limit) {
        return ctx.storage.transactions().readOnly(() -> ctx.storage.groups().members(group, Math.max(0, limit)));
    }

    private Group find(GroupId id) {
        return ctx.storage.groups().byId(id).orElseThrow(() -> new NotFoundException("no group " + id));
    }

    private void uniqueName(String name, GroupId self) {
        String key = name.toLowerCase(Locale.ROOT);
        for (Group g : ctx.storage.groups().all()) {
            if (g.name().toLowerCase(Locale.ROOT).equals(key) && !g.id().equals(self)) {
                throw new ConflictException("there already is a group named " + g.name());
            }
        }
    }

    private Member admin(Actor actor) {
        Member me = ctx.requireMember(actor);
        ctx.policy.check(ctx.standing(me), Action.MANAGE_GROUPS, Target.NONE);
        return me;
    }

    /** A group as the audit log shows it, before and after a change. */
    private static String describe(Group g) {
        return g.name() + (g.title() == null ? "" : " (banner " + g.title() + ")") + ", order " + g.displayOrder();
    }

    private static String describe(MemberGroups g) {
        return "primary " + (g.primary() == null ? "the role's group" : g.primary().value()) + ", secondary "
                + g.secondary().stream().map(id -> Long.toString(id.value())).sorted().toList();
    }
}
