package org.sentry4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.internal.config.AmbientSettings;
import org.sentry4j.testkit.EventSchema;
import org.sentry4j.testkit.TestReceiver;

/** Ambient sources against each other and against explicit settings: tags per key, empty values. */
class AmbientSettingsTest {
    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        AmbientSettings.overrideForTesting(null);
    }

    private void ambient(Properties sys, Map<String, String> env) {
        AmbientSettings.overrideForTesting(sys, env, null, dir);
    }

    private static Properties sys(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    @Test
    void tagSetInCodeBeatsTheEnvironmentsTagsList() {
        ambient(sys(), Map.of("SENTRY_TAGS", "team=x, region=eu"));
        SentryOptions o = SentryOptions.builder().tag("team", "pay").build();
        assertThat(o.tags()).containsExactlyInAnyOrderEntriesOf(Map.of("team", "pay", "region", "eu"));
    }

    @Test
    void tagsSetAsTextLikeAnAppenderBeatTheEnvironmentsTagsList() {
        ambient(sys(), Map.of("SENTRY_TAGS", "team=x,region=eu,tier=free"));
        SentryOptions o = SentryOptions.builder().set("tags", "team=pay").set("tags.tier", "gold").build();
        assertThat(o.tags()).containsExactlyInAnyOrderEntriesOf(Map.of("team", "pay", "region", "eu", "tier", "gold"));
    }

    @Test
    void systemPropertyTagBeatsTheEnvironmentsTagsListPerKey() {
        ambient(sys("sentry.tags.team", "a"), Map.of("SENTRY_TAGS", "team=b,zone=z"));
        assertThat(SentryOptions.builder().build().tags())
                .containsExactlyInAnyOrderEntriesOf(Map.of("team", "a", "zone", "z"));

        ambient(sys("sentry.tags", "team=a"), Map.of("SENTRY_TAGS", "team=b,zone=z"));
        assertThat(SentryOptions.builder().build().tags())
                .as("two lists merge per key, the stronger source's value kept")
                .containsExactlyInAnyOrderEntriesOf(Map.of("team", "a", "zone", "z"));

        ambient(sys("sentry.tags", "team=a"), Map.of());
        assertThat(SentryOptions.builder().tag("zone", "code").build().tags())
                .as("a list with no explicit rival for its key is applied")
                .containsExactlyInAnyOrderEntriesOf(Map.of("team", "a", "zone", "code"));
    }

    @Test
    void environmentsTagsListBeatsThePropertiesFilePerKey() throws Exception {
        Files.writeString(dir.resolve("sentry.properties"), "tags.team=f\ntags=owner=o,zone=f\n");
        ambient(sys(), Map.of("SENTRY_TAGS", "team=b,zone=b"));
        assertThat(SentryOptions.builder().build().tags())
                .containsExactlyInAnyOrderEntriesOf(Map.of("team", "b", "zone", "b", "owner", "o"));
    }

    @Test
    void emptyTagValueInAListCountsAsUnset() throws Exception {
        Files.writeString(dir.resolve("sentry.properties"), "tags.team=f\n");
        ambient(sys("sentry.tags.zone", ""), Map.of("SENTRY_TAGS", "team=,zone=b"));
        assertThat(SentryOptions.builder().build().tags())
                .containsExactlyInAnyOrderEntriesOf(Map.of("team", "f", "zone", "b"));
    }

    @Test
    void threadPriorityComesFromEveryAmbientSourceAndCodeBeatsThem() throws Exception {
        Files.writeString(dir.resolve("sentry.properties"), "thread-priority=3\n");
        ambient(sys(), Map.of());
        assertThat(SentryOptions.builder().build().threadPriority()).isEqualTo(3);

        ambient(sys(), Map.of("SENTRY_THREAD_PRIORITY", "4"));
        assertThat(SentryOptions.builder().build().threadPriority()).isEqualTo(4);

        ambient(sys("sentry.thread-priority", "6"), Map.of("SENTRY_THREAD_PRIORITY", "4"));
        assertThat(SentryOptions.builder().build().threadPriority()).isEqualTo(6);
        assertThat(SentryOptions.builder().threadPriority(7).build().threadPriority()).isEqualTo(7);

        ambient(sys(), Map.of("SENTRY_THREAD_PRIORITY", "11"));
        SentryOptions fellBack = SentryOptions.builder().build();
        assertThat(fellBack.threadPriority()).as("the default").isEqualTo(1);
        assertThat(fellBack.problems()).singleElement().asString()
                .contains("thread-priority").contains("11").contains("the default 1 is used");
    }

    @Test
    void malformedTagsListFailsNamingItsSource() {
        ambient(sys(), Map.of("SENTRY_TAGS", "team"));
        assertThatThrownBy(() -> SentryOptions.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tags").hasMessageContaining("environment variable SENTRY_TAGS");
    }

    @Test
    void emptyAmbientValuesCountAsUnset() throws Exception {
        ambient(sys(), Map.of("SENTRY_DEBUG", "", "SENTRY_RELEASE", "", "SENTRY_SAMPLE_RATE", " "));
        SentryOptions o = SentryOptions.builder().build();
        assertThat(o.debug()).isFalse();
        assertThat(o.release()).isNull();
        assertThat(o.sampleRate()).isEqualTo(1.0);

        Files.writeString(dir.resolve("sentry.properties"), "release=from-file\ndebug=\n");
        ambient(sys("sentry.release", ""), Map.of("SENTRY_RELEASE", ""));
        assertThat(SentryOptions.builder().build().release())
                .as("an empty value leaves the setting to the next source").isEqualTo("from-file");
    }

    @Test
    void emptyEnvironmentValuesStayOffTheEvent() {
        try (TestReceiver receiver = TestReceiver.start()) {
            ambient(sys(), Map.of("SENTRY_DSN", receiver.dsn(), "SENTRY_RELEASE", "", "SENTRY_DEBUG", "",
                    "SENTRY_TAGS", "team=x,region=eu", "SENTRY_DEFAULT_INTEGRATIONS", "false"));
            Sentry.init(o -> o.tag("team", "pay"));
            try {
                Sentry.captureMessage("configured from the environment");
                JsonObject event = receiver.awaitEnvelopes(1, Duration.ofSeconds(10)).get(0).event();
                EventSchema.assertValid(event);
                assertThat(event.has("release")).isFalse();
                assertThat(event.getAsJsonObject("tags").get("team").getAsString()).isEqualTo("pay");
                assertThat(event.getAsJsonObject("tags").get("region").getAsString()).isEqualTo("eu");
            } finally {
                Sentry.close();
            }
        }
    }

    @Test
    void missingNamedPropertiesFileIsANoteAndTheWorkingDirectoryFileStillApplies() throws Exception {
        Files.writeString(dir.resolve("sentry.properties"), "release=working-dir\n");
        Path missing = dir.resolve("missing.properties");
        List<String> notes = new ArrayList<>();
        Map<String, AmbientSettings.Value> resolved = AmbientSettings.resolve(
                sys("sentry.properties.file", missing.toString()), Map.of(), null, dir, notes::add);
        assertThat(resolved.get("release").text()).isEqualTo("working-dir");
        assertThat(notes).singleElement().asString()
                .contains("-Dsentry.properties.file").contains(missing.toString());

        notes.clear();
        AmbientSettings.resolve(sys(), Map.of(), null, dir, notes::add);
        assertThat(notes).as("nothing named, nothing to say").isEmpty();
    }

    @Test
    void notesAreSaidOnStderrOnlyWhenDebugIsOn() {
        Path missing = dir.resolve("missing.properties");
        ambient(sys("sentry.properties.file", missing.toString()), Map.of());
        assertThat(stderrOf(() -> SentryOptions.builder().debug(false).build())).doesNotContain(missing.toString());
        assertThat(stderrOf(() -> SentryOptions.builder().debug(true).build()))
                .contains("[sentry4j]").contains(missing.toString());
    }

    private static String stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
