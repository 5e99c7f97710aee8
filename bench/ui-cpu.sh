#!/usr/bin/env bash
# Step 8: what the live UI costs. The same run (a separate mock server, so the CLI JVM holds nothing but the CLI)
# is made once per --ui mode inside tmux (a real terminal, 160x50); a sampler reads /proc for the CLI JVM's threads
# every 0.5 s, and the table gives, per mode, the CPU of the whole CLI JVM and of its UI thread (aiperf-ui) over the
# run, in % of one core, with the run's request throughput beside it so a UI that slowed the run would show.
#   DURATION  seconds of profiling per mode (default 30)    CONCURRENCY  (default 32)
#   MODES     (default "dashboard simple none")
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need tmux
bench_init ui-cpu
duration="${DURATION:-30}"
concurrency="${CONCURRENCY:-32}"
start_mock
sock="aiperf-ui-cpu-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; bench_cleanup' EXIT

sample_threads() { # PID FILE: "epoch_ns,thread,ticks" for every thread of PID until it exits
  python3 - "$1" "$2" <<'PY'
import os, sys, time
pid, path = sys.argv[1], sys.argv[2]
with open(path, "w") as out:
    while os.path.exists(f"/proc/{pid}"):
        now = time.time_ns()
        try:
            for tid in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{tid}/stat") as f:
                    s = f.read()
                name = s[s.index("(") + 1:s.rindex(")")]
                fields = s[s.rindex(")") + 2:].split()
                out.write(f"{now},{tid}:{name},{int(fields[11]) + int(fields[12])}\n")
        except (FileNotFoundError, ProcessLookupError):
            pass
        out.flush()
        time.sleep(0.5)
PY
}

printf '%-10s %12s %14s %14s %10s\n' mode "cli CPU %" "aiperf-ui %" "req/s" requests
for mode in ${MODES:-dashboard simple none}; do
  run="$out/$mode"
  mkdir -p "$run"
  tmux -L "$sock" new-session -d -s "$mode" -x 160 -y 50 \
    "$root/bin/aiperf profile -m bench --endpoint-type chat --streaming -u $mock_url --tokenizer builtin \
      --isl 100 --osl 200 --extra-inputs ignore_eos:true --concurrency $concurrency \
      --benchmark-duration $duration --ui-type $mode --artifact-dir $run/aiperf > $run/tty.txt 2>&1; \
      echo \$? > $run/exit.txt"
  # The CLI JVM: the java process running the jar's profile command under this tmux server.
  cli=""
  for _ in $(seq 100); do
    cli=$(pgrep -f "aiperf.jar profile -m bench .*--ui-type $mode" | head -1 || true)
    [ -n "$cli" ] && break
    sleep 0.1
  done
  [ -n "$cli" ] || { echo "ui-cpu: the $mode run did not start; see $run" >&2; exit 1; }
  sample_threads "$cli" "$run/threads.csv"
  for _ in $(seq 100); do [ -f "$run/exit.txt" ] && break; sleep 0.1; done
  python3 - "$run/threads.csv" "$run/aiperf/profile_export_aiperf.json" "$mode" <<'PY'
import collections, json, os, sys
rows = [l.strip().split(",") for l in open(sys.argv[1]) if l.strip()]
hz = os.sysconf("SC_CLK_TCK")
first_ns, last_ns = int(rows[0][0]), int(rows[-1][0])
last = {}
for t, thread, ticks in rows:
    last[thread] = int(ticks)  # cumulative: the last sample of each thread is its total
wall_s = (last_ns - first_ns) / 1e9
total = sum(last.values()) / hz
ui = sum(v for k, v in last.items() if k.endswith(":aiperf-ui")) / hz
summary = json.load(open(sys.argv[2]))
rps = summary["request_throughput"]["avg"]
count = summary["request_count"]["avg"]
print(f"{sys.argv[3]:<10s} {100 * total / wall_s:12.1f} {100 * ui / wall_s:14.2f} {rps:14.1f} {count:10.0f}")
PY
done
echo "CPU: utime+stime of the CLI JVM's threads over its whole life (start-up included), per wall second; $(load_line)"
