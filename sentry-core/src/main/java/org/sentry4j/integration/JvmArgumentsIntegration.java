package org.sentry4j.integration;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sentry4j.Hint;
import org.sentry4j.SentryEvent;

/**
 * Adds how the JVM was started to every event's {@code extra}: {@value #MAIN_COMMAND} (main class or
 * jar with program arguments) and {@value #JVM_ARGUMENTS} (the JVM's input arguments). Computed once.
 * Values of secret-looking settings ({@code -Ddb.password=…}, {@code --api-token x}) and the user-info
 * of URLs are replaced by {@code ***}.
 */
public final class JvmArgumentsIntegration implements Integration {
    static final String MAIN_COMMAND = "main_command";
    static final String JVM_ARGUMENTS = "jvm_arguments";

    private String mainCommand;
    private List<String> jvmArguments;

    @Override
    public String name() {
        return "JvmArguments";
    }

    @Override
    public void install(Installation installation) {
        String command = System.getProperty("sun.java.command");
        mainCommand = command == null || command.isBlank() ? null
                : String.join(" ", redact(Arrays.asList(command.trim().split("\\s+"))));
        jvmArguments = List.copyOf(redact(inputArguments()));
        installation.addEventProcessor(this::process);
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
        if (mainCommand != null) {
            event.getExtra().putIfAbsent(MAIN_COMMAND, mainCommand);
        }
        if (!jvmArguments.isEmpty()) {
            event.getExtra().putIfAbsent(JVM_ARGUMENTS, jvmArguments);
        }
        return event;
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
