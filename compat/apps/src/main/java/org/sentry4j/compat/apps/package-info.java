/**
 * The programs the compatibility matrix runs, one JVM per row: each configures sentry4j the way an
 * application does (logback.xml, log4j2.xml, {@code Sentry.init} or Spring Boot's {@code sentry.*}
 * properties with the starter), logs two errors and a few info
 * lines, and exits the way applications do. They print what the test checks besides the receiver: their
 * own log lines (so logging is seen to keep working) and which SLF4J binding the application ended with.
 */
package org.sentry4j.compat.apps;
