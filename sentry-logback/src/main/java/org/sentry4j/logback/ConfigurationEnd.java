package org.sentry4j.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.ConfigurationEvent;
import ch.qos.logback.core.spi.ConfigurationEventListener;

/**
 * Tells {@link ParkedLeases} that a (re)configuration ended. Its own class, touched only through
 * {@link #listen}: Logback before 1.3.6 has no configuration events, and a class naming them would
 * not load there. The event's name is compared, not its constant: Logback 1.5.7 renamed
 * {@code CONFIGURATION_ENDED} to {@code CONFIGURATION_ENDED_SUCCESSFULLY}.
 */
final class ConfigurationEnd implements ConfigurationEventListener {
    private final ParkedLeases leases;

    private ConfigurationEnd(ParkedLeases leases) {
        this.leases = leases;
    }

    /**
     * Registers a listener on {@code context}; returns what unregisters it. Throws a
     * {@link LinkageError} where Logback lacks configuration events (this class does not load there).
     */
    static Runnable listen(LoggerContext context, ParkedLeases leases) {
        ConfigurationEnd listener = new ConfigurationEnd(leases);
        context.addConfigurationEventListener(listener);
        return () -> {
            try {
                context.removeConfigurationEventListener(listener);
            } catch (RuntimeException | LinkageError e) { // NOPMD: the context is stopping anyway
                // nothing to undo
            }
        };
    }

    @Override
    public void listen(ConfigurationEvent event) {
        try {
            String type = event.getEventType().name();
            if (type.equals("CONFIGURATION_ENDED_SUCCESSFULLY") || type.equals("CONFIGURATION_ENDED")) {
                leases.closeAll();
            }
        } catch (RuntimeException | LinkageError e) { // NOPMD: never fail Logback's configuration
            // the hold stays parked until the context stops
        }
    }
}
