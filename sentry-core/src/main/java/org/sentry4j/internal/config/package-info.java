/**
 * Internal: options given as text — their names, spellings and parsers ({@link
 * org.sentry4j.internal.config.TextSettings}) and the ambient sources they are read from
 * ({@link org.sentry4j.internal.config.AmbientSettings}). Not API.
 */
package org.sentry4j.internal.config;
