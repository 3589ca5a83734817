/**
 * Internal: the HTTP transport — its memory queue and sender threads, the gate that owns the server's
 * health, the HTTP request, rate limits, the disk spool and its replay, the flush tracker, and the
 * client reports it keeps. Not API.
 *
 * <p>The path of an envelope, each part handing it forward and none calling back:
 * {@code HttpTransport.send} (the worker's thread) numbers it ({@code FlushTracker}) and puts it in the
 * {@code SendQueue} (bounded by count and bytes; when full the worker waits for room while the server
 * keeps up, else the envelope goes to the {@code SpoolInbox}); a sender takes it, drops what is rate
 * limited, passes the {@code Gate} (backoff, probe, slow answers), gzips it once ({@code GzipBody}) and
 * posts it ({@code HttpSender}); an answer settles it ({@code FlushTracker}). While the gate says the
 * server cannot be reached (no answer, or a gateway's), a sender hands what it holds to the
 * {@code SpoolInbox} at once (a replayed envelope goes back to its file), and the spool thread
 * ({@code SpoolWorker}) writes the inbox, and the queue, in batches ({@code SpoolWriter},
 * {@code DiskSpool}), so a kill loses only the last moments' captures; the probe after the backoff is a
 * fresh capture or one envelope replayed from disk. The spool thread also replays spooled envelopes
 * into the queue when the gate lets requests go, and at close writes what is left before the hard
 * stop. What the disk refuses stays in memory. Without a usable disk a sender keeps what it holds and
 * retries it until the server is back or max-cache-age passes.
 *
 * <table>
 * <caption>Threads, what each owns, and the locks each takes (one at a time unless an order is given)</caption>
 * <tr><th>thread</th><th>owns</th><th>locks</th></tr>
 * <tr><td>application / {@code sentry4j-worker} ({@code send})</td><td>nothing after the call: the
 *   envelope is the queue's or the inbox's (or, for the worker when both are full, written by it)</td>
 *   <td>{@code FlushTracker}'s (numbering it); {@code SendQueue}'s (inside {@code LinkedBlockingQueue});
 *   {@code SpoolInbox}; the worker alone may
 *   park for room, and may take {@code DiskSpool} to write one envelope</td></tr>
 * <tr><td>{@code sentry4j-sender} ×4</td><td>the envelope it holds, its {@code GzipBody}, its in-flight
 *   {@code Exchange}</td><td>{@code SendQueue}'s; {@code Gate}; {@code HttpSender.building} (first
 *   request only); {@code SpoolInbox} (handing on); {@code DiskSpool} (acks and releases of replayed envelopes);
 *   {@code FlushTracker}'s (to wake a waiting flush)</td></tr>
 * <tr><td>{@code sentry4j-http-deadline} (one; idles out)</td><td>nothing: at an exchange's deadline it
 *   disconnects the sender's connection</td><td>none of ours</td></tr>
 * <tr><td>{@code sentry4j-spool}</td><td>the envelopes it read from the oldest file and has not fed yet
 *   ({@code hand}); at close, what is left in memory</td><td>{@code SpoolInbox} then {@code SendQueue}'s
 *   (moving the inbox into the queue); {@code Gate} (reading); {@code DiskSpool} (never during file I/O,
 *   but for {@code open}); {@code FlushTracker}'s</td></tr>
 * <tr><td>closing thread ({@code close})</td><td>nothing: it stops the senders, then the spool thread
 *   (which writes what is left); without a spool, what the queue still holds</td><td>{@code FlushTracker}'s
 *   (waiting); {@code DiskSpool} ({@code persistAcks}); it joins only the spool thread, and waits only for
 *   senders holding an envelope</td></tr>
 * <tr><td>a flushing thread</td><td>nothing</td><td>{@code FlushTracker}'s: it waits there until the
 *   envelopes accepted before it are settled or its deadline passes</td></tr>
 * </table>
 */
package org.sentry4j.internal.transport;
