#!/usr/bin/env bash
# WhatsApp webhook benchmark: `tafelplanner serve` on loopback, wrk with 64 connections POSTing
# pre-signed bodies; then the same load with a kill -9 of the daemon in the middle, checking
# that every delivery answered 200 is in the database.
#
# Usage: bench/webhooks/run.sh [BUILD_DIR]   (default: build; needs adapters/cli/tafelplanner)
# Environment: DURATION (default 15s), KILL_AFTER (seconds into the second run, default 4),
#              THREADS (daemon --threads, default 2), CONNECTIONS (default 64).
# Needs: wrk (Debian package `wrk`), python3, sqlite3 is not needed (counts via python3).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${1:-$root/build}"
bin="$build/adapters/cli/tafelplanner"
duration="${DURATION:-15s}"
kill_after="${KILL_AFTER:-4}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-64}"
[[ -x "$bin" ]] || { echo "no $bin: build the tafelplanner target first" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }

work="$(mktemp -d)"
daemon_pid=""
cleanup() {
  [[ -n "$daemon_pid" ]] && kill "$daemon_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

export TAFELPLANNER_WHATSAPP_APP_SECRET="bench-app-secret"
export TAFELPLANNER_WHATSAPP_VERIFY_TOKEN="bench-verify-token"
cat >"$work/tafelplanner.toml" <<TOML
database = "tafel.db"
public_url = "http://127.0.0.1:8080"
[messaging]
templates = "$root/config/templates"
[[networks]]
name = "Bench"
[sectors.bouw]
label = "Bouw"
TOML
python3 "$here/make_bodies.py" "$TAFELPLANNER_WHATSAPP_APP_SECRET" 2000 "$work/bodies.lua"
export WRK_BODIES="$work/bodies.lua"

start_daemon() {
  : >"$work/daemon.err"
  "$bin" --config "$work/tafelplanner.toml" serve --listen 127.0.0.1:0 --threads "$threads" \
    2>"$work/daemon.err" &
  daemon_pid=$!
  for _ in $(seq 1 200); do
    port="$(sed -n 's/^listening on http:\/\/127\.0\.0\.1:\([0-9]*\)$/\1/p' "$work/daemon.err")"
    [[ -n "$port" ]] && return 0
    sleep 0.05
  done
  echo "daemon did not start:" >&2; cat "$work/daemon.err" >&2; exit 1
}

deliveries() {
  python3 - "$work/tafel.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=10)
print(db.execute("SELECT COUNT(*) FROM webhook_deliveries").fetchone()[0])
PY
}

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== run 1: throughput ($connections connections, $duration, daemon --threads $threads)"
start_daemon
wrk -t2 -c"$connections" -d"$duration" --latency -s "$here/wrk_whatsapp.lua" \
  "http://127.0.0.1:$port" | tee "$work/run1.txt"
kill -TERM "$daemon_pid"; wait "$daemon_pid" || true; daemon_pid=""
ok1="$(sed -n 's/^ok=\([0-9]*\) .*/\1/p' "$work/run1.txt")"
stored1="$(deliveries)"
echo "run 1: 200s=$ok1 stored=$stored1"

echo "== run 2: kill -9 after ${kill_after}s"
start_daemon
wrk -t2 -c"$connections" -d"$duration" --latency -s "$here/wrk_whatsapp.lua" \
  "http://127.0.0.1:$port" >"$work/run2.txt" &
wrk_pid=$!
sleep "$kill_after"
kill -KILL "$daemon_pid"; wait "$daemon_pid" 2>/dev/null || true; daemon_pid=""
wait "$wrk_pid" || true
grep -E '^(ok=|p50_ms=)' "$work/run2.txt"
ok2="$(sed -n 's/^ok=\([0-9]*\) .*/\1/p' "$work/run2.txt")"
stored2=$(( $(deliveries) - stored1 ))
echo "run 2: 200s=$ok2 stored=$stored2"
if (( stored2 >= ok2 )); then
  echo "PASS: every delivery answered 200 is in the database ($stored2 stored >= $ok2 answered 200)"
else
  echo "FAIL: $((ok2 - stored2)) deliveries answered 200 are missing"; exit 1
fi
