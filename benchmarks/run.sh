#!/usr/bin/env bash
# Runs every benchmark in one go and writes benchmarks/RESULTS.md (see docs/benchmarks.md):
# JMH cases a–d, f and h (Logback and Log4j2 × floor / sentry4j / io.sentry 8.43.0), the end-to-end case e
# and the short-lived-program case g.
# Also puts the table into README.md (between its latest-results markers). About 8 minutes on
# 2 cores. Extra arguments go to org.sentry4j.benchmarks.Suite:
#   --quick      smoke run: 1 × 1 s JMH iterations, only the healthy case e
#   --skip-jmh / --skip-e2e / --skip-g, --jmh REGEX, --e2e REGEX (e.g. sentry4j-logback-503),
#   --g REGEX (e.g. sentry4j-log4j2-600ms), --out FILE
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.."
# Reactor build of the module and what it depends on; never `mvn install`.
mvn -B -q -DskipTests -pl benchmarks -am package
cd "$here"
classpath="target/classes:$(cat target/classpath.txt)"
# The suite's JVM hosts case e's receiver and runs without the priority flags: there the receiver
# answers at normal priority, as a server process on the same machine would (see docs/benchmarks.md).
java -cp "$classpath" org.sentry4j.benchmarks.Suite --out RESULTS.md --readme ../README.md --command "bash benchmarks/run.sh${*:+ $*}" "$@"
