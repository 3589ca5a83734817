package org.sentry4j.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers every request {@code 200} with a chunked body that never ends: with no pause, 1 KiB chunks
 * as fast as the client reads; with a pause, one byte per pause (so no cap on the bytes read ends it).
 */
final class EndlessAnswerServer implements AutoCloseable {
    final AtomicInteger requests = new AtomicInteger();
    private final ServerSocket socket;
    private final Duration pause;

    EndlessAnswerServer(Duration pause) throws IOException {
        this.pause = pause;
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "endless-answer-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread t = new Thread(() -> serve(connection), "endless-answer-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            int length = -1;
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) { // the request's head, line by line
                if (c != '\n') {
                    line.append((char) c);
                    continue;
                }
                String header = line.toString().trim();
                line.setLength(0);
                if (header.isEmpty()) {
                    break;
                }
                if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring(15).trim());
                }
            }
            in.readNBytes(Math.max(0, length));
            requests.incrementAndGet();
            OutputStream out = connection.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] chunk = pause.isZero()
                    ? ("400\r\n" + "x".repeat(1024) + "\r\n").getBytes(StandardCharsets.US_ASCII)
                    : "1\r\nx\r\n".getBytes(StandardCharsets.US_ASCII);
            while (true) { // until the client hangs up
                out.write(chunk);
                out.flush();
                if (!pause.isZero()) {
                    TimeUnit.NANOSECONDS.sleep(pause.toNanos()); // the slowness under test, not a wait for it
                }
            }
        } catch (IOException e) {
            // the client hung up: what it should do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
