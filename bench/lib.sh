# Shared by the bench/*.sh scripts of step 6 (sourced, not run): an artifact directory, the built-in mock server on
# a free port (optionally pinned), its request log, an aiperf run against it, and per-JVM CPU sampling.
#   need CMD...             exits 1 with one line unless every CMD is on the PATH
#   bench_init NAME         sets $root, $jar, $out (bench/out/NAME-<time>); fails without a build; notes the load
#   load_line               "load at start: …; at end: …" for the closing line of a script's table
#   start_mock ARGS...      starts bin/aiperf-mock-server ARGS on a free port of $MOCK_HOST (default 127.0.0.1),
#                           pinned to $MOCK_CPUS when set (taskset -c), waits for /health; sets $mock_pid,
#                           $mock_host, $mock_port, $mock_url, $mock_args
#   warm_mock BODY          MOCK_WARMUP seconds (default 2; 0: none) of `wrk -c64` POSTing BODY to the chat path,
#                           then clears the log: the mock's request path is JIT-compiled before it is measured, so
#                           a cold mock does not count as client error
#   stop_mock               stops it (also done on exit)
#   mock_log FILE           GET /mock/requests into FILE;  mock_clear: DELETE /mock/requests
#   client_cmd              prints "taskset -c $CLIENT_CPUS" when CLIENT_CPUS is set: prefix for aiperf and wrk
#   aiperf_profile RUN ARGS...  `bin/aiperf profile` against the mock with the flags every bench shares (model bench,
#                           chat endpoint, builtin tokenizer, no UI, --workers-max WORKERS when set) and ARGS, on a
#                           freshly cleared mock log. In RUN: launch_ns.txt (epoch just before the launch),
#                           console.txt, aiperf/ (the artifact dir), mock-requests.json (the mock's log of the run),
#                           and with SAMPLE_CPU=1 cpu.csv (sample_cpu; SAMPLE_PIDS: more pids to sample, e.g. workers
#                           that join from other hosts). Exits 1 with one line if aiperf fails.
#   sample_cpu PID FILE [PID...]  in the background until PID exits: every 0.2 s (SAMPLE_EVERY s),
#                           "epoch_ns,pid,role,ticks,start_ticks,rss_kb" (utime+stime, and the process's start since
#                           boot, in clock ticks; resident set in KiB) for PID, its
#                           descendant JVMs, the mock and the further PIDs, in FILE; each process's open-file limit
#                           ("role pid soft hard", once) in FILE.nofile; sets $sampler_pid
#   cpu_report FILE LOG UNIT  steady-state CPU per request (UNIT=requests) or per SSE event (UNIT=events) of each
#                           sampled process, from FILE and the mock log LOG (bench/CpuReport.java)
#   report NAME ARGS...     runs bench/NAME.java with the aiperf jar (Jackson, commons-math3) on the class path
# Everything started here is stopped on exit by pid; callers add their own pids to $bench_pids.

bench_pids=()
cli_pid=
bench_cleanup() {
  local pid
  for pid in "${bench_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  # The first SIGTERM only cancels a run (it finishes the requests in flight and writes the exports, and its
  # workers or mock may be gone): the second aborts it and stops its service JVMs.
  if [ -n "$cli_pid" ] && kill -0 "$cli_pid" 2>/dev/null; then
    for _ in $(seq 50); do kill -0 "$cli_pid" 2>/dev/null || return 0; sleep 0.1; done
    kill "$cli_pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$cli_pid" 2>/dev/null || return 0; sleep 0.1; done
    kill -9 "$cli_pid" 2>/dev/null || true
  fi
}
trap bench_cleanup EXIT

need() {
  local cmd
  for cmd in "$@"; do
    command -v "$cmd" >/dev/null || { echo "$(basename "$0"): needs $cmd on the PATH" >&2; exit 1; }
  done
}

bench_init() {
  need java curl jq python3
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  jar="$root/aiperf-cli/target/aiperf.jar"
  [ -f "$jar" ] && [ -f "$root/mock-server/target/aiperf-mock-server.jar" ] \
    || { echo "$(basename "$0"): build first: mvn -B -q -DskipTests package" >&2; exit 1; }
  out="$root/bench/out/$1-$(date +%Y%m%d-%H%M%S)"
  mkdir -p "$out"
  load_now > "$out/load.txt"
  echo "load at start: $(cat "$out/load.txt")"
}

load_now() { uptime | sed 's/.*load average: //'; }
load_line() { echo "load at start: $(cat "$out/load.txt"); at end: $(load_now) (2 cores)"; }

free_port() {
  python3 -c 'import socket,sys;s=socket.socket();s.bind((sys.argv[1],0));print(s.getsockname()[1])' \
      "${1:-127.0.0.1}"
}

start_mock() {
  mock_host=${MOCK_HOST:-127.0.0.1}
  mock_port=$(free_port "$mock_host")
  mock_args="$*"
  local pin=()
  [ -n "${MOCK_CPUS:-}" ] && pin=(taskset -c "$MOCK_CPUS")
  # bin/aiperf-mock-server execs java (and taskset execs it), so $! is the mock's JVM.
  "${pin[@]}" "$root/bin/aiperf-mock-server" --host "$mock_host" --port "$mock_port" "$@" >> "$out/mock.log" 2>&1 &
  mock_pid=$!
  bench_pids+=("$mock_pid")
  mock_url="http://$mock_host:$mock_port"
  for _ in $(seq 100); do
    curl -sf "$mock_url/health" >/dev/null 2>&1 && return 0
    kill -0 "$mock_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "$(basename "$0"): mock server did not start; see $out/mock.log" >&2
  exit 1
}

warm_mock() {
  local seconds="${MOCK_WARMUP:-2}"
  [ "$seconds" = 0 ] && return 0
  need wrk
  printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = [==[%s]==]\n' \
      "$1" > "$out/warm-mock.lua"
  $(client_cmd) wrk -t1 -c64 -d"${seconds}s" -s "$out/warm-mock.lua" "$mock_url/v1/chat/completions" \
      >> "$out/warm-mock.txt" 2>&1 || { echo "$(basename "$0"): wrk failed; see $out/warm-mock.txt" >&2; exit 1; }
  mock_clear
}

stop_mock() {
  kill "$mock_pid" 2>/dev/null || true
  wait "$mock_pid" 2>/dev/null || true
}

mock_log() { curl -sf "$mock_url/mock/requests" > "$1"; }
mock_clear() { curl -sf -X DELETE "$mock_url/mock/requests" > /dev/null; }

client_cmd() {
  [ -n "${CLIENT_CPUS:-}" ] && echo "taskset -c $CLIENT_CPUS"
  return 0
}

aiperf_profile() {
  local run=$1 cli workers=()
  shift
  [ -n "${WORKERS:-}" ] && workers=(--workers-max "$WORKERS")
  mkdir -p "$run"
  mock_clear
  date +%s%N > "$run/launch_ns.txt"
  $(client_cmd) "$root/bin/aiperf" profile -m bench -u "$mock_host:$mock_port" --endpoint-type chat \
      --tokenizer builtin --ui none --artifact-dir "$run/aiperf" "${workers[@]}" "$@" > "$run/console.txt" 2>&1 &
  cli=$!
  cli_pid=$cli
  bench_pids+=("$cli")
  if [ "${SAMPLE_CPU:-0}" = 1 ]; then
    # shellcheck disable=SC2086 # SAMPLE_PIDS is a list of pids
    sample_cpu "$cli" "$run/cpu.csv" ${SAMPLE_PIDS:-}
  fi
  if ! wait "$cli"; then
    echo "$(basename "$0"): aiperf failed; see $run/console.txt" >&2
    exit 1
  fi
  if [ "${SAMPLE_CPU:-0}" = 1 ]; then
    wait "$sampler_pid" || true
  fi
  mock_log "$run/mock-requests.json"
}

sample_cpu() {
  local root=$1 file=$2
  shift 2
  python3 - "$root" "$file" "${mock_pid:-0}" "${SAMPLE_EVERY:-0.2}" "$@" <<'PY' &
import os, sys, time
root, path, mock, every = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
extra = [int(p) for p in sys.argv[5:]]
page_kb = os.sysconf("SC_PAGE_SIZE") // 1024
def children(pid):
    # A JVM forks from whichever thread called ProcessBuilder.start: every thread's list counts.
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return found
def tree(pid):
    found = [pid]
    for c in children(pid):
        found += tree(c)
    return found
roles = {}
def cmdline(pid):
    with open(f"/proc/{pid}/cmdline", "rb") as f:
        return f.read()
def role(pid):
    if pid not in roles:
        try:
            raw = cmdline(pid)
            ppid = int(open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[1])
            # Between fork and exec a child still shows its parent's command line (a service forked by the
            # controller would pass for the controller): wait for the exec.
            if pid != root and pid != mock and raw == cmdline(ppid):
                return None
        except OSError:
            return None
        args = [a.decode(errors="replace") for a in raw.split(b"\0")]
        if pid == mock:
            roles[pid] = "mock"
        elif "--id" in args:
            roles[pid] = args[args.index("--id") + 1]
        elif pid == root:
            roles[pid] = "cli"
        else:
            return None  # not a JVM of ours (yet): the exec may not have happened
    return roles[pid]
def nofile(pid):
    with open(f"/proc/{pid}/limits") as f:
        for line in f:
            if line.startswith("Max open files"):
                return " ".join(line.split()[3:5])
    return "? ?"
limits = set()
with open(path, "w") as out, open(path + ".nofile", "w") as limits_out:
    out.write("epoch_ns,pid,role,ticks,start_ticks,rss_kb\n")
    while os.path.exists(f"/proc/{root}"):
        now = time.time_ns()
        for pid in tree(root) + ([mock] if mock else []) + extra:
            try:
                fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            r = role(pid)
            if r and pid not in limits:
                try:
                    limits_out.write(f"{r} {pid} {nofile(pid)}\n")
                    limits_out.flush()
                    limits.add(pid)
                except OSError:
                    pass
            if r:
                # utime, stime and starttime are fields 14, 15 and 22 of stat; [0] here is field 3 (state).
                rss_kb = int(fields[21]) * page_kb
                out.write(f"{now},{pid},{r},{int(fields[11]) + int(fields[12])},{fields[19]},{rss_kb}\n")
        out.flush()
        time.sleep(every)
PY
  sampler_pid=$!
  bench_pids+=("$sampler_pid")
}

report() {
  local name=$1
  shift
  java -cp "$jar" "$root/bench/$name.java" "$@"
}

cpu_report() {
  report CpuReport "$(getconf CLK_TCK)" "$1" "$2" "$3"
}
