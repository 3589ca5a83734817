/**
 * Test kit shared by every module's tests: a loopback Sentry receiver (HTTP, or HTTPS with a test
 * certificate) that parses envelopes, an in-memory transport, a clock tests can advance, a check
 * of each event against our own structural rules and, when it sits beside the clone, Sentry's event
 * schema, a check of each {@code log} item against Sentry's log protocol ({@code LogItemShape}),
 * and a slow HTTP client build to inject ({@code SlowClientBuild}).
 */
package org.sentry4j.testkit;
