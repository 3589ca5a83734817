package org.sentry4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.TestReceiver;

/** What {@code sendDefaultPii} decides beyond the JVM arguments: the user's IP address as {@code {{auto}}}. */
class SendDefaultPiiTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @AfterEach
    void stop() {
        Sentry.close();
    }

    @Test
    void offSendsNoIpAddress() {
        JsonObject[] events = capture(false);
        assertThat(events[0].has("user")).as("no user set").isFalse();
        assertThat(events[1].getAsJsonObject("user").has("ip_address")).isFalse();
    }

    @Test
    void onAsksSentryForTheIpAddressOfUsersWithoutOne() {
        JsonObject[] events = capture(true);
        assertThat(events[0].getAsJsonObject("user").get("ip_address").getAsString()).isEqualTo("{{auto}}");
        JsonObject user = events[1].getAsJsonObject("user");
        assertThat(user.get("id").getAsString()).isEqualTo("u-17");
        assertThat(user.get("ip_address").getAsString()).isEqualTo("{{auto}}");
        assertThat(events[2].getAsJsonObject("user").get("ip_address").getAsString()).isEqualTo("10.1.2.3");
    }

    private static JsonObject[] capture(boolean sendDefaultPii) {
        try (TestReceiver receiver = TestReceiver.start()) {
            Sentry.init(o -> o.dsn(receiver.dsn()).ambientSources(false).defaultIntegrations(false)
                    .serverName("box").sendDefaultPii(sendDefaultPii));
            String[] ids = new String[3];
            ids[0] = Sentry.captureMessage("no user");
            Sentry.withScope(scope -> {
                scope.setUser(User.ofId("u-17"));
                ids[1] = Sentry.captureMessage("a user without an address");
                scope.setUser(User.builder().id("u-18").ipAddress("10.1.2.3").build());
                ids[2] = Sentry.captureMessage("a user with an address");
            });
            JsonObject[] events = new JsonObject[3];
            for (int i = 0; i < 3; i++) {
                String id = ids[i];
                events[i] = receiver.awaitEvent(e -> id.equals(e.eventString("event_id")), WAIT).event();
                EventSchema.assertValid(events[i]);
            }
            return events;
        }
    }
}
