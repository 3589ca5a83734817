package org.sentry4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sentry4j.internal.BreadcrumbTrail;
import org.sentry4j.internal.BreadcrumbTrailAccess;
import org.sentry4j.logging.LogMessageFormatter;

class BreadcrumbTest {
    @Test
    void aLogLineIsFormattedOnceWhenFirstReadAndEverySnapshotSharesTheBreadcrumb() {
        AtomicInteger calls = new AtomicInteger();
        LogMessageFormatter formatter = (template, args) -> {
            calls.incrementAndGet();
            return template.replace("{}", String.valueOf(args[0]));
        };
        BreadcrumbTrail trail = new BreadcrumbTrail(10);
        trail.addLogLine(1_700_000_000L, 123_456_789, SentryLevel.WARNING, "orders", "order {} shipped",
                new Object[] {7}, formatter);
        BreadcrumbTrail.Link first = trail.snapshot();
        trail.add(Breadcrumb.of("later"));
        assertThat(calls).as("nothing is formatted when the line is added").hasValue(0);

        Breadcrumb fromFirst = BreadcrumbTrail.toList(first, 10).get(0);
        Breadcrumb fromNow = trail.toList().get(0);
        assertThat(fromFirst.message()).isEqualTo("order 7 shipped");
        assertThat(fromFirst).isSameAs(fromNow);
        assertThat(calls).hasValue(1);
        assertThat(fromFirst.timestamp()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 123_456_789));
        assertThat(fromFirst.level()).isEqualTo(SentryLevel.WARNING);
        assertThat(fromFirst.category()).isEqualTo("orders");
    }

    @Test
    void aLogLineWithoutArgumentsIsItsTemplateAndAFormatterThatThrowsYieldsANote() {
        BreadcrumbTrail trail = new BreadcrumbTrail(10);
        trail.addLogLine(0, 0, SentryLevel.INFO, "c", "as {} is", null, (t, a) -> {
            throw new IllegalStateException();
        });
        trail.addLogLine(0, 0, SentryLevel.INFO, "c", "x {}", new Object[] {1}, (t, a) -> {
            throw new IllegalStateException();
        });
        assertThat(trail.toList()).extracting(Breadcrumb::message)
                .containsExactly("as {} is", "<message could not be formatted: java.lang.IllegalStateException>");
    }

    @Test
    void logLinesSurviveTheTrailBeingCutBeforeAndAfterTheyAreRead() {
        BreadcrumbTrail trail = new BreadcrumbTrail(3);
        LogMessageFormatter formatter = (template, args) -> template + args[0];
        int total = 10 * BreadcrumbTrailAccess.slack() * 3;
        for (int i = 0; i < total; i++) {
            trail.addLogLine(i, 0, SentryLevel.INFO, "c", "line ", new Object[] {i}, formatter);
            if (i % 5 == 0) {
                assertThat(trail.toList().get(trail.toList().size() - 1).message()).isEqualTo("line " + i);
            }
        }
        assertThat(trail.toList()).extracting(Breadcrumb::message)
                .containsExactly("line " + (total - 3), "line " + (total - 2), "line " + (total - 1));
        assertThat(BreadcrumbTrailAccess.linksHeld(trail)).isLessThanOrEqualTo(BreadcrumbTrailAccess.slack() * 3);
    }

    private static final int WRITERS = 4;
    private static final int PER_WRITER = 10_000;

    /** WRITERS threads add "writer:i" breadcrumbs at once, PER_WRITER each; returns when all are done. */
    private static void writeConcurrently(BreadcrumbTrail trail) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        Thread[] writers = new Thread[WRITERS];
        for (int t = 0; t < WRITERS; t++) {
            int id = t;
            writers[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < PER_WRITER; i++) {
                    trail.add(Breadcrumb.of(id + ":" + i));
                }
            });
            writers[t].start();
        }
        start.countDown();
        for (Thread w : writers) {
            w.join(10_000);
        }
    }

    @Test
    void trailKeepsNewestUnderConcurrentWriters() throws Exception {
        BreadcrumbTrail ring = new BreadcrumbTrail(50);
        writeConcurrently(ring);
        List<Breadcrumb> kept = ring.toList();
        assertThat(kept).hasSize(50);
        ring.add(Breadcrumb.of("last"));
        List<Breadcrumb> after = ring.toList();
        assertThat(after).hasSize(50);
        assertThat(after.get(49).message()).isEqualTo("last");
        ring.clear();
        assertThat(ring.toList()).isEmpty();
        ring.add(Breadcrumb.of("fresh"));
        assertThat(ring.toList()).extracting(Breadcrumb::message).containsExactly("fresh");
    }

    @Test
    void concurrentWritersLoseNothingAndKeepEachWritersOrder() throws Exception {
        BreadcrumbTrail trail = new BreadcrumbTrail(WRITERS * PER_WRITER);
        writeConcurrently(trail);
        List<Breadcrumb> all = trail.toList();
        assertThat(all).hasSize(WRITERS * PER_WRITER);
        int[] next = new int[WRITERS];
        for (Breadcrumb b : all) {
            String[] parts = b.message().split(":");
            int writer = Integer.parseInt(parts[0]);
            assertThat(Integer.parseInt(parts[1])).isEqualTo(next[writer]++);
        }
    }

    @Test
    void aSnapshotKeepsItsMomentWhileTheTrailMovesOnAndIsCut() {
        BreadcrumbTrail trail = new BreadcrumbTrail(3);
        for (int i = 0; i < 5; i++) {
            trail.add(Breadcrumb.of("b" + i));
        }
        BreadcrumbTrail.Link then = trail.snapshot();
        // Far past the point where the list is cut and started afresh, several times.
        for (int i = 5; i < 5 + 10 * BreadcrumbTrailAccess.slack() * 3; i++) {
            trail.add(Breadcrumb.of("b" + i));
        }
        assertThat(BreadcrumbTrail.toList(then, 3)).extracting(Breadcrumb::message).containsExactly("b2", "b3", "b4");
        int last = 4 + 10 * BreadcrumbTrailAccess.slack() * 3;
        assertThat(trail.toList()).extracting(Breadcrumb::message)
                .containsExactly("b" + (last - 2), "b" + (last - 1), "b" + last);
        assertThat(BreadcrumbTrailAccess.linksHeld(trail)).isLessThanOrEqualTo(BreadcrumbTrailAccess.slack() * 3);
    }

    @Test
    void aPushedScopeSharesItsParentsTrailThenGoesItsOwnWay() {
        BreadcrumbTrail parent = new BreadcrumbTrail(2);
        parent.add(Breadcrumb.of("a"));
        parent.add(Breadcrumb.of("b"));
        parent.add(Breadcrumb.of("c"));
        BreadcrumbTrail child = new BreadcrumbTrail(2);
        child.copyFrom(parent);
        child.add(Breadcrumb.of("child"));
        parent.add(Breadcrumb.of("parent"));
        assertThat(child.toList()).extracting(Breadcrumb::message).containsExactly("c", "child");
        assertThat(parent.toList()).extracting(Breadcrumb::message).containsExactly("c", "parent");
    }
}
