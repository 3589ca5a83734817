package org.sentry4j.examples.it;

import java.time.Duration;

/** How an example program's JVM ended: whether in time, its exit status, how long, what it printed. */
final class ProgramRun {
    final String name;
    final boolean finished;
    final int exitCode;
    final Duration elapsed;
    final String output;

    ProgramRun(String name, boolean finished, int exitCode, Duration elapsed, String output) {
        this.name = name;
        this.finished = finished;
        this.exitCode = exitCode;
        this.elapsed = elapsed;
        this.output = output;
    }

    @Override
    public String toString() {
        return name + (finished ? " exited with " + exitCode : " did not finish") + " after "
                + elapsed.toMillis() + " ms; its output:\n" + output;
    }
}
