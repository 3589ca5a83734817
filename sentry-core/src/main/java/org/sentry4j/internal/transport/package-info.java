/**
 * Internal: the HTTP transport — its memory queue and sender threads, the HTTP request, rate limits,
 * backoff, the disk spool and its replay, and the client reports it keeps. Not API.
 *
 * <p>The path of an envelope: {@code HttpTransport.send} (the worker's thread) puts it in the
 * {@code SendQueue} (bounded by count and bytes), or, when full, in the {@code OverflowHandOff}; a
 * sender takes it, passes the {@code ProbeGate} and posts it ({@code HttpSender}); an answer settles it
 * ({@code Settlements}, which flush waits on); no answer (or 502–504) retries it after {@code Backoff},
 * and after three tries, or while a flush or close waits, hands it to the spool thread, which writes
 * batches ({@code SpoolWriter}, {@code DiskSpool}) and feeds spooled envelopes back into the queue. What
 * the disk refuses goes back into memory. Close sends until its deadline, then
 * {@code Leftovers} spools what is left and {@code DiskSpool.persistAcks} rewrites partly replayed files.
 *
 * <table>
 * <caption>Threads, what each owns, and the locks each takes (never two at once unless listed in order)</caption>
 * <tr><th>thread</th><th>owns</th><th>locks</th></tr>
 * <tr><td>application / {@code sentry4j-worker} ({@code send})</td><td>nothing after the call: the
 *   envelope is the queue's or the hand-off's</td><td>{@code SendQueue}'s (inside
 *   {@code LinkedBlockingQueue}); the hand-off's monitor; the worker alone may park for room</td></tr>
 * <tr><td>{@code sentry4j-sender} ×4</td><td>the envelope it holds ({@code holding}), its
 *   {@code GzipBody}, its in-flight {@code Exchange}</td><td>{@code SendQueue}'s; {@code ProbeGate};
 *   {@code Backoff}; {@code HttpSender.building} (first request only); {@code DiskSpool} (acks of replayed
 *   envelopes) — one at a time</td></tr>
 * <tr><td>{@code sentry4j-http} (≤4, the JDK client's executor) and the JDK client's selector</td>
 *   <td>the bytes of an exchange in progress</td><td>none of ours</td></tr>
 * <tr><td>{@code sentry4j-spool}</td><td>its inbox (envelopes senders handed on), the envelopes it read
 *   from the oldest file and has not fed yet ({@code hand})</td><td>{@code OverflowHandOff} then
 *   {@code SendQueue}'s (moving overflow into the queue); {@code DiskSpool} (never during file I/O, but
 *   for {@code open})</td></tr>
 * <tr><td>closing thread ({@code close})</td><td>what is in memory once the threads stopped
 *   ({@code Leftovers}), until its hard stop</td><td>{@code SendQueue}'s; the hand-off's;
 *   {@code DiskSpool}; it joins only the spool thread, and waits only for senders holding an
 *   envelope</td></tr>
 * <tr><td>a flushing thread</td><td>nothing</td><td>none: it polls {@code Settlements} (lock-free)
 *   until the envelopes accepted before it are settled or its deadline passes</td></tr>
 * </table>
 */
package org.sentry4j.internal.transport;
