package org.sentry4j.logback;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.List;
import org.sentry4j.internal.ExceptionConverter;
import org.sentry4j.internal.FrameConverter;
import org.sentry4j.logging.ThrowableReader;
import org.sentry4j.protocol.ExceptionValue;
import org.sentry4j.protocol.Mechanism;

/**
 * Builds the exception chain from Logback's description of a throwable, for events that carry no
 * throwable object (deserialized or remote events): the core's converter reads the proxy's class name,
 * message, frames, cause and suppressed, so the tree is the one a throwable would give. {@code in_app}
 * is left undecided for the client's rules to settle on the worker.
 */
final class ProxyExceptions implements ThrowableReader<IThrowableProxy> {
    private static final ProxyExceptions READER = new ProxyExceptions();
    private static final ExceptionConverter CONVERTER = new ExceptionConverter(FrameConverter.undecided());

    private ProxyExceptions() {
    }

    static List<ExceptionValue> convert(IThrowableProxy root, Mechanism mechanism, Long threadId) {
        return CONVERTER.convert(root, READER, mechanism, threadId);
    }

    @Override
    public String className(IThrowableProxy p) {
        return p.getClassName();
    }

    @Override
    public String message(IThrowableProxy p) {
        return p.getMessage();
    }

    @Override
    public StackTraceElement[] stackTrace(IThrowableProxy p) {
        StackTraceElementProxy[] proxies = p.getStackTraceElementProxyArray();
        if (proxies == null) {
            return null;
        }
        StackTraceElement[] trace = new StackTraceElement[proxies.length];
        for (int i = 0; i < proxies.length; i++) {
            trace[i] = proxies[i] == null ? null : proxies[i].getStackTraceElement();
        }
        return trace;
    }

    @Override
    public IThrowableProxy cause(IThrowableProxy p) {
        return p.getCause();
    }

    @Override
    public IThrowableProxy[] suppressed(IThrowableProxy p) {
        return p.getSuppressed();
    }
}
