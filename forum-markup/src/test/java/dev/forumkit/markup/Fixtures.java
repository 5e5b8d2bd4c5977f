package dev.forumkit.markup;

import dev.forumkit.core.markup.MentionResolver;
import dev.forumkit.core.markup.MentionedMember;
import dev.forumkit.core.member.MemberId;

import java.util.List;
import java.util.Optional;

/** Shared test fixtures: one renderer, and resolvers that know ann and bob, or everybody. */
final class Fixtures {
    static final ForumMarkupRenderer RENDERER = ForumMarkupRenderer.create();

    static final MentionedMember ANN = new MentionedMember(MemberId.of(7), "ann", "/members/ann.7/");
    static final MentionedMember BOB = new MentionedMember(MemberId.of(8), "Bob.Smith", "/members/bob-smith.8/");
    static final MentionResolver MEMBERS = MentionResolver.of(List.of(ANN, BOB));

    /** Resolves any name, so every {@code @word} of a hostile string becomes a link. */
    static final MentionResolver EVERYONE = name -> Optional.of(
            new MentionedMember(MemberId.of(1 + (name.hashCode() & 0xffff)), name, "/members/" + name + ".1/"));

    private Fixtures() {
    }
}
