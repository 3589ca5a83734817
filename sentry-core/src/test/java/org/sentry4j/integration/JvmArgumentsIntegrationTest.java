package org.sentry4j.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sentry4j.Hint;
import org.sentry4j.Sentry;
import org.sentry4j.SentryEvent;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.TestReceiver;

class JvmArgumentsIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @AfterEach
    void stop() {
        Sentry.close();
    }

    @Test
    void secretLookingValuesAreRedacted() {
        List<String> args = List.of("-Xmx512m", "-Ddb.password=hunter2", "-Dsentry.dsn=https://k@o1.ingest.sentry.io/2",
                "-Djavax.net.ssl.keyStorePassword=changeit", "-Dapp.apiKey=abc", "-Duser.timezone=UTC",
                "--token", "t0k3n", "--verbose", "--client-secret=xyz", "--db=jdbc:postgresql://app:pw@db:5432/shop",
                "-agentlib:jdwp=transport=dt_socket,server=y");

        assertThat(JvmArgumentsIntegration.redact(args)).containsExactly("-Xmx512m", "-Ddb.password=***",
                "-Dsentry.dsn=***", "-Djavax.net.ssl.keyStorePassword=***", "-Dapp.apiKey=***", "-Duser.timezone=UTC",
                "--token", "***", "--verbose", "--client-secret=***", "--db=jdbc:postgresql://***@db:5432/shop",
                "-agentlib:jdwp=transport=dt_socket,server=y");
    }

    @Test
    void withoutSendDefaultPiiOnlyOptionNamesAreSent() {
        assertThat(JvmArgumentsIntegration.names(List.of("-Xmx1g", "-Dfoo.password=hunter2", "-XX:+UseG1GC",
                "-XX:HeapDumpPath=/home/alice/dumps", "-javaagent:/home/alice/agent.jar=opts", "--token:t0k3n",
                "-p", "pw", "positional")))
                .containsExactly("-Xmx1g", "-Dfoo.password", "-XX:+UseG1GC", "-XX:HeapDumpPath", "-javaagent",
                        "--token", "-p");
        assertThat(JvmArgumentsIntegration.commandNames(List.of("/home/alice/shop.jar", "--port", "8080")))
                .containsExactly("shop.jar", "--port");
    }

    @Test
    void valuesInsideValuesAreScrubbed() {
        assertThat(JvmArgumentsIntegration.redact(List.of(
                "-Durl=jdbc:postgresql://db/app?user=admin&password=s3cret&ssl=true",
                "-Djaas=LoginModule required username=\"alice\" password=\"s3cret\";",
                "-Dapp.pass=s3cret", "-Dpin=1234", "-Dpw=s3cret", "-Dpassphrase=s3cret", "-Dkeystore.pass=s3cret",
                "-p", "s3cret", "--token:s3cret", "-Dmapping=kept")))
                .containsExactly("-Durl=jdbc:postgresql://db/app?user=admin&password=***&ssl=true",
                        "-Djaas=LoginModule required username=\"alice\" password=\"***\";",
                        "-Dapp.pass=***", "-Dpin=***", "-Dpw=***", "-Dpassphrase=***", "-Dkeystore.pass=***",
                        "-p", "***", "--token:***", "-Dmapping=kept");
    }

    @Test
    void eventsCarryOptionNamesOnlyByDefault() {
        JsonObject extra = send(false);
        assertThat(extra.get("main_command").getAsString()).isEqualTo("com.acme.Shop --port --api-token");
        assertThat(extra.getAsJsonArray("jvm_arguments").toString())
                .isEqualTo("[\"-Xmx1g\",\"-Dfoo.password\",\"-Dsentry.dsn\"]");
    }

    @Test
    void eventsCarryRedactedValuesWithSendDefaultPii() {
        JsonObject extra = send(true);
        assertThat(extra.get("main_command").getAsString()).isEqualTo("com.acme.Shop --port 8080 --api-token ***");
        assertThat(extra.getAsJsonArray("jvm_arguments").toString())
                .isEqualTo("[\"-Xmx1g\",\"-Dfoo.password=***\",\"-Dsentry.dsn=***\"]");
    }

    private static JsonObject send(boolean sendDefaultPii) {
        try (TestReceiver receiver = TestReceiver.start()) {
            JvmArgumentsIntegration integration = new JvmArgumentsIntegration(
                    () -> "com.acme.Shop --port 8080 --api-token s3cr3t",
                    () -> List.of("-Xmx1g", "-Dfoo.password=hunter2", "-Dsentry.dsn=https://key@o1.ingest.sentry.io/2"));
            Sentry.init(o -> o.dsn(receiver.dsn()).ambientSources(false).defaultIntegrations(false)
                    .serverName("box").sendDefaultPii(sendDefaultPii).addIntegration(integration));

            String id = Sentry.captureMessage("how was I started");

            JsonObject event = receiver.awaitEvent(e -> id.equals(e.eventString("event_id")), WAIT).event();
            EventSchema.assertValid(event);
            assertThat(event.toString()).doesNotContain("hunter2", "s3cr3t", "key@");
            return event.getAsJsonObject("extra");
        }
    }

    @Test
    void thisJvmsOwnCommandAndArgumentsAreRead() {
        JvmArgumentsIntegration integration = new JvmArgumentsIntegration();
        SentryEvent event = integration.process(new SentryEvent(), Hint.empty());

        String command = System.getProperty("sun.java.command");
        assertThat(event.getExtra().get("main_command"))
                .isEqualTo(String.join(" ", JvmArgumentsIntegration.commandNames(List.of(command.trim().split("\\s+")))));
        List<String> arguments = JvmArgumentsIntegration.names(ManagementFactory.getRuntimeMXBean().getInputArguments());
        assertThat(event.getExtra().get("jvm_arguments")).isEqualTo(arguments.isEmpty() ? null : arguments);
    }

    @Test
    void valuesTheApplicationSetWin() {
        SentryEvent event = new SentryEvent();
        event.setExtra("main_command", "mine");

        new JvmArgumentsIntegration(() -> "theirs", List::of).process(event, Hint.empty());

        assertThat(event.getExtra()).containsExactly(java.util.Map.entry("main_command", "mine"));
    }
}
