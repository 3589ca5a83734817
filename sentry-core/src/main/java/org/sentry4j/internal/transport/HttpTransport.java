package org.sentry4j.internal.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.GZIPOutputStream;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.sentry4j.SentryOptions;
import org.sentry4j.internal.Diagnostics;
import org.sentry4j.internal.SdkInfo;
import org.sentry4j.internal.SdkThread;
import org.sentry4j.transport.DiscardReason;
import org.sentry4j.transport.Dsn;
import org.sentry4j.transport.Envelope;
import org.sentry4j.transport.EnvelopeItem;
import org.sentry4j.transport.Transport;
import org.sentry4j.transport.TransportStats;

/**
 * Sends envelopes over HTTP with Apache HttpClient 5: one kept-alive pooled connection, gzip, the
 * {@code X-Sentry-Auth} header. A bounded queue decouples {@link #send} from the network; one daemon
 * thread drains it.
 */
public final class HttpTransport implements Transport {
    private final Dsn dsn;
    private final SentryOptions options;
    private final Diagnostics diagnostics;
    private final ClientReports reports;
    private final BlockingQueue<Envelope> queue;
    private final CloseableHttpClient http;
    private final Thread sender;
    private final String auth;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private volatile Instant failingSince;
    private volatile boolean running = true;

    public HttpTransport(SentryOptions options, Diagnostics diagnostics) {
        this.options = options;
        this.dsn = options.parsedDsn();
        this.diagnostics = diagnostics;
        this.reports = new ClientReports(options.clock(), options.sendClientReports());
        this.queue = new ArrayBlockingQueue<>(options.maxQueueSize());
        this.auth = "Sentry sentry_version=7,sentry_client=" + SdkInfo.CLIENT + ",sentry_key=" + dsn.publicKey()
                + (dsn.secretKey() == null ? "" : ",sentry_secret=" + dsn.secretKey());
        this.http = buildClient(options);
        this.sender = new SdkThread("sender", this::loop);
        this.sender.start();
    }

    private static CloseableHttpClient buildClient(SentryOptions options) {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(options.connectTimeout()))
                        .setSocketTimeout(Timeout.of(options.readTimeout()))
                        .build())
                .setMaxConnTotal(2)
                .setMaxConnPerRoute(2)
                .build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(options.readTimeout()))
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent(SdkInfo.CLIENT);
        SentryOptions.Proxy proxy = options.proxy();
        if (proxy != null) {
            HttpHost host = new HttpHost(proxy.host(), proxy.port());
            builder.setProxy(host);
            if (proxy.user() != null) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(new AuthScope(host),
                        new UsernamePasswordCredentials(proxy.user(),
                                proxy.password() == null ? new char[0] : proxy.password().toCharArray()));
                builder.setDefaultCredentialsProvider(credentials);
            }
        } else {
            builder.useSystemProperties();
        }
        return builder.build();
    }

    @Override
    public void send(Envelope envelope) {
        if (!running) {
            reports.record(DiscardReason.QUEUE_OVERFLOW, category(envelope), 1);
            return;
        }
        accepted.incrementAndGet();
        if (!queue.offer(envelope)) {
            done.incrementAndGet();
            reports.record(DiscardReason.QUEUE_OVERFLOW, category(envelope), 1);
            diagnostics.throttled("transport.full", Duration.ofMinutes(1), "send queue full; dropping envelopes");
        }
    }

    @Override
    public void recordDiscard(DiscardReason reason, String category, long quantity) {
        reports.record(reason, category, quantity);
    }

    private void loop() {
        while (running || !queue.isEmpty()) {
            Envelope next;
            try {
                next = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
                continue;
            }
            if (next == null) {
                continue;
            }
            try {
                deliver(next);
            } catch (RuntimeException e) {
                diagnostics.debug("unexpected failure sending an envelope", e);
            } finally {
                done.incrementAndGet();
            }
        }
    }

    private void deliver(Envelope envelope) {
        EnvelopeItem report = reports.drain();
        if (report != null) {
            List<EnvelopeItem> items = new ArrayList<>(envelope.items());
            items.add(report);
            envelope = envelope.withItems(items);
        }
        HttpPost post = new HttpPost(dsn.envelopeUri());
        post.setHeader("X-Sentry-Auth", auth);
        post.setHeader("Content-Encoding", "gzip");
        post.setEntity(new ByteArrayEntity(gzip(envelope.toBytes(options.clock().instant())),
                ContentType.create("application/x-sentry-envelope")));
        try {
            int status = http.execute(post, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
            if (status >= 200 && status < 300) {
                sent.incrementAndGet();
                failingSince = null;
            } else {
                markFailing();
                reports.record(DiscardReason.SEND_ERROR, category(envelope), 1);
                diagnostics.debug("server answered " + status + "; envelope dropped");
            }
        } catch (IOException e) {
            markFailing();
            reports.record(DiscardReason.NETWORK_ERROR, category(envelope), 1);
            diagnostics.throttled("transport.io", Duration.ofMinutes(1), "cannot reach Sentry: " + e);
        }
    }

    private void markFailing() {
        if (failingSince == null) {
            failingSince = options.clock().instant();
        }
    }

    private static String category(Envelope envelope) {
        return envelope.items().isEmpty() ? "default" : envelope.items().get(0).category();
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
            gz.write(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    @Override
    public boolean flush(Duration timeout) {
        long target = accepted.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (done.get() < target) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            LockSupport.parkNanos(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(1)));
        }
        return true;
    }

    @Override
    public void close(Duration timeout) {
        if (!running) {
            return;
        }
        flush(timeout);
        running = false;
        sender.interrupt();
        http.close(CloseMode.IMMEDIATE);
        try {
            sender.join(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public TransportStats stats() {
        return new TransportStats(queue.size(), sent.get(), 0, reports.totals(), failingSince);
    }
}
