#!/usr/bin/env bash
# What the worker's loopback warm-up buys: TTFT of the first requests of a run, with and without it.
# Starts the mock with a fixed TTFT (default 60 ms), then runs a short streaming `aiperf profile` twice: once as
# shipped, once with the warm-up turned off (-Daiperf.worker.warmup=false through AIPERF_SERVICE_JAVA_OPTS). For each
# run it prints the TTFT of the first FIRST requests (by send time) and of the rest, from profile_export.jsonl.
# The gap between the mock's TTFT and the measured one is client overhead (class loading, JIT, first connection).
# Usage: bench/warmup-ttft.sh   env: TTFT (ms, 60), CONCURRENCY (4), REQUESTS (24), FIRST (4).
# Needs a build (mvn -q -DskipTests package). Keeps artifacts in bench/out/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
ttft="${TTFT:-60}"; conc="${CONCURRENCY:-4}"; count="${REQUESTS:-24}"; first="${FIRST:-4}"
out="$root/bench/out/warmup-$(date +%Y%m%d-%H%M%S)"; mkdir -p "$out"
jar="$root/aiperf-cli/target/aiperf.jar"
[ -f "$jar" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 1; }

port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])' 2>/dev/null || echo 18766)
"$root/bin/aiperf-mock-server" --port "$port" --ttft "$ttft" --itl 5 > "$out/mock.log" 2>&1 &
mock_pid=$!
trap 'kill $mock_pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.2; done

printf '%-10s %-8s %-22s %-22s\n' warmup mock_ttft "first $first ttft ms" "rest ttft ms (p50/max)"
for mode in on off; do
  dir="$out/$mode"
  opts=""; [ "$mode" = off ] && opts="-Daiperf.worker.warmup=false"
  AIPERF_SERVICE_JAVA_OPTS="$opts" "$root/bin/aiperf" profile -m bench -u "127.0.0.1:$port" --endpoint-type chat \
      --streaming --isl 32 --osl 8 --tokenizer builtin --concurrency "$conc" --request-count "$count" \
      --artifact-dir "$dir" --ui none > "$dir.console.txt" 2>&1
  printf '%-10s %-8s ' "$mode" "$ttft"
  java -cp "$jar" "$root/bench/TtftReport.java" "$first" "$dir/profile_export.jsonl"
done
echo "artifacts: $out"
