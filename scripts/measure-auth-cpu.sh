#!/usr/bin/env bash
# Client CPU per host of NTLM with WinRM message encryption against Basic, side by side in one
# invocation, on the standalone simulator (docs/auth.md, "Cost of encryption"). One simulator
# serves both methods (--auth basic,ntlm: Basic over HTTP and sealed NTLM alike); the CLI runs HOSTS hosts
# with each method REPEAT times, alternating, and the CPU time (user + system) of each CLI JVM is
# taken from bash's `time`. JVM start-up is in both figures alike, so the difference divided by the
# hosts is what the handshake and sealing cost per host.
#
# Builds nothing: it uses the jars a build left behind, e.g.
#   mvn -B -q -pl cli -am package -DskipTests
# Usage: scripts/measure-auth-cpu.sh [HOSTS [THROTTLE [REPEAT]]]   (defaults 200 50 3)
set -euo pipefail
cd "$(dirname "$0")/.."

hosts=${1:-200}
throttle=${2:-50}
repeat=${3:-3}
. scripts/simulator-fixture.sh

# Scripted output (no /bin/sh per command): the simulator's side stays cheap and alike for both.
cat > "$work/scenario.json" <<JSON
{ "hosts": { "0-$((hosts - 1))": { "exitCode": 0, "steps": [ { "stdout": "deployed build 42\n" } ] } } }
JSON
export WINRM_CPU_PW='Cpu-Measure-Pa55!'
start_simulator --hosts "$hosts" --user deployer --password "$WINRM_CPU_PW" --auth basic,ntlm \
  --inventory-out "$work/inventory.txt" --scenario "$work/scenario.json"

# One CLI run; prints "<cpu seconds> <wall seconds>".
measure() {
  local method=$1 run=$2 extra=()
  [ "$method" = basic ] && extra=(--allow-unencrypted)
  local TIMEFORMAT='%U %S %R' out
  out=$( { time java -jar "$cli_jar" run --hosts-file "$work/inventory.txt" --user deployer \
      --password-env WINRM_CPU_PW --auth "$method" "${extra[@]}" --command 'deploy.cmd' \
      --throttle "$throttle" --retries 0 --quiet --report-dir "$work/reports-$method-$run" \
      > "$work/cli-$method-$run.out" 2>&1; } 2>&1 ) || { echo "$method run $run failed:" >&2; cat "$work/cli-$method-$run.out" >&2; exit 1; }
  awk '{ printf "%.2f %.2f\n", $1 + $2, $3 }' <<< "$out"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "hosts=$hosts throttle=$throttle repeat=$repeat cpus=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$repeat"); do
  # alternate the order so a warming machine favours neither
  if [ $((run % 2)) -eq 1 ]; then order=(basic ntlm); else order=(ntlm basic); fi
  for method in "${order[@]}"; do
    read -r cpu wall < <(measure "$method" "$run")
    echo "$cpu" >> "$work/cpu-$method"
    echo "$wall" >> "$work/wall-$method"
    echo "  run $run $method: cpu ${cpu}s wall ${wall}s"
  done
done

basic_cpu=$(median < "$work/cpu-basic"); ntlm_cpu=$(median < "$work/cpu-ntlm")
basic_wall=$(median < "$work/wall-basic"); ntlm_wall=$(median < "$work/wall-ntlm")
awk -v h="$hosts" -v bc="$basic_cpu" -v nc="$ntlm_cpu" -v bw="$basic_wall" -v nw="$ntlm_wall" 'BEGIN {
  printf "%-34s %10s %14s %9s\n", "method (median of runs)", "cpu s", "cpu ms/host", "wall s"
  printf "%-34s %10.2f %14.1f %9.2f\n", "basic (over HTTP, in clear)", bc, bc * 1000 / h, bw
  printf "%-34s %10.2f %14.1f %9.2f\n", "ntlm (sealed)", nc, nc * 1000 / h, nw
  printf "ntlm + encryption costs %.1f ms more client CPU per host than basic (x%.2f of the whole run)\n",
         (nc - bc) * 1000 / h, nc / bc
}'
