#!/usr/bin/env bash
# Does memory stay flat over a long run? Runs `aiperf profile` against the built-in mock server in --fast mode
# (non-streaming, tiny ISL/OSL, builtin tokenizer) for REQUESTS requests and, every SAMPLE seconds, records the live
# heap (`jcmd GC.class_histogram`: a full GC, then the total of every live object, so allocation between two jcmd
# calls does not blur it) and RSS (/proc/<pid>/status VmRSS) of the two JVMs that could accumulate per-request
# state: the system controller (the pacer and its bookkeeping) and the records manager (every record's metrics,
# the aggregate, the streamed exports), plus the progress (lines in profile_export.jsonl). Prints both at ~10 %,
# ~50 % and the last sample (~100 %), plus the request throughput from profile_export_aiperf.json. Each sample
# also keeps the top of each histogram (controller-<n>.txt, records-<n>.txt): what the live heap holds.
# The controller is the JVM the CLI JVM starts with `service --type system_controller`; it starts the records
# manager (`--type records_manager`) and the workers. The forced GCs pause both once every SAMPLE seconds (not
# measured).
# Usage: bench/memory-flat.sh   env: REQUESTS (1000000), CONCURRENCY (64), SAMPLE (s, 5), WORKERS (aiperf's
# default), RECORD_PROCESSORS (aiperf's default), SERVICE_JAVA_OPTS (controller and workers, e.g. -Xmx256m to
# prove the run fits in a small heap).
# Needs a build (mvn -q -DskipTests package) and a JDK (jcmd). Keeps samples and artifacts in bench/out/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
requests="${REQUESTS:-1000000}"; conc="${CONCURRENCY:-64}"; every="${SAMPLE:-5}"
out="$root/bench/out/memory-$(date +%Y%m%d-%H%M%S)"; mkdir -p "$out"
jar="$root/aiperf-cli/target/aiperf.jar"
[ -f "$jar" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 1; }
jcmd_bin="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"
command -v "$jcmd_bin" >/dev/null || { echo "jcmd not found (needs a JDK)" >&2; exit 1; }

port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])' 2>/dev/null || echo 18767)
"$root/bin/aiperf-mock-server" --port "$port" --fast > "$out/mock.log" 2>&1 &
mock_pid=$!
cli_pid=""
cleanup() { kill "$mock_pid" 2>/dev/null || true; [ -n "$cli_pid" ] && kill "$cli_pid" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.2; done

opts=()
[ -n "${WORKERS:-}" ] && opts+=(--workers-max "$WORKERS")
[ -n "${RECORD_PROCESSORS:-}" ] && opts+=(--record-processors "$RECORD_PROCESSORS")
dir="$out/run"
# bin/aiperf execs java, so $! is the CLI JVM; the controller is its child.
AIPERF_SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:-}" "$root/bin/aiperf" profile -m bench -u "127.0.0.1:$port" \
    --endpoint-type chat --isl 8 --osl 4 --tokenizer builtin --concurrency "$conc" --request-count "$requests" \
    --artifact-dir "$dir" --ui none "${opts[@]}" > "$out/console.txt" 2>&1 &
cli_pid=$!
started=$(date +%s.%N)
# The child of $parent whose command line says `--type $type`, waiting up to 30 s for it.
child_of_type() {
  local parent=$1 type=$2 found=""
  for _ in $(seq 300); do
    for child in $(pgrep -P "$parent" 2>/dev/null); do
      tr '\0' ' ' < "/proc/$child/cmdline" 2>/dev/null | grep -q -- "--type $type" && found=$child
    done
    [ -n "$found" ] && break
    kill -0 "$parent" 2>/dev/null || break
    sleep 0.1
  done
  echo "$found"
}
controller_pid=$(child_of_type "$cli_pid" system_controller)
[ -n "$controller_pid" ] || { echo "no system-controller JVM found; see $out/console.txt" >&2; exit 1; }
records_pid=$(child_of_type "$controller_pid" records_manager)
[ -n "$records_pid" ] || { echo "no records-manager JVM found; see $out/console.txt" >&2; exit 1; }
printf 'controller JVM: pid %s\nrecords-manager JVM: pid %s\n' "$controller_pid" "$records_pid" > "$out/pids.txt"

# Live heap (KiB) of JVM $1 after a full GC, keeping the top of its histogram in $2; empty when it is gone.
live_heap_kb() {
  "$jcmd_bin" "$1" GC.class_histogram > "$out/histogram.tmp" 2>/dev/null || return 0
  head -25 "$out/histogram.tmp" > "$2"
  # Last line: "Total  <instances>  <bytes>".
  awk '/^Total/{print int($3/1024)}' "$out/histogram.tmp"
}

samples="$out/samples.csv"
echo "elapsed_s,completed,jsonl_lines,controller_heap_kb,controller_rss_kb,records_heap_kb,records_rss_kb" > "$samples"
n=0
while kill -0 "$controller_pid" 2>/dev/null && kill -0 "$records_pid" 2>/dev/null; do
  sleep "$every"
  crss=$(awk '/^VmRSS:/{print $2}' "/proc/$controller_pid/status" 2>/dev/null) || break
  rrss=$(awk '/^VmRSS:/{print $2}' "/proc/$records_pid/status" 2>/dev/null) || break
  n=$((n + 1))
  cheap=$(live_heap_kb "$controller_pid" "$out/controller-$n.txt")
  rheap=$(live_heap_kb "$records_pid" "$out/records-$n.txt")
  [ -n "$cheap" ] && [ -n "$rheap" ] || break
  lines=$( { wc -l < "$dir/profile_export.jsonl"; } 2>/dev/null || echo 0)
  # Requests completed per the last progress line: completed - jsonl_lines is the records backlog (plus up to 1 s
  # of lines still in the writer's buffer).
  done_now=$( { grep -o 'Profiling: [0-9]*' "$out/console.txt" | tail -1 | tr -dc '0-9'; } 2>/dev/null || true)
  elapsed=$(python3 -c "import time;print(f'{time.time()-$started:.1f}')")
  echo "$elapsed,${done_now:-0},$lines,$cheap,$crss,$rheap,$rrss" >> "$samples"
done
rm -f "$out/histogram.tmp"
status=0; wait "$cli_pid" || status=$?
cli_pid=""
[ "$status" -eq 0 ] || { echo "aiperf exited $status; see $out/console.txt" >&2; tail -5 "$out/console.txt" >&2; }

python3 - "$samples" "$requests" "$dir/profile_export_aiperf.json" "$dir/profile_export.jsonl" <<'PY'
import csv, json, sys
samples, total, summary, jsonl = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
rows = [r for r in csv.DictReader(open(samples)) if r["controller_heap_kb"] and r["records_heap_kb"]]
if not rows:
    sys.exit("no samples")
def at(fraction):
    for r in rows:
        if int(r["jsonl_lines"]) >= fraction * total:
            return r
    return rows[-1]
mib = lambda r, k: int(r[k]) / 1024
print(f"{'point':<6} {'elapsed_s':>9} {'completed':>9} {'in_jsonl':>9} | controller: {'heap_MiB':>8} {'rss_MiB':>7} "
      f"| records manager: {'heap_MiB':>8} {'rss_MiB':>7}")
for name, r in (("10%", at(0.10)), ("50%", at(0.50)), ("last", rows[-1])):
    print(f"{name:<6} {r['elapsed_s']:>9} {r['completed']:>9} {r['jsonl_lines']:>9} | {'':>11} "
          f"{mib(r, 'controller_heap_kb'):>8.1f} {mib(r, 'controller_rss_kb'):>7.1f} | {'':>16} "
          f"{mib(r, 'records_heap_kb'):>8.1f} {mib(r, 'records_rss_kb'):>7.1f}")
for who in ("controller", "records"):
    heap = [int(r[f"{who}_heap_kb"]) for r in rows]
    print(f"{who} live heap over {len(rows)} samples: min {min(heap)/1024:.1f} MiB, max {max(heap)/1024:.1f} MiB")
lines = sum(1 for _ in open(jsonl))
print(f"profile_export.jsonl lines: {lines} of {total}")
try:
    metrics = json.load(open(summary))
    def avg(tag):
        m = metrics.get(tag) or {}
        return m.get("avg")
    print(f"request_count: {avg('request_count')}, error_request_count: {avg('error_request_count') or 0}, "
          f"request_throughput: {avg('request_throughput'):.0f} req/s, "
          f"benchmark_duration: {avg('benchmark_duration'):.1f} s")
except (OSError, ValueError, TypeError) as e:
    print(f"no summary: {e}")
PY
echo "artifacts: $out"
