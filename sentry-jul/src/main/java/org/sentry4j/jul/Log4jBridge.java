package org.sentry4j.jul;

import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Whether Log4j2's log4j-jul bridge hands a JUL record to Log4j2, where sentry-log4j2 reports it: the
 * JUL {@code LogManager} is log4j-jul's (every JUL logger logs to Log4j2), or a {@code Log4jBridgeHandler}
 * receives the record too (JUL gives a record to its logger's handlers, then to its parents' while
 * {@code useParentHandlers} holds). Only asked when sentry-log4j2 is on the class path: without it no
 * Sentry appender would see the record in Log4j2, and the handler reports it itself.
 */
final class Log4jBridge {
    private static final String BRIDGE_MANAGER = "org.apache.logging.log4j.jul.LogManager";
    private static final String BRIDGE_HANDLER = "org.apache.logging.log4j.jul.Log4jBridgeHandler";
    private static final boolean LOG4J2_FRONT_END = isPresent("org.sentry4j.log4j2.SentryAppender");

    private Log4jBridge() {
    }

    static boolean forwards(LogRecord record) {
        if (!LOG4J2_FRONT_END) {
            return false;
        }
        LogManager manager = LogManager.getLogManager();
        if (manager.getClass().getName().equals(BRIDGE_MANAGER)) {
            return true;
        }
        String name = record.getLoggerName();
        Logger logger = manager.getLogger(name == null ? "" : name);
        if (logger == null) {
            logger = manager.getLogger("");
        }
        for (; logger != null; logger = logger.getParent()) {
            for (Handler handler : logger.getHandlers()) {
                if (handler.getClass().getName().equals(BRIDGE_HANDLER)) {
                    return true;
                }
            }
            if (!logger.getUseParentHandlers()) {
                return false;
            }
        }
        return false;
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, Log4jBridge.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
