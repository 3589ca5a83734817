package org.sentry4j.jul;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.sentry4j.logging.LogLevel;

/**
 * What the front-end reads of a JUL record: its level on the common scale (the records' own level,
 * which structured logs carry: trace included), its template and parameters.
 */
class JulEventsTest {
    @Test
    void levelsKeepTheirBandOnTheCommonScaleFinerAndFinestAsTrace() {
        assertThat(JulEvents.level(Level.SEVERE.intValue())).isEqualTo(LogLevel.ERROR);
        assertThat(JulEvents.level(Level.WARNING.intValue())).isEqualTo(LogLevel.WARN);
        assertThat(JulEvents.level(Level.INFO.intValue())).isEqualTo(LogLevel.INFO);
        assertThat(JulEvents.level(Level.CONFIG.intValue())).isEqualTo(LogLevel.DEBUG);
        assertThat(JulEvents.level(Level.FINE.intValue())).isEqualTo(LogLevel.DEBUG);
        assertThat(JulEvents.level(Level.FINER.intValue())).isEqualTo(LogLevel.TRACE);
        assertThat(JulEvents.level(Level.FINEST.intValue())).isEqualTo(LogLevel.TRACE);
        assertThat(JulEvents.threshold(Level.OFF)).isNull();
        assertThat(JulEvents.threshold(Level.ALL)).isEqualTo(LogLevel.TRACE);
    }

    @Test
    void aRecordKeepsItsTemplateAndParametersAsTextAndTheFormattedMessage() {
        LogRecord record = new LogRecord(Level.FINEST, "order {0} failed after {1} tries");
        record.setParameters(new Object[] {"A-7", 3});
        org.sentry4j.logging.LogRecord.Builder out = org.sentry4j.logging.LogRecord.builder().level(LogLevel.TRACE);

        new JulEvents(false).snapshot(record, out, false);

        org.sentry4j.logging.LogRecord snapshot = out.build();
        assertThat(snapshot.formattedMessage()).isEqualTo("order A-7 failed after 3 tries");
        assertThat(snapshot.template()).isEqualTo("order {0} failed after {1} tries");
        assertThat(snapshot.params()).containsExactly("A-7", "3");
        assertThat(snapshot.logLevel()).isEqualTo(LogLevel.TRACE);
        assertThat(snapshot.keyValues()).containsEntry(JulEvents.SEQUENCE, record.getSequenceNumber());
    }

    @Test
    void theHandlersRecordsSayTheyCameFromJul() {
        try (JulFixture fixture = new JulFixture()) {
            assertThat(fixture.start().origin()).isEqualTo("auto.log.jul");
        }
    }
}
