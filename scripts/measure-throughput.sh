#!/usr/bin/env bash
# Throughput of the CLI against the standalone simulator (issue 3's acceptance figure):
# N hosts (default 60) that each stay silent 2 s and exit 0, run with --throttle 20.
# Ideal wall time = ceil(N / throttle) waves x 2 s (6 s for 60 / 20); prints the measured wall
# time and the ratio ideal / actual (target >= 0.8).
#
# Builds nothing: it uses the jars a build left behind, e.g.
#   mvn -B -q -pl cli -am package -DskipTests
# Usage: scripts/measure-throughput.sh [HOSTS [THROTTLE]]
set -euo pipefail
cd "$(dirname "$0")/.."

hosts=${1:-60}
throttle=${2:-20}
sleep_seconds=2
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

cat > "$work/scenario.json" <<JSON
{ "hosts": { "0-$((hosts - 1))": { "exitCode": 0, "steps": [ { "sleep": "PT${sleep_seconds}S" } ] } } }
JSON

java -jar "$sim_jar" --hosts "$hosts" --user u --password p \
  --inventory-out "$work/inventory.txt" --scenario "$work/scenario.json" > "$work/simulator.out" 2>&1 &
sim_pid=$!
for _ in $(seq 1 600); do
  grep -q '^READY' "$work/simulator.out" 2>/dev/null && break
  kill -0 "$sim_pid" 2>/dev/null || { echo "simulator exited:" >&2; cat "$work/simulator.out" >&2; exit 1; }
  sleep 0.1
done
grep -q '^READY' "$work/simulator.out" || { echo "simulator not READY after 60 s" >&2; exit 1; }

export WINRM_INVOKE_MEASURE_PASSWORD=p
command=(java -jar "$cli_jar" run --hosts-file "$work/inventory.txt" --user u
  --password-env WINRM_INVOKE_MEASURE_PASSWORD --command "rem measure" --throttle "$throttle" --quiet
  --report-dir "$work/reports")
echo "command: ${command[*]}"
start=$(date +%s%N)
set +e
"${command[@]}" > "$work/cli.out" 2>&1
status=$?
set -e
end=$(date +%s%N)

counts=$(grep -E '^[0-9]+ hosts? in ' "$work/cli.out" || true)
echo "cli exit status: $status; $counts"
if [ "$status" -ne 0 ]; then cat "$work/cli.out" >&2; exit 1; fi

waves=$(( (hosts + throttle - 1) / throttle ))
awk -v ns=$((end - start)) -v ideal=$((waves * sleep_seconds)) -v hosts="$hosts" -v throttle="$throttle" \
    -v waves="$waves" 'BEGIN {
  wall = ns / 1e9
  printf "hosts %d, throttle %d: ideal %d waves x 2 s = %.1f s; wall time (java -jar, JVM start-up included) %.2f s; ratio ideal/actual %.2f\n",
         hosts, throttle, waves, ideal, wall, ideal / wall
}'
