package org.sentry4j.integration;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.sentry4j.Hint;
import org.sentry4j.SentryEvent;

/**
 * Adds how the JVM was started to every event's {@code extra}: {@value #MAIN_COMMAND} (main class or
 * jar with program arguments) and {@value #JVM_ARGUMENTS} (the JVM's input arguments). Computed once,
 * when the first event is processed (on the SDK's worker), because loading the management beans can
 * take a noticeable time that {@code Sentry.init} should not pay.
 *
 * <p>Private by default: without {@code sendDefaultPii} only option <em>names</em> are sent
 * ({@code -Ddb.url}, {@code --port}; values, positional arguments and the jar's directory left out).
 * With it, values are sent with secrets scrubbed: the values of secret-looking names
 * ({@code -Ddb.password=…}, {@code --api-token x}, {@code -p x}, {@code --token:x}), secret-looking pairs
 * inside values ({@code ?password=…}, JAAS {@code password="…";}) and the user-info of URLs become
 * {@code ***}.
 */
public final class JvmArgumentsIntegration implements Integration {
    static final String MAIN_COMMAND = "main_command";
    static final String JVM_ARGUMENTS = "jvm_arguments";

    private final Supplier<String> commandSource;
    private final Supplier<List<String>> argumentSource;
    private volatile boolean withValues;
    private volatile Facts facts;

    public JvmArgumentsIntegration() {
        this(() -> System.getProperty("sun.java.command"), JvmArgumentsIntegration::inputArguments);
    }

    /** Reads the command and the JVM arguments from the given sources instead of this JVM. */
    JvmArgumentsIntegration(Supplier<String> commandSource, Supplier<List<String>> argumentSource) {
        this.commandSource = commandSource;
        this.argumentSource = argumentSource;
    }

    @Override
    public String name() {
        return "JvmArguments";
    }

    @Override
    public void install(Installation installation) {
        withValues = installation.options().sendDefaultPii();
        facts = null;
        installation.addEventProcessor(this::process);
    }

    /** The command and arguments as sent; a benign race may compute them twice, with the same result. */
    private Facts facts() {
        Facts f = facts;
        if (f == null) {
            f = facts(commandSource.get(), argumentSource.get(), withValues);
            facts = f;
        }
        return f;
    }

    static Facts facts(String command, List<String> arguments, boolean withValues) {
        String mainCommand = null;
        if (command != null && !command.isBlank()) {
            List<String> words = Arrays.asList(command.trim().split("\\s+"));
            mainCommand = String.join(" ", withValues ? redact(words) : commandNames(words));
        }
        List<String> args = arguments == null ? List.of()
                : List.copyOf(withValues ? redact(arguments) : names(arguments));
        return new Facts(mainCommand, args);
    }

    /** Needs the {@code java.management} module, which a jlinked runtime may lack. */
    private static List<String> inputArguments() {
        try {
            return ManagementFactory.getRuntimeMXBean().getInputArguments();
        } catch (LinkageError | RuntimeException e) {
            return List.of();
        }
    }

    SentryEvent process(SentryEvent event, Hint hint) {
        Facts f = facts();
        if (f.mainCommand != null) {
            event.getExtra().putIfAbsent(MAIN_COMMAND, f.mainCommand);
        }
        if (!f.jvmArguments.isEmpty()) {
            event.getExtra().putIfAbsent(JVM_ARGUMENTS, f.jvmArguments);
        }
        return event;
    }

    static final class Facts {
        final String mainCommand;
        final List<String> jvmArguments;

        Facts(String mainCommand, List<String> jvmArguments) {
            this.mainCommand = mainCommand;
            this.jvmArguments = jvmArguments;
        }
    }

    /** The main class, or the jar's file name without its directory, then the options' names. */
    static List<String> commandNames(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        String main = words.get(0);
        int slash = Math.max(main.lastIndexOf('/'), main.lastIndexOf('\\'));
        out.add(main.substring(slash + 1));
        out.addAll(names(words.subList(1, words.size())));
        return out;
    }

    /**
     * Only what names an option: {@code -Dname=value} becomes {@code -Dname}, {@code -javaagent:path}
     * {@code -javaagent}, {@code -XX:Name=value} {@code -XX:Name}; words that do not start with {@code -}
     * (an option's value, a program argument) are left out.
     */
    static List<String> names(List<String> arguments) {
        List<String> out = new ArrayList<>(arguments.size());
        for (String arg : arguments) {
            if (!arg.startsWith("-")) {
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            int colon = name.indexOf(':');
            if (colon >= 0 && !name.startsWith("-XX:")) {
                name = name.substring(0, colon);
            }
            out.add(name);
        }
        return out;
    }

    /**
     * Values kept, secrets replaced: {@code name=value} and {@code name:value} arguments with a
     * secret-looking name (any leading {@code -}, {@code -D} or {@code --}), the argument after a bare
     * secret-looking flag ({@code --password hunter2}, {@code -p hunter2}), and, in every other value,
     * secret-looking pairs and URL user-info.
     */
    static List<String> redact(List<String> arguments) {
        List<String> out = new ArrayList<>(arguments.size());
        boolean nextIsSecret = false;
        for (String arg : arguments) {
            if (nextIsSecret && !arg.startsWith("-")) {
                out.add(SecretNames.REDACTED);
                nextIsSecret = false;
                continue;
            }
            nextIsSecret = false;
            int sep = separator(arg);
            String name = sep < 0 ? arg : arg.substring(0, sep);
            if (sep >= 0 && SecretNames.looksSecret(name)) {
                out.add(arg.substring(0, sep + 1) + SecretNames.REDACTED);
            } else {
                nextIsSecret = sep < 0 && arg.startsWith("-") && SecretNames.looksSecret(arg);
                out.add(SecretNames.scrub(arg));
            }
        }
        return out;
    }

    /** Where an option's value starts: its first {@code =}, or for {@code --name:value} its first colon. */
    private static int separator(String arg) {
        int eq = arg.indexOf('=');
        int colon = arg.indexOf(':');
        if (colon >= 0 && (eq < 0 || colon < eq) && arg.startsWith("-") && !arg.startsWith("-XX:")) {
            return colon;
        }
        return eq;
    }
}
