package org.sentry4j.examples.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An example program as a separate JVM: its module's compiled classes plus the runtime classpath the
 * build wrote to {@code target/classpath.txt} (the same one run.sh uses), on the class path or, for a
 * modular program, as the module path.
 */
final class ExampleProgram {
    private final String module;
    private final String mainClass;
    private final String javaModule;
    private final List<String> jvmOptions;

    private ExampleProgram(String module, String mainClass, String javaModule, List<String> jvmOptions) {
        this.module = module;
        this.mainClass = mainClass;
        this.javaModule = javaModule;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** {@code module} is the directory under examples/, e.g. {@code core-demo}. */
    static ExampleProgram of(String module, String mainClass, String... jvmOptions) {
        return new ExampleProgram(module, mainClass, null, List.of(jvmOptions));
    }

    /** A program whose classes are the named module {@code javaModule}, started with {@code --module-path}. */
    static ExampleProgram onModulePath(String module, String javaModule, String mainClass, String... jvmOptions) {
        return new ExampleProgram(module, mainClass, javaModule, List.of(jvmOptions));
    }

    /** The same program with other JVM options. */
    ExampleProgram withJvmOptions(String... options) {
        return new ExampleProgram(module, mainClass, javaModule, List.of(options));
    }

    String name() {
        return module;
    }

    /**
     * Runs it with {@code SENTRY_DSN=dsn} (and no other ambient {@code SENTRY_*} variables) and waits
     * up to {@code limit}; a program still running then is killed and reported as not finished.
     */
    ProgramRun run(String dsn, Duration limit, Path workDir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (javaModule == null) {
            command.add("-cp");
            command.add(classpath());
            command.add(mainClass);
        } else {
            command.add("--module-path");
            command.add(classpath());
            command.add("-m");
            command.add(javaModule + "/" + mainClass);
        }
        Path output = workDir.resolve(module + ".out");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile()); // a file, so a chatty program never blocks on a full pipe
        builder.environment().keySet().removeIf(name -> name.startsWith("SENTRY_"));
        builder.environment().put("SENTRY_DSN", dsn);
        long start = System.nanoTime();
        Process process = builder.start();
        boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (!finished) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        return new ProgramRun(module, finished, finished ? process.exitValue() : -1, elapsed,
                Files.readString(output, StandardCharsets.UTF_8));
    }

    private String classpath() throws IOException {
        Path moduleDir = examplesDir().resolve(module);
        Path classes = moduleDir.resolve("target/classes");
        Path dependencies = moduleDir.resolve("target/classpath.txt");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(dependencies)) {
            throw new IllegalStateException(module + " is not built (no " + classes + " or " + dependencies
                    + "); build with: mvn -B -pl examples/it -am verify");
        }
        return classes + File.pathSeparator + Files.readString(dependencies, StandardCharsets.UTF_8).trim();
    }

    private static Path examplesDir() {
        String configured = System.getProperty("sentry4j.examples.dir");
        return (configured != null ? Path.of(configured) : Path.of("..")).toAbsolutePath().normalize();
    }
}
