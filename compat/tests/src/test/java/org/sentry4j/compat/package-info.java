/**
 * The supported-versions matrix: {@link org.sentry4j.compat.MatrixRow} declares each row (which program,
 * which jars Maven must have resolved for it), {@link org.sentry4j.compat.RowProgram} starts a row's
 * program as its own JVM on the classpath the row's pom resolved, and
 * {@link org.sentry4j.compat.SupportMatrixTest} checks what it did against a loopback receiver;
 * {@link org.sentry4j.compat.ReadmeMatrixTest} keeps the README's table true to the rows, and
 * {@link org.sentry4j.compat.BytecodeLevelTest} the sentry4j jars at Java 11 bytecode;
 * {@link org.sentry4j.compat.BootStartupFailureTest} runs a Spring Boot row's application with a failing
 * startup and checks its failure arrived before the JVM exited.
 */
package org.sentry4j.compat;
