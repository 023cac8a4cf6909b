package io.aidos.server.internal.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** MLflow-style page tokens: base64 of {@code {"offset": N}}. Opaque to clients. */
final class PageToken {
    private PageToken() {
    }

    /** The offset a token stands for; 0 for none; INVALID_PARAMETER_VALUE for a token this server did not make. */
    static long offset(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            JsonNode node = MlflowJson.MAPPER.readTree(Base64.getUrlDecoder().decode(token));
            long offset = node.path("offset").asLong(-1);
            if (offset < 0) {
                throw new IllegalArgumentException("no offset");
            }
            return offset;
        } catch (Exception e) {
            throw MlflowException.invalid("Invalid page token '" + token + "'");
        }
    }

    static String of(long offset) {
        return Base64.getUrlEncoder().encodeToString(("{\"offset\": " + offset + "}").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The first {@code limit} of {@code fetched} (a query for {@code limit + 1} rows from {@code offset}); when there
     * were more, puts {@code next_page_token} into {@code response}.
     */
    static <T> java.util.List<T> page(java.util.List<T> fetched, int limit, long offset,
                                      com.fasterxml.jackson.databind.node.ObjectNode response) {
        if (fetched.size() <= limit) {
            return fetched;
        }
        response.put("next_page_token", of(offset + limit));
        return fetched.subList(0, limit);
    }
}
