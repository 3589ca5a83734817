package org.sentry4j.internal.transport;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.sentry4j.testkit.TestReceiver;

/** A receiver, a fixture with a spool folder, and the transport under test, closed after each test. */
abstract class TransportTestBase {
    @TempDir
    Path dir;
    TestReceiver receiver;
    TransportFixture fx;
    HttpTransport transport;

    @BeforeEach
    void startReceiver() {
        receiver = TestReceiver.start();
        fx = new TransportFixture(receiver, dir.resolve("spool"));
    }

    @AfterEach
    void closeTransportAndReceiver() {
        if (transport != null) {
            transport.close(Duration.ofSeconds(2));
        }
        receiver.close();
    }
}
