package dev.forumkit.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.forumkit.core.ConflictException;
import dev.forumkit.core.ForumException;
import dev.forumkit.core.InvalidInputException;
import dev.forumkit.core.NotAllowedException;
import dev.forumkit.core.NotFoundException;
import dev.forumkit.core.StorageUnavailableException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;

/**
 * The one place where failures become HTTP answers, for the API and the pages alike: a status and
 * {@code {"errors":[{"code","message","field"}]}} with a stable code. Nothing unexpected reaches a client: a 500 carries only an error id, which is logged with the stack trace.
 */
public final class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    /** One error as the client sees it; {@code field} is null unless one input field is at fault. */
    public record ApiError(String code, String message, String field) {
    }

    /** The status and errors for a failure; {@code errorId} is set for a 500 only (it is in the log too). */
    public record Answer(int status, List<ApiError> errors, long retryAfterSeconds, String errorId) {
        public Answer {
            errors = List.copyOf(errors);
        }
    }

    /** The answer as the API's JSON body (the caller has set any {@code Retry-After}). */
    public static void write(Context ctx, Answer a) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", a.errors());
        if (a.errorId() != null) {
            body.put("error_id", a.errorId());
        }
        Json.write(ctx, a.status(), body);
    }

    /** The one mapping from a failure to its status, code and message, for API routes and pages alike. */
    public static Answer answer(Context ctx, Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof HttpProblem p) {
            return new Answer(p.status(), List.of(new ApiError(p.code(), p.getMessage(), p.field())), p.retryAfterSeconds(), null);
        }
        if (e instanceof InvalidInputException iie) {
            List<ApiError> errors = new ArrayList<>();
            iie.fieldErrors().forEach(f -> errors.add(new ApiError(f.code(), f.message(), f.field())));
            return new Answer(422, errors, 0, null);
        }
        if (e instanceof NotFoundException) {
            return one(404, "not_found", e.getMessage());
        }
        if (e instanceof NotAllowedException na) {
            return na.signInRequired() ? one(401, "sign_in_required", e.getMessage()) : one(403, na.code(), e.getMessage()); // not_allowed, or a refusal the member can lift (email_unverified)
        }
        if (e instanceof ConflictException) {
            // a conflict with a cause came from a storage constraint: its message may name tables, so keep it to us
            String message = e.getCause() == null ? e.getMessage() : "that clashes with a change made at the same time; try again";
            if (e.getCause() != null) {
                LOG.info("storage conflict on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            }
            return one(409, "conflict", message);
        }
        if (e instanceof StorageUnavailableException) {
            LOG.warn("storage unavailable on {} {}: {}", ctx.method(), ctx.path(), e.toString());
            return new Answer(503, List.of(new ApiError("storage_unavailable",
                    "the database cannot be reached right now; try again shortly", null)), 5, null);
        }
        if (e instanceof dev.forumkit.core.search.SearchUnavailableException) {
            return one(503, "search_unavailable", "search is turned off on this forum");
        }
        if (e instanceof RejectedExecutionException) {
            HttpProblem busy = HttpProblem.busy();
            return new Answer(503, List.of(new ApiError(busy.code(), busy.getMessage(), null)), busy.retryAfterSeconds(), null);
        }
        if (e instanceof HttpResponseException hre && hre.getStatus() < 500) {
            int status = hre.getStatus();
            String code = switch (status) {
                case 413 -> "body_too_large";
                case 415 -> "unsupported_media_type";
                case 404 -> "not_found";
                case 405 -> "method_not_allowed";
                default -> "bad_request";
            };
            return one(status, code, code.replace('_', ' '));
        }
        if (e instanceof JsonProcessingException) {
            return one(400, "malformed_json", "the request body is not valid JSON");
        }
        String errorId = UUID.randomUUID().toString().substring(0, 13);
        if (e instanceof ForumException fe) {
            LOG.error("error {}: forum failure {} on {} {}", errorId, fe.code(), ctx.method(), ctx.path(), e);
        } else {
            LOG.error("error {}: unexpected failure on {} {}", errorId, ctx.method(), ctx.path(), e);
        }
        return new Answer(500, List.of(new ApiError("internal_error",
                "something went wrong on our side; quote error id " + errorId + " when reporting it", null)), 0, errorId);
    }

    private static Answer one(int status, String code, String message) {
        return new Answer(status, List.of(new ApiError(code, message, null)), 0, null);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
