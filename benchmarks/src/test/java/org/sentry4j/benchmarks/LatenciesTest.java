package org.sentry4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {
    @Test
    void quantilesAreNearestRankOverAllThreads() {
        long[] a = new long[500];
        long[] b = new long[500];
        for (int i = 0; i < 500; i++) {
            a[i] = i + 1;       // 1..500
            b[i] = 1000 - i;    // 501..1000
        }
        Latencies l = Latencies.of(a, b);
        assertThat(l.quantile(0.5)).isEqualTo(500);
        assertThat(l.quantile(0.99)).isEqualTo(990);
        assertThat(l.quantile(0.999)).isEqualTo(999);
        assertThat(l.max()).isEqualTo(1000);
    }

    @Test
    void failuresHaveAboutThirtyFramesOnAShallowThread() throws InterruptedException {
        int[] frames = new int[1];
        Thread t = new Thread(() -> frames[0] = Failures.create(Failures.padding()).getStackTrace().length);
        t.start();
        t.join();
        assertThat(frames[0]).isBetween(Failures.FRAMES, Failures.FRAMES + 2);
    }
}
