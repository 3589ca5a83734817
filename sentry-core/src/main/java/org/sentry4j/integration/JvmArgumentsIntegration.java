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
 * Values of secret-looking settings ({@code -Ddb.password=…}, {@code --api-token x}) and the user-info
 * of URLs are replaced by {@code ***}.
 */
public final class JvmArgumentsIntegration implements Integration {
    static final String MAIN_COMMAND = "main_command";
    static final String JVM_ARGUMENTS = "jvm_arguments";

    private final Supplier<String> commandSource;
    private final Supplier<List<String>> argumentSource;
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
        installation.addEventProcessor(this::process);
    }

    /** The redacted command and arguments; a benign race may compute them twice, with the same result. */
    private Facts facts() {
        Facts f = facts;
        if (f == null) {
            String command = commandSource.get();
            List<String> arguments = argumentSource.get();
            f = new Facts(command == null || command.isBlank() ? null
                    : String.join(" ", redact(Arrays.asList(command.trim().split("\\s+")))),
                    arguments == null ? List.of() : List.copyOf(redact(arguments)));
            facts = f;
        }
        return f;
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

    private static final class Facts {
        final String mainCommand;
        final List<String> jvmArguments;

        Facts(String mainCommand, List<String> jvmArguments) {
            this.mainCommand = mainCommand;
            this.jvmArguments = jvmArguments;
        }
    }

    /**
     * Redacts {@code name=value} arguments with a secret-looking name (any leading {@code -}, {@code -D}
     * or {@code --}), and the argument after a bare secret-looking flag ({@code --password hunter2}).
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
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (eq >= 0 && SecretNames.looksSecret(name)) {
                out.add(arg.substring(0, eq + 1) + SecretNames.REDACTED);
            } else {
                nextIsSecret = eq < 0 && arg.startsWith("-") && SecretNames.looksSecret(arg);
                out.add(SecretNames.withoutUserInfo(arg));
            }
        }
        return out;
    }
}
