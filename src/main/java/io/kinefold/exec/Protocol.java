package io.kinefold.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Optional;

/** Encodes and decodes {@link WorkerMessage}s, one line each. */
public final class Protocol {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Protocol() {}

    public static String encode(WorkerMessage message) {
        try {
            String line = JSON.writeValueAsString(message);
            if (line.indexOf('\n') >= 0) {
                throw new IllegalStateException("a message must fit on one line");
            }
            return line;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The message on a line, or empty when the line is not one (anything a library printed, say). */
    public static Optional<WorkerMessage> decode(String line) {
        String t = line.strip();
        if (!t.startsWith("{")) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(t, WorkerMessage.class));
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
