package org.sentry4j.spring.boot;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.sentry4j.Sentry;
import org.sentry4j.transport.DiscardReason;

/**
 * {@link Sentry#transportStats()} as Micrometer meters: gauges {@code sentry4j.transport.queued}
 * (envelopes in memory), {@code sentry4j.transport.spooled} (on disk) and {@code sentry4j.transport.failing}
 * (1 while the server fails), counters {@code sentry4j.transport.sent} (envelopes) and
 * {@code sentry4j.transport.dropped} (items, tag {@code reason} as in Sentry's client reports). The
 * counters start again from zero when the SDK is restarted.
 */
public final class SentryMeters implements MeterBinder {
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("sentry4j.transport.queued", this, m -> Sentry.transportStats().queued())
                .description("Envelopes waiting in memory to be sent to Sentry")
                .register(registry);
        Gauge.builder("sentry4j.transport.spooled", this, m -> Sentry.transportStats().spooled())
                .description("Envelopes waiting in the disk spool")
                .register(registry);
        Gauge.builder("sentry4j.transport.failing", this, m -> Sentry.transportStats().failingSince() == null ? 0 : 1)
                .description("1 while the Sentry server has been failing, else 0")
                .register(registry);
        FunctionCounter.builder("sentry4j.transport.sent", this, m -> Sentry.transportStats().sent())
                .description("Envelopes Sentry accepted")
                .register(registry);
        for (DiscardReason reason : DiscardReason.values()) {
            String name = reason.wireName();
            FunctionCounter.builder("sentry4j.transport.dropped", this,
                            m -> Sentry.transportStats().dropped().getOrDefault(name, 0L))
                    .description("Items not delivered, by the reason Sentry's client reports give")
                    .tag("reason", name)
                    .register(registry);
        }
    }
}
