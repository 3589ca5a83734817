package org.sentry4j.logback;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import org.sentry4j.logging.ThrowableReader;

/**
 * Reads Logback's description of a throwable, for events that carry no throwable object (deserialized
 * or remote events): the core reads the proxy's class name, message, frames, cause and suppressed on
 * its worker, so the exception tree is the one a throwable would give.
 */
final class ProxyExceptions implements ThrowableReader<IThrowableProxy> {
    static final ProxyExceptions READER = new ProxyExceptions();

    private ProxyExceptions() {
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
