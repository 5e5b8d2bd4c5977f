package dev.forumkit.web.internal.html;

import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.member.Member;
import dev.forumkit.core.member.MemberSort;
import dev.forumkit.core.read.Page;
import dev.forumkit.web.Access;
import dev.forumkit.web.internal.Call;
import dev.forumkit.web.internal.HttpProblem;

import java.util.List;

/** {@code /members/}: the member list (paged, sortable) with "members online now" above it. */
public final class MemberListPages {
    private MemberListPages() {
    }

    static void register(PageTable t) {
        t.get("/members/", Access.ANYONE, MemberListPages::list);
    }

    private static Object list(Call call) {
        MemberSort sort = MemberSort.parse(call.ctx().queryParamAsClass("sort", String.class).getOrDefault("name"));
        if (sort == null) {
            throw HttpProblem.notFound("there is no such order");
        }
        int page;
        try {
            page = Integer.parseInt(call.ctx().queryParamAsClass("page", String.class).getOrDefault("1"));
        } catch (NumberFormatException e) {
            throw HttpProblem.notFound("there is no such page");
        }
        Page<Member> members;
        try {
            members = call.api().forum().profiles().memberList(call.actor(), sort, page);
        } catch (InvalidInputException e) {
            throw HttpProblem.notFound("there is no such page");
        }
        String base = ReadPages.links(call).base() + "/members/?sort=" + sort.key();
        return View.of("members", "Members").crumb(new Text("nav.forums"), ReadPages.links(call).home())
                .with("members", members).with("sort", sort).with("sorts", List.of(MemberSort.values()))
                .with("pager", Pager.of(members, n -> n <= 1 ? base : base + "&page=" + n))
                .with("online", call.api().forum().profiles().onlineNow());
    }
}
