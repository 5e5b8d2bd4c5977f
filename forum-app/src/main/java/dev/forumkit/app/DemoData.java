package dev.forumkit.app;

import dev.forumkit.core.Actor;
import dev.forumkit.core.Forum;
import dev.forumkit.core.board.Board;
import dev.forumkit.core.board.Category;
import dev.forumkit.core.group.Group;
import dev.forumkit.core.group.GroupId;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.Registration;
import dev.forumkit.core.member.Role;
import dev.forumkit.core.policy.Grant;
import dev.forumkit.core.policy.GrantValue;
import dev.forumkit.core.policy.Permission;
import dev.forumkit.core.post.Post;
import dev.forumkit.core.storage.ForumStorage;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code --demo}: a small community in the shape of a classic forum thread page, in our own words. Only an empty
 * forum is filled; demo accounts get random passwords, printed once.
 */
final class DemoData {
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private final Forum forum;
    private final ForumStorage storage;

    /** {@code storage} is the forum's own: the demo looks in it for an admin made before (settings or set-up link). */
    DemoData(Forum forum, ForumStorage storage) {
        this.forum = forum;
        this.storage = storage;
    }

    /** A demo account and its password, to print. */
    record Account(String username, String password) {
    }

    /** Fills the forum if it has no categories yet; returns the accounts made (empty when it was not empty). */
    List<Account> seedIfEmpty() {
        if (!forum.boards().categories().isEmpty()) {
            return List.of();
        }
        List<Account> accounts = new ArrayList<>();
        Member admin = existingAdmin().orElseGet(() -> {
            String pw = password();
            accounts.add(new Account("admin", pw));
            return forum.members().registerFirstAdmin(new Registration("admin", "admin@demo.forumkit.invalid", pw));
        });
        Member kenji = member("kenji", accounts);
        Member mina = member("mina", accounts);
        forum.members().updateCustomTitle(as(kenji), kenji.id(), "Unswerving cyclist");
        forum.members().updateCustomTitle(as(mina), mina.id(), "Ferry timetable collector");

        Actor root = as(admin);
        Category travel = forum.boards().createCategory(root, "Travel and neighbours", "Journeys, languages and news across the region");
        Board board = forum.boards().createBoard(root, travel.id(), "Japan and Korea",
                "Trains, ferries, food and the news between the two countries",
                "Welcome to our Japan and Korea community! Reading is open to all; join today to post. It takes a minute and costs nothing.");
        forum.boards().createBoard(root, travel.id(), "Cycling tours", "Routes, gear and where to sleep", null);

        Post opening = forum.threads().start(as(kenji), board.id(), "From Fukuoka to Busan by ferry and bike",
                "I finally did it: rode to Hakata port, rolled the bike onto the fast ferry and was in Busan before lunch.\n\n"
                        + "The bike went in a bag for the crossing. Timetables and fares are on the operator's site: "
                        + "https://www.example.org/ferries/hakata-busan\n\n"
                        + "Has anyone taken the overnight boat instead? I wonder if it is worth the extra day.");
        Post adminReply = forum.posts().reply(root, opening.threadId(),
                "[quote=kenji post=" + opening.id() + "]Has anyone taken the overnight boat instead? I wonder if it is worth the extra day.[/quote]\n\n"
                        + "I did, two summers ago. You sleep through the crossing and arrive rested, and the bike rides "
                        + "free in the hold. Worth it if you are not in a hurry.").post();
        Post minaReply = forum.posts().reply(as(mina), opening.threadId(),
                "Both boats run daily in summer, fewer in winter. Book the bike space early during holiday weeks.").post();
        forum.posts().reply(as(kenji), opening.threadId(), "Thanks, both of you. The night boat it is next time.");

        forum.reactions().react(root, opening.id(), "like");
        forum.reactions().react(as(mina), opening.id(), "love");
        forum.reactions().react(as(kenji), adminReply.id(), "like");
        forum.reactions().react(as(kenji), minaReply.id(), "wow");

        // a staff badge on the admin's posts, and a board only moderators and admins see
        Group staff = forum.groups().create(root, "Staff", "Staff", 1);
        forum.groups().place(root, admin.id(), staff.id(), java.util.Set.of());
        Category backstage = forum.boards().createCategory(root, "Backstage", "For the forum's staff");
        Board staffRoom = forum.boards().createBoard(root, backstage.id(), "Staff room",
                "Moderation notes; members and guests do not see this board", null);
        for (GroupId g : List.of(GroupId.GUESTS, GroupId.MEMBERS)) {
            forum.permissions().set(root, new Grant(Grant.Subject.group(g), Grant.Scope.board(staffRoom.id()),
                    Permission.VIEW_BOARD, GrantValue.DENY));
        }
        forum.threads().start(root, staffRoom.id(), "How we moderate",
                "Lock a thread before deleting it, and say why in the reason. Members never see this board.");
        return accounts;
    }

    private Optional<Member> existingAdmin() {
        if (forum.members().needsFirstAdmin()) {
            return Optional.empty();
        }
        List<Member> admins = new ArrayList<>();
        storage.transactions().readOnly(() -> {
            storage.members().forEach(m -> {
                if (m.role() == Role.ADMIN) {
                    admins.add(m);
                }
            });
            return null;
        });
        return admins.stream().findFirst();
    }

    private Member member(String name, List<Account> accounts) {
        String pw = password();
        accounts.add(new Account(name, pw));
        // the demo vouches for its own members: with verification required they must still post
        return forum.members().registerVerified(new Registration(name, name + "@demo.forumkit.invalid", pw));
    }

    private static Actor as(Member m) {
        return Actor.member(m.id());
    }

    private static String password() {
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
