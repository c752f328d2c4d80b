package vn.loa.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.stream.Collectors;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import vn.loa.server.broadcast.PlanException;
import vn.loa.server.text.TextRules;

/** The API's one ObjectMapper: ISO-8601 instants, and unknown or mistyped fields rejected with their name. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private Json() {
    }

    /** Parses a JSON request body, turning every kind of bad input into a 400 or 415 that says what is wrong. */
    public static <T> T body(ApiRequest request, Class<T> type) {
        String contentType = request.contentType();
        if (contentType == null || !contentType.toLowerCase().startsWith(HttpHeaderValues.APPLICATION_JSON.toString())) {
            throw new ApiException(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
                    "send the body as application/json, not " + (contentType == null ? "no content type" : contentType)).withCode("invalid_request");
        }
        if (request.body().length == 0) {
            throw ApiException.badRequest("the request body is empty; a JSON object is expected").withCode("invalid_request");
        }
        try {
            T value = MAPPER.readValue(request.body(), type);
            if (value == null) {
                throw ApiException.badRequest("the request body is null; a JSON object is expected").withCode("invalid_request");
            }
            return value;
        } catch (ValueInstantiationException e) {
            // A record refused its values (its own validation): its message is the one to show.
            if (e.getCause() instanceof PlanException p) {
                throw ApiException.badRequest(p.getMessage()).withCode(p.code()).withParams(p.params());
            }
            if (e.getCause() instanceof TextRules.Rejected t) {
                throw ApiException.badRequest(t.getMessage()).withCode("invalid_text");
            }
            throw ApiException.badRequest("invalid value: " + e.getOriginalMessage()).withCode("invalid_request");
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest("unknown field '" + e.getPropertyName() + "'; known fields: "
                    + e.getKnownPropertyIds()).withCode("invalid_request");
        } catch (JsonMappingException e) {
            // A field's own reader refused its text (a time written "25h"): its code and sentence, not Jackson's.
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof PlanException p) {
                    throw ApiException.badRequest(p.getMessage()).withCode(p.code()).withParams(p.params());
                }
            }
            if (!(e instanceof MismatchedInputException m)) {
                throw ApiException.badRequest("invalid JSON: " + e.getOriginalMessage()).withCode("invalid_request");
            }
            String field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw ApiException.badRequest(field.isEmpty() ? "the body must be a JSON object of the documented fields"
                    : "field '" + field + "' has the wrong type: " + m.getOriginalMessage()).withCode("invalid_request");
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("invalid JSON: " + e.getOriginalMessage()).withCode("invalid_request");
        } catch (IOException e) {
            throw ApiException.badRequest("unreadable body: " + e.getMessage()).withCode("invalid_request");
        }
    }
}
