# Shared by the bench/*.sh scripts of step 6 (sourced, not run): an artifact directory, the built-in mock server on
# a free port (optionally pinned), its request log, and per-JVM CPU sampling of an aiperf run.
#   bench_init NAME         sets $root, $jar, $out (bench/out/NAME-<time>); fails without a build
#   start_mock ARGS...      starts bin/aiperf-mock-server ARGS on a free port, pinned to $MOCK_CPUS when set
#                           (taskset -c), waits for /health; sets $mock_pid, $mock_port, $mock_url
#   stop_mock               stops it (also done on exit)
#   mock_log FILE           GET /mock/requests into FILE;  mock_clear: DELETE /mock/requests
#   client_cmd              prints "taskset -c $CLIENT_CPUS" when CLIENT_CPUS is set: prefix for aiperf and wrk
#   sample_cpu PID FILE     in the background until PID exits: every 0.2 s, "epoch_ns,pid,role,ticks,start_ticks"
#                           (utime+stime, and the process's start since boot, in clock ticks) for PID, its
#                           descendant JVMs and the mock, in FILE; sets $sampler_pid
#   cpu_report FILE LOG UNIT  steady-state CPU per request (UNIT=requests) or per SSE event (UNIT=events) of each
#                           sampled process, from FILE and the mock log LOG (bench/CpuReport.java)
# Everything started here is stopped on exit by pid; callers add their own pids to $bench_pids.

bench_pids=()
bench_cleanup() {
  local pid
  for pid in "${bench_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap bench_cleanup EXIT

bench_init() {
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  jar="$root/aiperf-cli/target/aiperf.jar"
  [ -f "$jar" ] && [ -f "$root/mock-server/target/aiperf-mock-server.jar" ] \
    || { echo "build first: mvn -q -DskipTests package" >&2; exit 1; }
  out="$root/bench/out/$1-$(date +%Y%m%d-%H%M%S)"
  mkdir -p "$out"
  echo "load: $(uptime | sed 's/.*load average/load average/')" | tee "$out/load.txt"
}

free_port() {
  python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'
}

start_mock() {
  mock_port=$(free_port)
  local pin=()
  [ -n "${MOCK_CPUS:-}" ] && pin=(taskset -c "$MOCK_CPUS")
  # bin/aiperf-mock-server execs java (and taskset execs it), so $! is the mock's JVM.
  "${pin[@]}" "$root/bin/aiperf-mock-server" --port "$mock_port" "$@" >> "$out/mock.log" 2>&1 &
  mock_pid=$!
  bench_pids+=("$mock_pid")
  mock_url="http://127.0.0.1:$mock_port"
  for _ in $(seq 100); do
    curl -sf "$mock_url/health" >/dev/null 2>&1 && return 0
    kill -0 "$mock_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "mock server did not start; see $out/mock.log" >&2
  exit 1
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

sample_cpu() {
  python3 - "$1" "$2" "${mock_pid:-0}" <<'PY' &
import os, sys, time
root, path, mock = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
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
def role(pid):
    if pid not in roles:
        try:
            args = open(f"/proc/{pid}/cmdline", "rb").read().split(b"\0")
        except OSError:
            return None
        args = [a.decode(errors="replace") for a in args]
        if pid == mock:
            roles[pid] = "mock"
        elif "--id" in args:
            roles[pid] = args[args.index("--id") + 1]
        elif pid == root:
            roles[pid] = "cli"
        else:
            return None  # not a JVM of ours (yet): the exec may not have happened
    return roles[pid]
with open(path, "w") as out:
    out.write("epoch_ns,pid,role,ticks,start_ticks\n")
    while os.path.exists(f"/proc/{root}"):
        now = time.time_ns()
        for pid in tree(root) + ([mock] if mock else []):
            try:
                fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            r = role(pid)
            if r:
                # utime, stime and starttime are fields 14, 15 and 22 of stat; [0] here is field 3 (state).
                out.write(f"{now},{pid},{r},{int(fields[11]) + int(fields[12])},{fields[19]}\n")
        out.flush()
        time.sleep(0.2)
PY
  sampler_pid=$!
  bench_pids+=("$sampler_pid")
}

cpu_report() {
  java -cp "$jar" "$root/bench/CpuReport.java" "$(getconf CLK_TCK)" "$1" "$2" "$3"
}
