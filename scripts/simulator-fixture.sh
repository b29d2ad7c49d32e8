# Sourced by the measuring scripts: the built jars, a work directory removed on exit, and a
# standalone simulator started in the background (stopped on exit).
#   start_simulator ARGS...   starts `java -jar winrm-simulator.jar ARGS...` and waits for READY
# Sets: sim_jar, cli_jar, work, sim_pid.
sim_jar=simulator/target/winrm-simulator.jar
cli_jar=cli/target/winrm-invoke.jar
for jar in "$sim_jar" "$cli_jar"; do
  [ -f "$jar" ] || { echo "missing $jar: build first (mvn -B -q -pl cli -am package -DskipTests)" >&2; exit 2; }
done

work=$(mktemp -d)
sim_pid=
cleanup() {
  if [ -n "$sim_pid" ]; then kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

start_simulator() {
  java -jar "$sim_jar" "$@" > "$work/simulator.out" 2>&1 &
  sim_pid=$!
  for _ in $(seq 1 600); do
    grep -q '^READY' "$work/simulator.out" 2>/dev/null && return 0
    kill -0 "$sim_pid" 2>/dev/null || { echo "simulator exited:" >&2; cat "$work/simulator.out" >&2; exit 1; }
    sleep 0.1
  done
  echo "simulator not READY after 60 s" >&2
  exit 1
}
