package org.sentry4j.jul;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.ErrorManager;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sentry4j.Sentry;
import org.sentry4j.internal.config.AmbientSettings;
import org.sentry4j.testkit.TestReceiver;

/**
 * A loopback receiver, no ambient Sentry settings, and a JUL logger of its own (level ALL, no parent
 * handlers) with a {@link SentryHandler} made from properties as {@code logging.properties} gives them;
 * what the handler reports to its ErrorManager is kept. Closed after each test.
 */
final class JulFixture implements AutoCloseable {
    private static final AtomicInteger LOGGERS = new AtomicInteger();

    final TestReceiver receiver = TestReceiver.start();
    final List<String> reported = new CopyOnWriteArrayList<>();
    final ErrorManager errors = new ErrorManager() {
        @Override
        public void error(String msg, Exception ex, int code) {
            reported.add(msg);
        }
    };
    private final Logger logger = Logger.getLogger("test.jul" + LOGGERS.incrementAndGet());
    private SentryHandler handler;

    JulFixture() {
        AmbientSettings.overrideForTesting(Map.of());
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.ALL);
    }

    /**
     * A handler on the fixture's logger, from {@code properties} named without the
     * {@code org.sentry4j.jul.SentryHandler.} prefix; the receiver's DSN and defaultIntegrations=false
     * unless given.
     */
    SentryHandler start(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>();
        all.put("dsn", receiver.dsn());
        all.put("defaultIntegrations", "false");
        all.putAll(properties);
        Map<String, String> prefixed = new HashMap<>();
        all.forEach((k, v) -> prefixed.put(Settings.PREFIX + k, v));
        return attach(new SentryHandler(Settings.read(prefixed::get), errors));
    }

    SentryHandler start() {
        return start(Map.of());
    }

    SentryHandler attach(SentryHandler h) {
        handler = h;
        logger.addHandler(h);
        return h;
    }

    Logger logger() {
        return logger;
    }

    SentryHandler handler() {
        return handler;
    }

    @Override
    public void close() {
        if (handler != null) {
            logger.removeHandler(handler);
            handler.close();
        }
        Sentry.close();
        AmbientSettings.overrideForTesting(null);
        receiver.close();
    }
}
