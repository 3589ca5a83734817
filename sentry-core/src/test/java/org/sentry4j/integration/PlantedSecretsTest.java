package org.sentry4j.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sentry4j.Sentry;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.ReceivedEnvelope;
import org.sentry4j.testkit.TestReceiver;

/**
 * A real JVM started with 23 secrets in its JVM and program arguments (and a DSN with a secret) sends
 * none of them, in any byte of any envelope, nor prints one with {@code debug} on: with
 * {@code sendDefaultPii} off (names only) and on (values, scrubbed).
 */
class PlantedSecretsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String DSN_SECRET = "DsnS3cretValue";

    /** JVM arguments; each secret value is {@code S3cretNN}. */
    private static final List<String> JVM_ARGUMENTS = List.of(
            "-Dspring.datasource.url=jdbc:postgresql://db/app?user=admin&password=S3cret01",
            "-Dsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required"
                    + " username=\"alice\" password=\"S3cret02\";",
            "-Dapp.pass=S3cret03",
            "-Dpassphrase=S3cret04",
            "-Dkeystore.pass=S3cret05",
            "-Dpin=S3cret06",
            "-Dpw=S3cret07",
            "-Ddb.password=S3cret08",
            "-Djavax.net.ssl.keyStorePassword=S3cret09",
            "-Dapp.apiKey=S3cret10",
            "-Dgithub.token=S3cret11",
            "-Dclient.secret=S3cret12",
            "-Dproxy.url=http://bob:S3cret13@proxy:3128",
            "-Daws.credentials=S3cret14",
            "-Dauth.header=Bearer_S3cret15",
            "-Dredis.uri=redis://:S3cret16@cache:6379/0",
            "-Dconfig=mode=fast,token=S3cret17",
            "-Doracle.url=jdbc:oracle:thin:scott/S3cret18@db:1521/ORCL",
            "-Dservice.url=https://api.example.com/v1?region=eu&access_token=S3cret19");
    /** Program arguments. */
    private static final List<String> PROGRAM_ARGUMENTS = List.of(
            "-p", "S3cret20", "--token:S3cret21", "--password", "S3cret22", "--api-key=S3cret23");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "sendDefaultPii={0}")
    @ValueSource(booleans = {false, true})
    void noPlantedSecretLeavesTheProcess(boolean sendDefaultPii) throws Exception {
        try (TestReceiver receiver = TestReceiver.start()) {
            String dsn = "http://public:" + DSN_SECRET + "@127.0.0.1:" + receiver.port() + "/42";
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto"));
            command.addAll(JVM_ARGUMENTS);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Application.class.getName(),
                    String.valueOf(sendDefaultPii)));
            command.addAll(PROGRAM_ARGUMENTS);
            File log = dir.resolve("child.log").toFile();
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
            builder.environment().put("SENTRY_DSN", dsn);
            Process child = builder.start();
            try {
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exited").isTrue();
            } finally {
                child.destroyForcibly();
            }
            String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
            assertThat(child.exitValue()).as(output).isZero();
            assertThat(output).as("debug output").contains("[sentry4j]");

            JsonObject event = receiver.awaitEvent(e -> e.event() != null
                    && e.event().getAsJsonObject("extra").has("jvm_arguments"), WAIT).event();
            EventSchema.assertValid(event);
            JsonObject extra = event.getAsJsonObject("extra");
            String arguments = extra.getAsJsonArray("jvm_arguments").toString();
            String mainCommand = extra.get("main_command").getAsString();
            if (sendDefaultPii) { // values kept where they are not secret
                assertThat(arguments).contains("user=admin", "-Dpin=***", "-Dconfig=mode=fast,token=***");
                assertThat(mainCommand).endsWith("true -p *** --token:*** --password *** --api-key=***");
            } else { // names only
                assertThat(arguments).contains("\"-Dspring.datasource.url\"", "\"-Dpin\"")
                        .doesNotContain("admin", "=");
                assertThat(mainCommand).isEqualTo(Application.class.getName() + " -p --token --password --api-key");
            }
            Sentry.close(); // nothing of this JVM's own
            StringBuilder sent = new StringBuilder();
            for (ReceivedEnvelope envelope : receiver.envelopes()) {
                sent.append(new String(envelope.body(), StandardCharsets.UTF_8));
                sent.append(envelope.path()).append(envelope.requestHeader("X-Sentry-Auth"));
            }
            for (int i = 1; i <= 23; i++) {
                String secret = String.format("S3cret%02d", i);
                assertThat(sent.toString()).as("sent").doesNotContain(secret);
                assertThat(output).as("printed").doesNotContain(secret);
            }
            assertThat(sent.toString()).doesNotContain(DSN_SECRET);
            assertThat(output).doesNotContain(DSN_SECRET);
        }
    }

    /** Run in the child JVM: init with debug on, capture, close. */
    static final class Application {
        public static void main(String[] args) {
            Sentry.init(o -> o.debug(true).serverName("child").sendDefaultPii(Boolean.parseBoolean(args[0]))
                    .shutdownTimeout(Duration.ofSeconds(20)));
            Sentry.captureMessage("how was I started");
            Sentry.close();
        }
    }
}
