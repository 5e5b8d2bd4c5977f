package dev.forumkit.web.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.forumkit.core.internal.IsoInstant;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The forum's own JSON: snake_case names, ISO-8601 dates, nulls kept. The forum reads and writes bodies itself
 * so a host application's JSON settings never change the API.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // after JavaTimeModule, so it wins for Instant: the same text, without DateTimeFormatter's garbage
            .addModule(new SimpleModule("forumkit-instants").addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
                @Override
                public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                    gen.writeString(IsoInstant.format(value));
                }
            }))
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    public static void write(Context ctx, int status, Object body) {
        ctx.status(status);
        if (body == null) {
            ctx.result(new byte[0]);
            return;
        }
        try {
            ctx.contentType("application/json; charset=utf-8").result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Reads the body as {@code type}; 415 unless it is JSON, 413 past the limit, 400 if malformed, 422 for a wrong type. */
    public static <T> T read(Context ctx, Class<T> type, long limit) {
        byte[] bytes = readBytes(ctx, limit);
        if (bytes.length == 0) {
            throw HttpProblem.malformedJson("the request body must be a JSON object");
        }
        return parse(bytes, type);
    }

    /** Like {@link #read}, but an absent body gives {@code fallback}. */
    public static <T> T readOptional(Context ctx, Class<T> type, long limit, T fallback) {
        long declared = ctx.req().getContentLengthLong();
        if (declared == 0 || (declared < 0 && ctx.header("Transfer-Encoding") == null)) {
            return fallback;
        }
        byte[] bytes = readBytes(ctx, limit);
        return bytes.length == 0 ? fallback : parse(bytes, type);
    }

    private static byte[] readBytes(Context ctx, long limit) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw HttpProblem.bodyTooLarge(limit);
        }
        if (declared != 0 && !isJson(ctx.header("Content-Type"))) {
            throw HttpProblem.unsupportedMediaType();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw HttpProblem.bodyTooLarge(limit);
            }
            return bytes;
        } catch (IOException e) {
            throw HttpProblem.badRequest("unreadable_body", "the request body could not be read");
        }
    }

    private static <T> T parse(byte[] bytes, Class<T> type) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (MismatchedInputException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            if (field.isEmpty()) {
                throw HttpProblem.malformedJson("the request body must be a JSON object");
            }
            throw HttpProblem.invalidField(field, "invalid_type", field + " has the wrong type");
        } catch (JsonMappingException e) {
            throw HttpProblem.malformedJson("the request body does not fit this route");
        } catch (JacksonException e) {
            throw HttpProblem.malformedJson("the request body is not valid JSON");
        } catch (IOException e) {
            throw HttpProblem.badRequest("unreadable_body", "the request body could not be read");
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mime = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mime.equals("application/json") || (mime.startsWith("application/") && mime.endsWith("+json"));
    }
}
