package org.sentry4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonObject;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Validates event payloads against Sentry's own event schema ({@code ../shared/event.schema.json}).
 * The schema is stricter than Relay in ways protocol.md lists; of those, only the dashed-UUID format
 * of {@code event_id} needs allowing here, since we send {@code logentry} and {@code {values:[…]}}.
 */
public final class EventSchema {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static volatile JsonSchema schema;

    private EventSchema() {
    }

    /** Where ../shared is: the surefire property, else found upwards from the working directory. */
    public static Path sharedDir() {
        String configured = System.getProperty("sentry4j.shared.dir");
        if (configured != null && Files.isRegularFile(Path.of(configured, "event.schema.json"))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (Files.isRegularFile(candidate.resolve("event.schema.json"))) {
                return candidate;
            }
            Path sibling = dir.resolveSibling("shared");
            if (Files.isRegularFile(sibling.resolve("event.schema.json"))) {
                return sibling;
            }
        }
        throw new IllegalStateException("cannot find shared/event.schema.json (set -Dsentry4j.shared.dir)");
    }

    private static JsonSchema schema() {
        if (schema == null) {
            synchronized (EventSchema.class) {
                if (schema == null) {
                    try {
                        JsonNode node = MAPPER.readTree(Files.readString(sharedDir().resolve("event.schema.json")));
                        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
                        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(node, config);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return schema;
    }

    /** The schema violations of {@code event}, empty when valid. */
    public static Set<String> violations(JsonObject event) {
        try {
            JsonObject copy = event.deepCopy();
            if (copy.has("event_id")) {
                // Relay takes 32 hex characters; the schema's uuid format wants dashes (protocol.md section 11).
                String id = copy.get("event_id").getAsString();
                if (id.matches("[0-9a-f]{32}")) {
                    copy.addProperty("event_id", id.replaceFirst(
                            "(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
                }
            }
            JsonNode node = MAPPER.readTree(copy.toString());
            return schema().validate(node).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with every violation listed when {@code event} does not match the schema. */
    public static void assertValid(JsonObject event) {
        Set<String> v = violations(event);
        if (!v.isEmpty()) {
            throw new AssertionError("event does not match Sentry's schema:\n  " + String.join("\n  ", v)
                    + "\nevent: " + event);
        }
    }
}
