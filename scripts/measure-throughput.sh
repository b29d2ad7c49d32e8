#!/usr/bin/env bash
# Throughput of the CLI against the standalone simulator (issue 3's acceptance figure):
# N hosts (default 60) that each stay silent 2 s and exit 0, run with --throttle 20.
# Ideal wall time = ceil(N / throttle) waves x 2 s (6 s for 60 / 20); prints the measured wall
# time and the ratio ideal / actual (target >= 0.8), twice: against the freshly started simulator
# and against the same simulator once it has served a run (REPEAT times, default 5, then the
# median: a shared 2-core machine varies by several tenths of a second from run to run). Each
# measured run is a fresh `java -jar`, JVM start-up included.
#
# Builds nothing: it uses the jars a build left behind, e.g.
#   mvn -B -q -pl cli -am package -DskipTests
# Usage: scripts/measure-throughput.sh [HOSTS [THROTTLE [REPEAT]]]
set -euo pipefail
cd "$(dirname "$0")/.."

hosts=${1:-60}
throttle=${2:-20}
repeat=${3:-5}
sleep_seconds=2
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
. scripts/simulator-fixture.sh

cat > "$work/scenario.json" <<JSON
{ "hosts": { "0-$((hosts - 1))": { "exitCode": 0, "steps": [ { "sleep": "PT${sleep_seconds}S" } ] } } }
JSON

start_simulator --hosts "$hosts" --user u --password p \
  --inventory-out "$work/inventory.txt" --scenario "$work/scenario.json"

export WINRM_INVOKE_MEASURE_PASSWORD=p
waves=$(( (hosts + throttle - 1) / throttle ))
ideal=$((waves * sleep_seconds))

# One timed `java -jar ... run` (a fresh JVM each time, as a user runs it); prints its figures.
measure() {
  local label=$1 reports="$work/reports-$1"
  local command=(java -jar "$cli_jar" run --hosts-file "$work/inventory.txt" --user u
    --password-env WINRM_INVOKE_MEASURE_PASSWORD --auth basic --allow-unencrypted
    --command "rem measure" --throttle "$throttle" --quiet
    --report-dir "$reports")
  [ "$label" = cold ] && echo "command: ${command[*]}"
  local start end status
  start=$(date +%s%N)
  set +e
  "${command[@]}" > "$work/cli-$label.out" 2>&1
  status=$?
  set -e
  end=$(date +%s%N)
  if [ "$status" -ne 0 ]; then cat "$work/cli-$label.out" >&2; echo "cli exit status $status" >&2; exit 1; fi
  # "60 hosts in 7.4s: 60 succeeded": the run itself, without JVM start-up and validation
  local run_line
  run_line=$(grep -E '^[0-9]+ hosts? in ' "$work/cli-$label.out")
  awk -v figures="$work/figures" -v ns=$((end - start)) -v ideal="$ideal" -v label="$label" -v run="$run_line" 'BEGIN {
    wall = ns / 1e9
    split(run, parts, " "); sub(/s:?$/, "", parts[4]); inrun = parts[4] + 0
    printf "%-7s simulator: wall %.2f s, ratio %.2f | run alone %.2f s, ratio %.2f\n", label, wall, ideal / wall, inrun, ideal / inrun
    printf "%s %.3f %.3f\n", label, wall, inrun >> figures
  }'
  rm -rf "$reports"
}

echo "hosts $hosts, throttle $throttle, each silent ${sleep_seconds} s: ideal $waves waves x ${sleep_seconds} s = ${ideal} s"
echo "load average before: $load_before on $(nproc) CPUs (other work on the machine skews the figures)"
# cold: the simulator has served nothing yet (its JIT is as cold as the CLI's);
# warm: the same simulator again, as a Windows host that has been up for a while.
measure cold
for n in $(seq 1 "$repeat"); do measure "warm-$n"; done
# median = the middle run by wall time (odd REPEAT) or the lower middle one
median_line=$(grep '^warm' "$work/figures" | sort -k2,2n | sed -n "$(( (repeat + 1) / 2 ))p")
median_run=$(grep '^warm' "$work/figures" | sort -k3,3n | sed -n "$(( (repeat + 1) / 2 ))p" | cut -d' ' -f3)
awk -v ideal="$ideal" -v n="$repeat" -v line="$median_line" -v run="$median_run" 'BEGIN {
  split(line, f, " ")
  printf "median of %d warm runs: wall %.2f s, ratio %.2f | run alone %.2f s, ratio %.2f\n", n, f[2], ideal / f[2], run, ideal / run
}'
echo "wall = the whole java -jar (JVM start-up included); ratio = ideal / measured (target >= 0.8)"
