package org.sentry4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The default server name (the host name) is sent without sendDefaultPii unless it names the user. */
class PersonalHostNameTest {
    @Test
    void aHostNamedAfterTheUserIdentifiesThem() {
        assertThat(EventPreparer.namesThePerson("Alices-MacBook-Pro.local", "alice")).isTrue();
        assertThat(EventPreparer.namesThePerson("alice", "alice")).isTrue();
    }

    @Test
    void aServersNameDoesNot() {
        assertThat(EventPreparer.namesThePerson("web-7.prod.internal", "app")).isFalse();
        assertThat(EventPreparer.namesThePerson("ip-10-0-0-1", "root")).isFalse();
        assertThat(EventPreparer.namesThePerson("box", null)).isFalse();
        assertThat(EventPreparer.namesThePerson("box", "ab")).as("too short to tell").isFalse();
    }
}
