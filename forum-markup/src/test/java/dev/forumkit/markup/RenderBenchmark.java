package dev.forumkit.markup;

import dev.forumkit.core.markup.MentionResolver;
import dev.forumkit.core.markup.MentionedMember;
import dev.forumkit.core.markup.Rendered;
import dev.forumkit.core.member.MemberId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How fast posts render, on one thread: a typical 2 KB post (quote, mention, link, list, code, spoiler) and a
 * 50 KB post at the length limit. Not part of the build; run it with
 * {@code mvn -B -ntp -pl forum-markup -am -Pbench -DskipTests test} (figures in docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
public class RenderBenchmark {
    static final String TYPICAL = """
            [quote=ann post=1234]
            Has anyone ridden the coast road from Otaru to Shakotan? I'm thinking of doing it in **late September**
            and wondering about the tunnels and the wind.
            [/quote]
            I did it last year with @ann and @bob, in the other direction. Some notes:

            - The tunnels are lit but *narrow*; a rear light is a must, and a front one helps you be seen.
            - Wind is mostly from the sea in the afternoon, so start early.
            - Water: the last shop before the cape closes at 18:00.

            Our route is at https://example.org/routes/shakotan-loop and the elevation profile is attached below.
            The climb to the cape is steady, around 6% for four kilometres, then ~~flat~~ rolling to the lighthouse.

            | day | distance | climbing |
            |-----|---------:|---------:|
            | 1   | 92 km    | 1,100 m  |
            | 2   | 78 km    | 850 m    |

            For the GPS people, this is how I convert the track:

            ```python
            import gpxpy
            with open("shakotan.gpx") as f:
                track = gpxpy.parse(f)
            print(track.length_3d() / 1000, "km")
            ```

            [spoiler=Where we camped]The free site behind the fishing harbour; ask at the shop first.[/spoiler]

            On the way back we took the inland road through Yoichi instead of the coast. It adds a pass, but the
            traffic is lighter and there is a good bakery at the junction with route 5 (closed on Mondays, though).
            The descent after the pass is fast and the surface is good, apart from some gravel at the second hairpin.

            1. Check the ferry times if you want to skip the last 30 km.
            2. Hotels in Yoichi fill up on weekends because of the distillery.
            3. There are rental bikes in Otaru if you don't want to bring your own.

            > The wind is always from the front. Always.

            Tyres: I ran 32 mm slicks and never wished for more, but the shoulder is rough in places, so if you
            have 35s, take them.

            If you go, report back! [b]Bring a windproof[/b], even in September. Mail me at rider@example.org if
            you want the full GPX files, or see www.example.com/gpx for the old ones. Thanks again @ann for the tips.
            """;
    static final String LONG = TYPICAL.repeat(50_000 / TYPICAL.length());

    final ForumMarkupRenderer renderer = ForumMarkupRenderer.create();
    final MentionResolver members = MentionResolver.of(List.of(
            new MentionedMember(MemberId.of(7), "ann", "/members/ann.7/"),
            new MentionedMember(MemberId.of(8), "bob", "/members/bob.8/")));

    @Benchmark
    public Rendered typical2k() {
        return renderer.render(TYPICAL, members);
    }

    @Benchmark
    public Rendered long50k() {
        return renderer.render(LONG, members);
    }
}
