package org.sentry4j.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.status.InfoStatus;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sentry4j.ClientLease;

/**
 * The client leases of a {@link LoggerContext}'s stopped Sentry appenders, held across a reset.
 *
 * <p>Logback stops every appender alike on {@code LoggerContext.reset()} (a reconfiguration:
 * {@code scan="true"}, or reset then configure) and on {@code LoggerContext.stop()}, and says which it
 * was only after the appenders stopped. Were a stopped appender to give up its lease, a client that
 * appenders started would close between the old configuration and the new one: its scope (user, tags,
 * breadcrumbs) lost, and the new appender starting another. So a stopped appender parks its lease here,
 * and it goes when the next holder is known:
 * <ul>
 *   <li>a new Sentry appender of the context has started, so holds the client itself: released at once
 *       (nothing closes);</li>
 *   <li>a configuration ended without one, or the context stops: released with what its appender's
 *       stop left of the shutdown timeout (one budget for the stop's flush and the close), so the last
 *       release of a client the appenders started flushes and closes it.</li>
 * </ul>
 * A reset that no configuration follows keeps the client until one does or the context stops.
 * Reset-resistant, so it outlives the resets it bridges; one per context.
 *
 * <p>The end of a configuration is heard through {@link ConfigurationEnd}, where Logback has
 * configuration events (1.3.6 and later); on older versions a parked hold waits for the context's stop.
 */
final class ParkedLeases implements LoggerContextListener {
    /** Each with what its appender's stop left of the shutdown timeout, for releasing it. */
    private final List<Map.Entry<ClientLease, Duration>> parked = new ArrayList<>();
    /** Unregisters what hears a configuration's end; does nothing where Logback has no such events. */
    private Runnable configurationEnd = () -> { };

    private ParkedLeases() {
    }

    /** The context's instance, registered as its listener on first use. */
    static ParkedLeases of(LoggerContext context) {
        synchronized (ParkedLeases.class) {
            for (LoggerContextListener listener : context.getCopyOfListenerList()) {
                if (listener instanceof ParkedLeases) {
                    return (ParkedLeases) listener;
                }
            }
            ParkedLeases created = new ParkedLeases();
            context.addListener(created);
            try {
                created.configurationEnd = ConfigurationEnd.listen(context, created);
            } catch (LinkageError e) { // Logback before 1.3.6: no configuration events
                context.getStatusManager().add(new InfoStatus("Sentry appender: this Logback has no"
                        + " configuration events (1.3.6 and later have them); after a reconfiguration without a"
                        + " Sentry appender, the Sentry client is closed when the LoggerContext stops", created));
            }
            return created;
        }
    }

    /**
     * {@code left}: what the stop's flush left of the shutdown timeout, the most the release may take;
     * null when the stop flushed nothing (the release gets the whole shutdown timeout).
     */
    synchronized void park(ClientLease lease, Duration left) {
        parked.add(new AbstractMap.SimpleImmutableEntry<>(lease, left)); // Map.entry takes no null
    }

    /** A new appender holds the client: the parked holds go without closing or waiting for anything. */
    void releaseHeld() {
        for (Map.Entry<ClientLease, Duration> held : takeAll()) {
            held.getKey().release(Duration.ZERO);
        }
    }

    @Override
    public void onStop(LoggerContext stopped) {
        closeAll();
        configurationEnd.run();
    }

    /** Left only if the configuration that just ended has no Sentry appender that started. */
    void closeAll() {
        for (Map.Entry<ClientLease, Duration> held : takeAll()) {
            release(held.getKey(), held.getValue());
        }
    }

    /** Releases within {@code left}, or with the shutdown timeout when null. */
    static void release(ClientLease lease, Duration left) {
        if (left == null) {
            lease.close();
        } else {
            lease.release(left);
        }
    }

    private synchronized List<Map.Entry<ClientLease, Duration>> takeAll() {
        List<Map.Entry<ClientLease, Duration>> taken = new ArrayList<>(parked);
        parked.clear();
        return taken;
    }

    @Override
    public boolean isResetResistant() {
        return true;
    }

    @Override
    public void onStart(LoggerContext started) {
        // nothing held yet
    }

    @Override
    public void onReset(LoggerContext reset) {
        // a configuration usually follows; see listen
    }

    @Override
    public void onLevelChange(Logger logger, Level level) {
        // levels are the appenders' business
    }
}
