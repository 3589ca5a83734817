/**
 * A program run with {@code --module-path}: one event through the core API and one through Logback,
 * both reaching Sentry from a named module.
 */
package org.sentry4j.examples.modular;
