package org.sentry4j.internal.logs;

import java.util.IllegalFormatException;
import java.util.Locale;
import java.util.Map;
import org.sentry4j.PropagationContext;
import org.sentry4j.SentryLogLevel;
import org.sentry4j.User;
import org.sentry4j.logging.LogArguments;
import org.sentry4j.logging.LogMessageFormatter;

/**
 * One structured log as the logging thread copied it: what only that thread could know (time, thread,
 * trace, context map) and the template with its arguments, each argument either a value that cannot
 * change (see {@link LogArguments#isImmutable}) or its text taken then. The body, the attributes and
 * the JSON are made later, on the SDK's worker. Immutable.
 */
public final class LogEntry {
    /** What a log costs the queue besides its strings: the entry, its arrays and maps, the attributes' names. */
    static final int OVERHEAD_BYTES = 256;

    final long epochSecond;
    final int nano;
    final SentryLogLevel level;
    private final String body;
    final String template;
    final Object[] arguments;
    private final LogMessageFormatter formatter;
    final String loggerName;
    final String threadName;
    final long threadId;
    final String origin;
    final Map<String, String> context;
    final Map<String, Object> keyValues;
    final PropagationContext trace;
    final User user;
    final int estimatedBytes;

    private LogEntry(Builder b) {
        this.epochSecond = b.epochSecond;
        this.nano = b.nano;
        this.level = b.level != null ? b.level : SentryLogLevel.INFO;
        this.body = b.body;
        this.template = b.template;
        this.arguments = b.arguments;
        this.formatter = b.formatter;
        this.loggerName = b.loggerName;
        this.threadName = b.threadName;
        this.threadId = b.threadId;
        this.origin = b.origin;
        this.context = b.context == null ? Map.of() : b.context;
        this.keyValues = b.keyValues == null ? Map.of() : b.keyValues;
        this.trace = b.trace;
        this.user = b.user;
        this.estimatedBytes = OVERHEAD_BYTES + length(body) + length(template) + length(loggerName)
                + b.argumentBytes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The bytes this log holds and will roughly take as JSON; what the queue's byte cap counts. */
    public int estimatedBytes() {
        return estimatedBytes;
    }

    /**
     * The message: the body given, else the template filled with the arguments by the framework's
     * formatter, or, without one, as {@link String#format} does ({@code %s}); a template that does not
     * fit its arguments is sent as it is.
     */
    String body() {
        if (body != null) {
            return body;
        }
        if (template == null) {
            return "";
        }
        if (arguments == null || arguments.length == 0) {
            return template;
        }
        try {
            return formatter != null ? formatter.format(template, arguments)
                    : String.format(Locale.ROOT, template, arguments);
        } catch (IllegalFormatException e) {
            return template;
        }
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    /** Collects a log on the logging thread; {@link #build()} copies nothing more. */
    public static final class Builder {
        private long epochSecond;
        private int nano;
        private SentryLogLevel level;
        private String body;
        private String template;
        private Object[] arguments;
        private int argumentBytes;
        private LogMessageFormatter formatter;
        private String loggerName;
        private String threadName;
        private long threadId = -1;
        private String origin;
        private Map<String, String> context;
        private Map<String, Object> keyValues;
        private PropagationContext trace;
        private User user;

        private Builder() {
        }

        public Builder timestamp(long epochSecond, int nanoOfSecond) {
            this.epochSecond = epochSecond;
            this.nano = nanoOfSecond;
            return this;
        }

        public Builder level(SentryLogLevel level) {
            this.level = level;
            return this;
        }

        /** The formatted message, when the framework has it already; else it is made from the template. */
        public Builder body(String body) {
            this.body = body;
            return this;
        }

        /**
         * The template and its arguments, copied: a value that may change later is replaced by its
         * text now. {@code formatter} fills the template (the framework's own); null means
         * {@link String#format} ({@code %s}).
         */
        public Builder template(String template, Object[] arguments, LogMessageFormatter formatter) {
            this.template = template;
            this.formatter = formatter;
            if (arguments == null || arguments.length == 0) {
                this.arguments = null;
                this.argumentBytes = 0;
                return this;
            }
            Object[] copy = new Object[arguments.length];
            int bytes = 0;
            for (int i = 0; i < arguments.length; i++) {
                Object a = arguments[i];
                Object kept = LogArguments.isImmutable(a) ? a : LogArguments.text(a);
                copy[i] = kept;
                bytes += kept instanceof String ? ((String) kept).length() + 48 : 48;
            }
            this.arguments = copy;
            this.argumentBytes = bytes;
            return this;
        }

        public Builder logger(String loggerName) {
            this.loggerName = loggerName;
            return this;
        }

        public Builder thread(String name, long id) {
            this.threadName = name;
            this.threadId = id;
            return this;
        }

        /** {@code sentry.origin}, e.g. {@code auto.log.logback}; null for the application's own calls. */
        public Builder origin(String origin) {
            this.origin = origin;
            return this;
        }

        /** MDC / ThreadContext, taken as is: pass an immutable snapshot. Sent as {@code mdc.<key>}. */
        public Builder context(Map<String, String> context) {
            this.context = context;
            return this;
        }

        /** Structured fields (SLF4J 2 key-values), taken as is: pass a snapshot. Sent under their own keys. */
        public Builder keyValues(Map<String, Object> keyValues) {
            this.keyValues = keyValues;
            return this;
        }

        /** The trace of the logging thread's scope (or span); null: the client's own. */
        public Builder trace(PropagationContext trace) {
            this.trace = trace;
            return this;
        }

        /** The scope's user; sent ({@code user.id}, {@code user.name}, {@code user.email}) only with sendDefaultPii. */
        public Builder user(User user) {
            this.user = user;
            return this;
        }

        public LogEntry build() {
            return new LogEntry(this);
        }
    }
}
