#!/usr/bin/env bash
# Where a first wave's time goes on our side (issue 10, goal 2): one streaming `aiperf profile --export-http-trace`
# of REQUESTS requests at CONCURRENCY against a mock with MOCK_ARGS (warmed by three requests), then p50 and max of
# http_req_blocked, http_req_connecting, http_req_sending and time_to_first_token for the first CONCURRENCY requests
# by start (the first wave: one new connection each) and for the rest, and the worker's warm-up log line.
# Usage: bench/first-wave.sh   env: CONCURRENCY (16), REQUESTS (3 x CONCURRENCY), MOCK_ARGS (--ttft 30 --itl 5),
# ISL (200), OSL (20). Needs a build (mvn -B -q -DskipTests package). Artifacts in bench/out/first-wave-<time>/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
conc=${CONCURRENCY:-16}
n=${REQUESTS:-$((3 * conc))}
out="$root/bench/out/first-wave-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
port=$((25000 + RANDOM % 5000))
# shellcheck disable=SC2086
"$root/bin/aiperf-mock-server" --port "$port" ${MOCK_ARGS:---ttft 30 --itl 5} > "$out/mock.log" 2>&1 &
mock=$!
trap 'kill $mock 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" > /dev/null 2>&1 && break; sleep 0.2; done
for _ in 1 2 3; do
  curl -s -XPOST "http://127.0.0.1:$port/v1/chat/completions" \
    -d '{"model":"m","messages":[{"role":"user","content":"hi"}],"max_tokens":2}' > /dev/null
done
uptime > "$out/load.txt"
if ! "$root/bin/aiperf" profile -m bench -u "127.0.0.1:$port" --isl "${ISL:-200}" --osl "${OSL:-20}" --streaming \
    --concurrency "$conc" --request-count "$n" --tokenizer builtin --artifact-dir "$out/aiperf" --ui none \
    --export-http-trace > "$out/console.txt" 2>&1; then
  echo "first-wave: aiperf profile failed, see $out/console.txt" >&2
  exit 1
fi
grep -h "warmed" "$out/aiperf/logs/aiperf.log" | sed 's/.*warmed/warmed/' || true
python3 - "$out/aiperf/profile_export.jsonl" "$conc" <<'PY'
import json, sys
recs = sorted((json.loads(l) for l in open(sys.argv[1])), key=lambda r: r['metadata']['request_start_ns'])
c = int(sys.argv[2])
def value(r, k):
    return r['metrics'].get(k, {}).get('value', float('nan'))
for name, group in (('first wave', recs[:c]), ('rest', recs[c:])):
    for k in ('http_req_blocked', 'http_req_connecting', 'http_req_sending', 'time_to_first_token'):
        v = sorted(value(r, k) for r in group)
        print(f"{name:10s} {k:22s} p50 {v[len(v) // 2]:7.2f} max {v[-1]:7.2f} ms")
PY
echo "load at start: $(cat "$out/load.txt" | sed 's/.*load average: //'); artifacts: $out"
