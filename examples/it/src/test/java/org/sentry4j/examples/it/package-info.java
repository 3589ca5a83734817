/**
 * The examples' integration test: each example program runs as its own JVM against an in-process
 * inbox, and the test checks what arrived and how the program ended.
 */
package org.sentry4j.examples.it;
