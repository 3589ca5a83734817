package org.sentry4j.compat;

import java.util.List;

/**
 * One row of the supported-versions matrix: the row module under {@code compat/rows/<module>} (whose pom
 * declares what such an application declares), the program it runs, and the jars Maven must have
 * resolved for it, so a row cannot drift from what its name and the README say it tests.
 *
 * @param id            the row's name, as in the README
 * @param program       which program runs
 * @param args          the program's arguments
 * @param expectedJars  file names that must be on the resolved classpath
 * @param slf4jBinding  the SLF4J logger factory the program must end with, or null when it has no binding
 * @param knownFailure  why the row fails today, while a fix is under way; null for a row that must pass
 * @param spoolFirst    whether the program runs twice: first with the receiver down, so its errors go to the
 *                      disk spool, then with it up, so the second start replays them (reading them back is
 *                      the SDK's one use of gson's parser)
 * @param unsupported   for a row with a version sentry4j does not support, the artifact and that version
 *                      ({@code "httpclient5 5.0.4"}): the program must still run and log as usual and be told
 *                      so in a line naming both; whether its errors arrive is not checked
 * @param module        the row module whose classpath it runs on: its id, or another row's
 */
record MatrixRow(String id, Program program, List<String> args, List<String> expectedJars, String slf4jBinding,
        KnownFailure knownFailure, boolean spoolFirst, String unsupported, String module) {
    /**
     * A failure being fixed: the row is skipped, naming the reason, only while every check that fails is
     * one of {@code checks} (descriptions' starts; empty: any) and the output shows {@code sign} (if set).
     * A row that passes, or fails otherwise, fails the test.
     */
    record KnownFailure(String reason, String sign, List<String> checks) {
        /** The program crashed or lost its appender with {@code sign} in its output. */
        static KnownFailure crash(String sign, String reason) {
            return new KnownFailure(reason, sign, List.of());
        }

        /** Only these checks fail. */
        static KnownFailure checks(String reason, String... checks) {
            return new KnownFailure(reason, null, List.of(checks));
        }
    }

    MatrixRow failsUntilFixed(KnownFailure failure) {
        return new MatrixRow(id, program, args, expectedJars, slf4jBinding, failure, spoolFirst, unsupported, module);
    }

    MatrixRow spoolingFirst() {
        return new MatrixRow(id, program, args, expectedJars, slf4jBinding, knownFailure, true, unsupported, module);
    }

    /** The program also makes one request through its own HttpClient 5 with SentryHttpBreadcrumbs. */
    MatrixRow callingHttp() {
        List<String> more = new java.util.ArrayList<>(args);
        more.add("http");
        return new MatrixRow(id, program, List.copyOf(more), expectedJars, slf4jBinding, knownFailure, spoolFirst,
                unsupported, module);
    }

    /** A Log4j2 program whose main just returns: Log4j2's own shutdown hook stops the context. */
    MatrixRow mainReturning() {
        List<String> more = new java.util.ArrayList<>(args);
        more.add("main-returns");
        return new MatrixRow(id, program, List.copyOf(more), expectedJars, slf4jBinding, knownFailure, spoolFirst,
                unsupported, module);
    }

    /** A Boot program whose logging configuration declares the Sentry appender itself. */
    MatrixRow declaringSentryAppender() {
        List<String> more = new java.util.ArrayList<>(args);
        more.add("declared");
        return new MatrixRow(id, program, List.copyOf(more), expectedJars, slf4jBinding, knownFailure, spoolFirst,
                unsupported, module);
    }

    /** Runs on the classpath of the row module {@code other}. */
    MatrixRow onClasspathOf(String other) {
        return new MatrixRow(id, program, args, expectedJars, slf4jBinding, knownFailure, spoolFirst, unsupported,
                other);
    }

    boolean callsHttp() {
        return args.contains("http");
    }

    /** A row whose {@code artifact} at {@code version} sentry4j does not support. */
    MatrixRow notSupporting(String artifact, String version) {
        return new MatrixRow(id, program, args, expectedJars, slf4jBinding, knownFailure, spoolFirst,
                artifact + " " + version, module);
    }

    /** The programs of compat/apps. */
    enum Program {
        LOGBACK("org.sentry4j.compat.apps.LogbackApp"),
        LOG4J2("org.sentry4j.compat.apps.Log4j2App"),
        CORE("org.sentry4j.compat.apps.CoreApp"),
        BOOT("org.sentry4j.compat.apps.BootApp");

        final String mainClass;

        Program(String mainClass) {
            this.mainClass = mainClass;
        }
    }

    static final String LOGBACK_BINDING = "ch.qos.logback.classic.LoggerContext";
    static final String LOG4J2_BINDING = "org.apache.logging.slf4j.Log4jLoggerFactory";

    static MatrixRow logback(String id, String... jars) {
        return new MatrixRow(id, Program.LOGBACK, List.of(), List.of(jars), LOGBACK_BINDING, null, false, null, id);
    }

    /** A Logback app that stops its LoggerContext before main returns, as Spring Boot does at shutdown. */
    static MatrixRow logbackStoppingContext(String id, String... jars) {
        return new MatrixRow(id, Program.LOGBACK, List.of("stop-context"), List.of(jars), LOGBACK_BINDING, null, false,
                null, id);
    }

    /** A Log4j2 app without an SLF4J binding. */
    static MatrixRow log4j2(String id, String... jars) {
        return new MatrixRow(id, Program.LOG4J2, List.of(), List.of(jars), null, null, false, null, id);
    }

    /** A Log4j2 app with Log4j2's SLF4J binding, that also logs through SLF4J. */
    static MatrixRow log4j2WithSlf4j(String id, String... jars) {
        return new MatrixRow(id, Program.LOG4J2, List.of("slf4j"), List.of(jars), LOG4J2_BINDING, null, false, null,
                id);
    }

    /**
     * A Spring Boot application with sentry4j's starter and no Sentry appender in its logging configuration,
     * on Logback, or on Log4j2 when {@code binding} is Log4j2's.
     */
    static MatrixRow boot(String id, String binding, String... jars) {
        List<String> args = LOG4J2_BINDING.equals(binding) ? List.of("log4j2") : List.of();
        return new MatrixRow(id, Program.BOOT, args, List.of(jars), binding, null, false, null, id);
    }

    static MatrixRow core(String id, String... jars) {
        return new MatrixRow(id, Program.CORE, List.of(), List.of(jars), null, null, false, null, id);
    }

    @Override
    public String toString() {
        return id;
    }
}
