package org.sentry4j.jul;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The message as the running JDK's own {@link java.util.logging.Formatter#formatMessage} makes it. */
class JulMessageTest {
    private static final Object[] PARAMETERS = {12345, "ann", null, new Date(0), 2.5};

    private static String ours(LogRecord record) {
        String message = JulMessage.localized(record);
        Object[] parameters = record.getParameters();
        return parameters != null && parameters.length > 0 && JulMessage.isPattern(message)
                ? JulMessage.format(message, parameters) : message;
    }

    @ParameterizedTest
    @ValueSource(strings = {"{0} and {1}", "only {4}", "{9} beyond", "no pattern {x}", "quoted '{0}' and {1}",
            "{1,number,#.00}", "{0,number,integer} items", "broken {0", "ends with {", "{", "", "{3,date,yyyy}",
            "{0}{1}{2}{3}{4}", "{ 0}", "'{0}'"})
    void formatsAsTheJdksFormatter(String message) {
        for (Object[] parameters : new Object[][] {PARAMETERS, null, {}}) {
            LogRecord record = new LogRecord(Level.SEVERE, message);
            record.setParameters(parameters);
            assertThat(ours(record)).as(message).isEqualTo(new SimpleFormatter().formatMessage(record));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"order.failed", "cart.opened", "not.a.key"})
    void localizesAsTheJdksFormatter(String key) {
        LogRecord record = new LogRecord(Level.SEVERE, key);
        record.setResourceBundle(ResourceBundle.getBundle(TestMessages.class.getName()));
        record.setParameters(new Object[] {"A-7", 3});
        assertThat(ours(record)).isEqualTo(new SimpleFormatter().formatMessage(record));
    }
}
