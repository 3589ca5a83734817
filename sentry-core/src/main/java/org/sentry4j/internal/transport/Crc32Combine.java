package org.sentry4j.internal.transport;

/**
 * The CRC-32 of two byte runs joined, from the CRC-32 of each and the second's length, without the
 * bytes: a gzip body is assembled from deflate segments compressed at different times (an event's
 * payload on the worker, the header with {@code sent_at} on the sender), and its trailer needs the
 * CRC of all of it. The method is zlib's {@code crc32_combine}: appending {@code n} zero bytes to the
 * first CRC is multiplying it by x^(8n) modulo the CRC polynomial, built from a table of x^(2^k) —
 * a few hundred bit operations per call.
 */
final class Crc32Combine {
    private static final int POLYNOMIAL = 0xedb88320; // reflected: bit 31 is x^0
    private static final int ONE = 1 << 31;
    /** x^(2^k) modulo the polynomial, k = 0..31. */
    private static final int[] X_TO_2_TO_THE = new int[32];

    static {
        int p = 1 << 30; // x^1
        X_TO_2_TO_THE[0] = p;
        for (int k = 1; k < 32; k++) {
            p = multiply(p, p);
            X_TO_2_TO_THE[k] = p;
        }
    }

    private Crc32Combine() {
    }

    static long combine(long crc1, long crc2, long length2) {
        if (length2 <= 0) {
            return crc1;
        }
        int shifted = multiply(xToThe8Times(length2), (int) crc1);
        return (shifted ^ (int) crc2) & 0xffffffffL;
    }

    /** x^(8n) modulo the polynomial. */
    private static int xToThe8Times(long n) {
        int p = ONE;
        int k = 3; // 8n = n * 2^3
        for (long rest = n; rest != 0; rest >>>= 1, k++) {
            if ((rest & 1) != 0) {
                p = multiply(X_TO_2_TO_THE[k & 31], p);
            }
        }
        return p;
    }

    /** a(x) * b(x) modulo the polynomial, bit-reflected. */
    private static int multiply(int a, int b) {
        int product = 0;
        int bb = b;
        for (int m = ONE; m != 0; m >>>= 1) {
            if ((a & m) != 0) {
                product ^= bb;
                if ((a & (m - 1)) == 0) {
                    break;
                }
            }
            bb = (bb & 1) != 0 ? (bb >>> 1) ^ POLYNOMIAL : bb >>> 1;
        }
        return product;
    }
}
