package org.sentry4j.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class Crc32CombineTest {
    private static long crc(byte[] b, int off, int len) {
        CRC32 c = new CRC32();
        c.update(b, off, len);
        return c.getValue();
    }

    @Test
    void combinedEqualsTheCrcOfTheJoinedBytes() {
        Random random = new Random(42);
        byte[] data = new byte[70_000];
        random.nextBytes(data);
        int[] splits = {0, 1, 7, 8, 255, 4096, 33_333, 69_999, 70_000};
        for (int split : splits) {
            long joined = Crc32Combine.combine(crc(data, 0, split), crc(data, split, data.length - split),
                    data.length - split);
            assertThat(joined).as("split at %d", split).isEqualTo(crc(data, 0, data.length));
        }
    }
}
