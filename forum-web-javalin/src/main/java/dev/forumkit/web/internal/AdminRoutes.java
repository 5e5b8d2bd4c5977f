package dev.forumkit.web.internal;

import dev.forumkit.core.counter.RecountReport;
import dev.forumkit.web.Access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Admin tools: recount every counter from the rows and repair what differed. */
public final class AdminRoutes {
    private AdminRoutes() {
    }

    record RecountJson(boolean isClean, int threadsChecked, int boardsChecked, int membersChecked) {
    }

    record DifferenceJson(String entity, String field, String stored, String expected) {
    }

    public static void register(RouteTable t) {
        t.post("/admin/recount", Access.ADMIN, AdminRoutes::recount);
    }

    private static Object recount(Call call) {
        RecountReport r = call.api().forum().counters().recount(call.actor());
        List<DifferenceJson> diffs = r.differences().stream()
                .map(d -> new DifferenceJson(d.entity(), d.field(), d.stored(), d.expected())).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recount", new RecountJson(r.clean(), r.threadsChecked(), r.boardsChecked(), r.membersChecked()));
        body.put("differences", diffs);
        body.put("pagination", Pagination.single(diffs.size()));
        return body;
    }
}
