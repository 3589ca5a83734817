/**
 * Lifecycle tests: short-lived programs ({@link org.sentry4j.lifecycle.ShortLivedProgram}) run in child
 * JVMs through every front-end and end in every way a program ends; {@link org.sentry4j.lifecycle.LifecycleTest}
 * checks that what they logged arrived in that run, exactly once, with nothing left in the spool.
 */
package org.sentry4j.lifecycle;
