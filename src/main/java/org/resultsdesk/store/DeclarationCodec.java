package org.resultsdesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.resultsdesk.core.model.Declaration;
import org.resultsdesk.core.model.FeedMessage;

/** A declaration's message as JSON in the declarations table. */
final class DeclarationCodec {
    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .build();

    String encode(FeedMessage message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    FeedMessage decode(Declaration.Stage stage, String json) {
        try {
            return switch (stage) {
                case RESULT ->
                    isLocal(json)
                            ? mapper.readValue(json, FeedMessage.LocalResult.class)
                            : mapper.readValue(json, FeedMessage.Result.class);
                case RUSH -> mapper.readValue(json, FeedMessage.Rush.class);
            };
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + stage + " declaration is unreadable: " + e.getMessage(), e);
        }
    }

    /** A local result's contest carries its ballot; a Westminster one its election and seat. */
    private boolean isLocal(String json) throws JsonProcessingException {
        return mapper.readTree(json).path("contest").has("ballot");
    }
}
