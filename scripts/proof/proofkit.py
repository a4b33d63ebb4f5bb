"""Shared helpers for the reliability proofs in scripts/proof/ (stdlib only, /usr/bin/python3).

Every proof runs the real `tafelplanner` binary in a fresh temporary state directory:
  - the binary: $TAFEL_BIN, else $BUILD_DIR/adapters/cli/tafelplanner, else build/ in the repo;
  - the daemon listens on 127.0.0.1 with a port of the system's choice (`--listen 127.0.0.1:0`,
    the port read from its one `listening on http://...` line on stderr);
  - WhatsApp webhook secrets come from the environment, as in production.
Each proof prints exactly one line `<proof>: PASS|FAIL ...` last, and exits 0 only on PASS.
"""

import hashlib
import hmac
import http.client
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
APP_SECRET = "proof-app-secret"
VERIFY_TOKEN = "proof-verify-token"


def binary():
    if os.environ.get("TAFEL_BIN"):
        return os.environ["TAFEL_BIN"]
    build = os.environ.get("BUILD_DIR", os.path.join(ROOT, "build"))
    path = os.path.join(build, "adapters", "cli", "tafelplanner")
    if not os.access(path, os.X_OK):
        sys.exit(f"no {path}: build the tafelplanner target or set TAFEL_BIN / BUILD_DIR")
    return path


def need(program):
    if shutil.which(program) is None:
        sys.exit(f"{program} is not installed (scripts/install-deps installs it)")


def result(name, ok, detail):
    """Prints the one result line and exits with its status."""
    print(f"{name}: {'PASS' if ok else 'FAIL'} {detail}", flush=True)
    sys.exit(0 if ok else 1)


def machine():
    load = open("/proc/loadavg").read().split()[:3]
    return f"{os.cpu_count()} cores, load {' '.join(load)}"


class StateDir:
    """A temporary state directory with a configuration whose database and files live in it.
    `messaging` is added to the [messaging] table (which names the repository's templates)."""

    def __init__(self, messaging="", keep=False):
        self.path = tempfile.mkdtemp(prefix="tafel-proof-")
        self.keep = keep
        self.db = os.path.join(self.path, "tafel.db")
        self.config = os.path.join(self.path, "tafelplanner.toml")
        with open(self.config, "w") as f:
            f.write(f'database = "{self.db}"\n'
                    f'state_dir = "{self.path}"\n'
                    'public_url = "http://127.0.0.1:8080"\n'
                    f'[messaging]\ntemplates = "{ROOT}/config/templates"\n{messaging}\n'
                    '[[networks]]\nname = "Proef"\n'
                    '[sectors.bouw]\nlabel = "Bouw"\n')

    def run(self, *args, check=True, stdin=None):
        """Runs the binary with this configuration; returns (code, stdout, stderr)."""
        p = subprocess.run([binary(), "--config", self.config, *args], capture_output=True,
                           text=True, input=stdin, env=daemon_env())
        if check and p.returncode != 0:
            raise RuntimeError(f"tafelplanner {' '.join(args)} exited {p.returncode}: "
                               f"{p.stderr.strip()[-500:]}")
        return p.returncode, p.stdout, p.stderr

    def sql(self, query, params=()):
        db = sqlite3.connect(self.db, timeout=30)
        try:
            rows = db.execute(query, params).fetchall()
            db.commit()
            return rows
        finally:
            db.close()

    def cleanup(self):
        if not self.keep:
            shutil.rmtree(self.path, ignore_errors=True)


def daemon_env():
    env = dict(os.environ)
    env["TAFELPLANNER_WHATSAPP_APP_SECRET"] = APP_SECRET
    env["TAFELPLANNER_WHATSAPP_VERIFY_TOKEN"] = VERIFY_TOKEN
    return env


class Daemon:
    """`tafelplanner serve` on 127.0.0.1:<free port>; stderr goes to a file in the state dir."""

    def __init__(self, state, *extra_args):
        self.state = state
        self.err_path = os.path.join(state.path, f"daemon-{time.monotonic_ns()}.err")
        self.err = open(self.err_path, "w")
        self.proc = subprocess.Popen(
            [binary(), "--config", state.config, "serve", "--listen", "127.0.0.1:0", *extra_args],
            stdout=subprocess.DEVNULL, stderr=self.err, env=daemon_env())
        self.port = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and self.proc.poll() is None:
            m = re.search(r"^listening on http://127\.0\.0\.1:(\d+)$", self.stderr(), re.M)
            if m:
                self.port = int(m.group(1))
                return
            time.sleep(0.02)
        raise RuntimeError(f"daemon did not start: {self.stderr()[-2000:]}")

    def stderr(self):
        with open(self.err_path, errors="replace") as f:
            return f.read()

    def alive(self):
        return self.proc.poll() is None

    def kill9(self):
        self.proc.send_signal(signal.SIGKILL)
        code = self.proc.wait()
        self.err.close()
        return code

    def stop(self, timeout=30):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.err.close()
        return self.proc.returncode

    def request(self, method, path, body=None, headers=None, timeout=10):
        """One request on a fresh connection: (status, body bytes), or (None, error text)."""
        try:
            c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
            c.request(method, path, body=body, headers=headers or {})
            r = c.getresponse()
            data = r.read()
            c.close()
            return r.status, data
        except OSError as e:
            return None, str(e)

    def url(self):
        return f"http://127.0.0.1:{self.port}"


def sign(body: bytes) -> str:
    return "sha256=" + hmac.new(APP_SECRET.encode(), body, hashlib.sha256).hexdigest()


def wa_body(messages=(), statuses=()):
    """A WhatsApp delivery as Meta sends it (messaging.md "Inbound shape")."""
    value = {"messaging_product": "whatsapp",
             "metadata": {"display_phone_number": "31201234567", "phone_number_id": "1122334455667"}}
    if messages:
        value["contacts"] = [{"profile": {"name": "Proef"}, "wa_id": messages[0]["from"]}]
        value["messages"] = list(messages)
    if statuses:
        value["statuses"] = list(statuses)
    return json.dumps({"object": "whatsapp_business_account",
                       "entry": [{"id": "5467539754836534",
                                  "changes": [{"field": "messages", "value": value}]}]},
                      separators=(",", ":")).encode()


def wa_text(wamid, sender, text, ts=1800000000):
    return {"from": sender, "id": wamid, "timestamp": str(ts), "type": "text",
            "text": {"body": text}}


def wa_status(wamid, status, recipient, ts=1800000000):
    s = {"id": wamid, "status": status, "timestamp": str(ts), "recipient_id": recipient}
    if status == "failed":
        s["errors"] = [{"code": 131026, "title": "Message undeliverable"}]
    return s


class Poster:
    """POSTs signed webhook bodies over one keep-alive connection."""

    def __init__(self, daemon):
        self.daemon = daemon
        self.conn = None

    def post(self, body):
        for _ in range(3):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection("127.0.0.1", self.daemon.port, timeout=30)
                self.conn.request("POST", "/webhooks/whatsapp", body=body,
                                  headers={"Content-Type": "application/json",
                                           "X-Hub-Signature-256": sign(body)})
                r = self.conn.getresponse()
                r.read()
                return r.status
            except (OSError, http.client.HTTPException):
                self.conn = None
        return None


def write_wrk_bodies(path, bodies):
    """A Lua file for wrk_whatsapp.lua (bench/webhooks): pre-signed bodies, round-robin."""
    with open(path, "w") as f:
        f.write("return {\n")
        for b in bodies:
            s = b.decode()
            f.write(f"  {{ body = [==[{s}]==], sig = [==[{sign(b)}]==] }},\n")
        f.write("}\n")


WRK_SCRIPT = os.path.join(ROOT, "bench", "webhooks", "wrk_whatsapp.lua")


def wait_until(predicate, timeout, step=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def pending_deliveries(state):
    return state.sql("SELECT count(*) FROM webhook_deliveries WHERE state = 'pending'")[0][0]
