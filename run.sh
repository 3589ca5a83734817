#!/usr/bin/env bash
# The README's main command: builds the examples, starts the local inbox on a free port, runs every
# example program against it as its own JVM, prints what arrived (events and structured logs), stops the inbox.
#   bash run.sh                 (needs only a JDK 11+ and Maven)
#   MVN_ARGS=-o bash run.sh     (extra Maven flags, e.g. offline)
#   INBOX_ARGS="--fail 503 --fail-count 2" bash run.sh   (extra inbox flags: refuse some envelopes and
#                               watch the SDK back off; run.sh then reports the events that never came)
# Exit status 0 when every program exited cleanly and the inbox got every event and structured log they send.
set -euo pipefail
cd "$(dirname "$0")"

# The programs to run, in order:
# "module under examples/ | main class | events it sends | structured logs it sends | JVM options".
PROGRAMS=(
  "core-demo|org.sentry4j.examples.core.CoreDemo|4|3|"
  "logback-example|org.sentry4j.examples.logback.LogbackExample|3|9|"
  "log4j2-example|org.sentry4j.examples.log4j2.Log4j2Example|3|9|"
  "spring-boot-example|org.sentry4j.examples.spring.boot.SpringBootExample|1|0|"
  "jul-example|org.sentry4j.examples.jul.JulExample|3|9|"
)
PROGRAM_TIMEOUT=60   # seconds one program may run (it should take a few)
INBOX_GRACE=15       # seconds the inbox may take, after the last program, to have every event

RUN_DIR=examples/inbox/target/run
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

fail() { echo "run.sh: $*" >&2; exit 1; }
field() { echo "$1" | cut -d'|' -f"$2"; }
classpath() { echo "examples/$1/target/classes:$(cat "examples/$1/target/classpath.txt")"; }

command -v mvn >/dev/null || fail "Maven (mvn) is not on the PATH"
command -v "$JAVA" >/dev/null || fail "java is not on the PATH (or set JAVA_HOME)"

modules=examples/inbox
expected=0
expected_logs=0
for p in "${PROGRAMS[@]}"; do
  modules="$modules,examples/$(field "$p" 1)"
  expected=$((expected + $(field "$p" 3)))
  expected_logs=$((expected_logs + $(field "$p" 4)))
done

echo "==> building $modules (mvn package, tests skipped)"
# shellcheck disable=SC2086  # MVN_ARGS is a list of flags
mvn -B -q -Dstyle.color=never -DskipTests ${MVN_ARGS:-} -pl "$modules" -am package || fail "the build failed (see above)"

rm -rf "$RUN_DIR"
mkdir -p "$RUN_DIR"
echo "==> starting the inbox (expecting $expected events and $expected_logs structured logs)"
# shellcheck disable=SC2086  # INBOX_ARGS is a list of flags
"$JAVA" -cp "$(classpath inbox)" org.sentry4j.examples.inbox.Inbox --port 0 \
  --out "$RUN_DIR/envelopes" --dsn-file "$RUN_DIR/dsn" --expect "$expected" \
  --expect-logs "$expected_logs" --timeout 600 ${INBOX_ARGS:-} \
  >"$RUN_DIR/inbox.log" 2>&1 &
inbox_pid=$!
trap 'kill "$inbox_pid" 2>/dev/null || true' EXIT

for _ in $(seq 300); do   # up to 30 s for the JVM to start and write the DSN
  [ -s "$RUN_DIR/dsn" ] && break
  kill -0 "$inbox_pid" 2>/dev/null || { cat "$RUN_DIR/inbox.log"; fail "the inbox did not start"; }
  sleep 0.1
done
[ -s "$RUN_DIR/dsn" ] || fail "the inbox wrote no DSN within 30 s"
SENTRY_DSN="$(cat "$RUN_DIR/dsn")"
echo "    SENTRY_DSN=$SENTRY_DSN"

failed=""
for p in "${PROGRAMS[@]}"; do
  module="$(field "$p" 1)"
  echo "==> running $module ($(field "$p" 3) events and $(field "$p" 4) structured logs expected)"
  runner=""
  command -v timeout >/dev/null && runner="timeout $PROGRAM_TIMEOUT"
  start=$(date +%s)
  # shellcheck disable=SC2086  # runner and the JVM options are word lists
  if SENTRY_DSN="$SENTRY_DSN" $runner "$JAVA" $(field "$p" 5) -cp "$(classpath "$module")" "$(field "$p" 2)" 2>&1 \
      | sed "s/^/    [$module] /"; then
    echo "    $module exited cleanly after $(( $(date +%s) - start )) s"
  else
    echo "    $module FAILED (exit status ${PIPESTATUS[0]})"
    failed="$failed $module"
  fi
done

# The inbox stops by itself once it has every expected event and log; give stragglers a moment (unless a
# program failed, when some events will not come anyway).
if [ -z "$failed" ]; then
  for _ in $(seq $((INBOX_GRACE * 10))); do
    kill -0 "$inbox_pid" 2>/dev/null || break
    sleep 0.1
  done
fi
if kill -0 "$inbox_pid" 2>/dev/null; then
  kill "$inbox_pid"   # it prints its summary on the way out
  wait "$inbox_pid" 2>/dev/null || true
  inbox_status=1
else
  wait "$inbox_pid" && inbox_status=0 || inbox_status=$?
fi

echo "==> what the inbox received (raw envelopes: $RUN_DIR/envelopes)"
cat "$RUN_DIR/inbox.log"

[ -z "$failed" ] || fail "these programs failed:$failed"
[ "$inbox_status" -eq 0 ] || fail "the inbox did not get all $expected events and $expected_logs structured logs (see its summary above)"
echo "==> ok: every program ran and all $expected events and $expected_logs structured logs arrived"
