"""A local cluster in the shape of production, from Debian packages: HAProxy in front (cookie
stickiness, websockets, health checks, security headers), N app replicas (``serve.py``) and one
PostgreSQL, all on 127.0.0.1, all data and logs in a git-ignored folder of the checkout.

    python deploy/local/cluster.py start [--replicas N] [--port P]   # what `make cluster` runs
    python deploy/local/cluster.py status
    python deploy/local/cluster.py stop                              # what `make cluster-stop` runs
    python deploy/local/cluster.py db-stop | db-start                # take the database away and back
    python deploy/local/cluster.py start-replica r1                  # start a killed replica again

Every process runs under the caller's account. Only PostgreSQL refuses to run as root: when root
starts the cluster, PostgreSQL runs as the unprivileged system user ``ltv-postgres`` (created when
missing). The state (ports, pids, secrets) is kept in ``STATE_DIR/cluster.json``.
"""

from __future__ import annotations

import argparse
import base64
import glob
import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DIR = ROOT / ".cluster"
BASE_PATH = "ltv"
PG_USER = "ltv-postgres"
DB_NAME = "ltv"
DB_ROLE = "ltv"
HEADERS = ROOT / "deploy" / "security-headers.json"
STARTUP_TIMEOUT_S = 90
NOLOGIN = "/usr/sbin/nologin"
INITDB_OPTIONS = ["--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8"]


@dataclass
class Replica:
    name: str
    port: int
    pid: int = 0


@dataclass
class State:
    dir: str
    proxy_port: int
    pg_port: int
    pg_password: str
    cookie_secret: str
    replicas: list[Replica] = field(default_factory=list)
    proxy_pid: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.proxy_port}/{BASE_PATH}/"

    @property
    def database_url(self) -> str:
        return f"postgresql://{DB_ROLE}:{self.pg_password}@127.0.0.1:{self.pg_port}/{DB_NAME}"

    def save(self) -> None:
        path = Path(self.dir) / "cluster.json"
        path.write_text(json.dumps(asdict(self), indent=2))
        path.chmod(0o600)

    @classmethod
    def load(cls, folder: Path) -> State | None:
        path = folder / "cluster.json"
        if not path.exists():
            return None
        data = json.loads(path.read_text())
        data["replicas"] = [Replica(**r) for r in data["replicas"]]
        return cls(**data)


def say(message: str) -> None:
    print(f"cluster: {message}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child of ours counts as gone.
    try:
        return "State:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False


# --- PostgreSQL -------------------------------------------------------------------------------------


def pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    if found:
        return found[-1]
    path = shutil.which(name)
    if path:
        return path
    raise SystemExit(f"PostgreSQL's {name} was not found: install the Debian package postgresql (make cluster does)")


def as_pg_user(cmd: list[str]) -> list[str]:
    """As root, run `cmd` as the unprivileged PostgreSQL user; otherwise as the caller."""
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", PG_USER, "--", *cmd]


def ensure_pg_user() -> None:
    if os.geteuid() != 0:
        return
    if subprocess.run(["id", "-u", PG_USER], capture_output=True).returncode == 0:
        return
    say(f"creating the system user {PG_USER} (PostgreSQL does not run as root)")
    subprocess.run(
        ["useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent", "--shell", NOLOGIN, PG_USER],
        check=True,
    )


def pg_folder(state_dir: Path) -> Path:
    """The PostgreSQL folder inside the state folder. As root the PostgreSQL user must be able to reach
    it; when a parent folder is closed to it (a checkout under /root), it falls back to /var/tmp."""
    folder = state_dir / "postgres"
    if os.geteuid() != 0:
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    shutil.chown(folder, PG_USER, PG_USER)
    if subprocess.run(as_pg_user(["test", "-w", str(folder)])).returncode == 0:
        return folder
    digest = hashlib.sha256(str(state_dir).encode()).hexdigest()[:12]
    fallback = Path("/var/tmp") / f"ltv-cluster-{digest}" / "postgres"
    say(f"{PG_USER} cannot reach {folder}; PostgreSQL's data goes to {fallback}")
    fallback.mkdir(parents=True, exist_ok=True)
    shutil.chown(fallback, PG_USER, PG_USER)
    (state_dir / "postgres-location").write_text(str(fallback))
    return fallback


def pg_paths(state_dir: Path) -> tuple[Path, Path, Path]:
    """Data, socket folder and log of PostgreSQL (the log beside the data: PostgreSQL's user writes it)."""
    moved = state_dir / "postgres-location"
    folder = Path(moved.read_text()) if moved.exists() else state_dir / "postgres"
    return folder / "data", folder / "run", folder / "postgres.log"


def start_postgres(state: State) -> None:
    state_dir = Path(state.dir)
    ensure_pg_user()
    pg_folder(state_dir)
    data, run, log = pg_paths(state_dir)
    for path in (data, run):
        path.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(path, PG_USER, PG_USER)
    data.chmod(0o700)
    if not (data / "PG_VERSION").exists():
        say("initialising PostgreSQL")
        pwfile = data.parent / "pwfile"
        pwfile.write_text(state.pg_password + "\n")
        if os.geteuid() == 0:
            shutil.chown(pwfile, PG_USER, PG_USER)
        pwfile.chmod(0o600)
        subprocess.run(
            as_pg_user([pg_bin("initdb"), "-D", str(data), "-U", DB_ROLE, f"--pwfile={pwfile}", *INITDB_OPTIONS]),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        pwfile.unlink()
    log.touch()
    if os.geteuid() == 0:
        shutil.chown(log, PG_USER, PG_USER)
    pg_ctl(state, "start")
    create_database(state)


def pg_ctl(state: State, action: str) -> None:
    data, run, log = pg_paths(Path(state.dir))
    options = f"-c listen_addresses=127.0.0.1 -p {state.pg_port} -c unix_socket_directories={run}"
    cmd = [pg_bin("pg_ctl"), "-D", str(data), "-w", "-t", "60", "-l", str(log)]
    if action in ("start", "restart"):
        cmd += ["-o", options]
    if action in ("stop", "restart"):
        cmd += ["-m", "fast"]
    subprocess.run(as_pg_user([*cmd, action]), check=True, stdout=subprocess.DEVNULL)


def postgres_running(state: State) -> bool:
    data, _, _ = pg_paths(Path(state.dir))
    pidfile = data / "postmaster.pid"
    try:
        return alive(int(pidfile.read_text().split()[0]))
    except (OSError, ValueError, IndexError):
        return False


def create_database(state: State) -> None:
    import psycopg

    admin = f"postgresql://{DB_ROLE}:{state.pg_password}@127.0.0.1:{state.pg_port}/postgres"
    with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DB_NAME,)).fetchone() is None:
            conn.execute(f'CREATE DATABASE "{DB_NAME}"')


# --- app replicas ------------------------------------------------------------------------------------


def replica_env(state: State, replica: Replica) -> dict[str, str]:
    return {
        **os.environ,
        "LTV_ADDRESS": "127.0.0.1",
        "LTV_PORT": str(replica.port),
        "LTV_BASE_URL_PATH": BASE_PATH,
        "LTV_DATABASE_URL": state.database_url,
        "LTV_REPLICA": replica.name,
        "STREAMLIT_SERVER_COOKIE_SECRET": state.cookie_secret,
        "PYTHONUNBUFFERED": "1",
    }


def start_replica(state: State, replica: Replica) -> None:
    log = Path(state.dir) / "logs" / f"{replica.name}.log"
    with log.open("ab") as out:
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "serve.py")],
            cwd=ROOT,
            env=replica_env(state, replica),
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    replica.pid = proc.pid


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=3) as r:
            return r.status == 200
    except OSError:
        return False


def wait_healthy(urls: list[str], what: str) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    waiting = list(urls)
    while waiting and time.monotonic() < deadline:
        waiting = [u for u in waiting if not healthy(u)]
        if waiting:
            time.sleep(0.3)
    if waiting:
        raise SystemExit(f"{what} did not become healthy within {STARTUP_TIMEOUT_S} s: {', '.join(waiting)}")


def replica_health_url(replica: Replica) -> str:
    return f"http://127.0.0.1:{replica.port}/healthz"


# --- HAProxy -----------------------------------------------------------------------------------------


def streamlit_inline_script_hashes() -> list[str]:
    """CSP hashes of the inline scripts in the installed Streamlit's index.html: they allow exactly
    that script and nothing injected, where 'unsafe-inline' would allow any."""
    import streamlit

    index = (Path(streamlit.__file__).parent / "static" / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", index, flags=re.S)
    return [f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in scripts]


def security_headers() -> dict[str, str]:
    """The headers of deploy/security-headers.json, the CSP's script-src completed with the hashes."""
    headers: dict[str, str] = json.loads(HEADERS.read_text())
    hashes = " ".join(streamlit_inline_script_hashes())
    headers["Content-Security-Policy"] = headers["Content-Security-Policy"].replace(
        "script-src 'self'", f"script-src 'self' {hashes}".rstrip(), 1
    )
    return headers


def haproxy_config(state: State) -> str:
    headers = "\n".join(f'    http-response set-header {k} "{v}"' for k, v in security_headers().items())
    servers = "\n".join(f"    server {r.name} 127.0.0.1:{r.port} cookie {r.name}" for r in state.replicas)
    sticky = 'cookie LTVREPLICA insert indirect nocache httponly attr "SameSite=Lax"'
    return f"""# Generated by deploy/local/cluster.py; edit the generator, not this file.
global
    log stdout format raw local0 info
    maxconn 4096
    stats socket {state.dir}/haproxy.sock mode 600 level admin

defaults
    mode http
    log global
    option httplog
    option dontlognull
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    # A Streamlit session is one long websocket: keep it open while idle.
    timeout tunnel 1h
    timeout client-fin 5s
    timeout http-request 10s
    # A request for a dead replica is sent to a live one instead of failing.
    option redispatch 1
    retries 3
    # A replica busy with a room of sessions answers its health check late (the checks share its
    # Python with the page runs): give a check 5 s and take a replica out after three misses. A dead
    # replica refuses the connection at once, and redispatch moves its requests before that.
    timeout check 5s
    default-server check inter 2s fall 3 rise 2

frontend web
    bind 127.0.0.1:{state.proxy_port}
    http-request redirect location /{BASE_PATH}/ code 302 if {{ path / }} || {{ path /{BASE_PATH} }}
{headers}
    # No replica ready usually means the shared database is away: every replica is hit alike. Then
    # serve from the replicas that are up (the explorer needs no database; the live rooms tell their
    # participants that an answer was not saved) rather than answer 503 to everyone.
    use_backend app_up if {{ nbsrv(app) eq 0 }}
    default_backend app

backend app
    # Sessions live in the replica's memory: stick to it by cookie (all local clients share one IP).
    balance leastconn
    {sticky}
    option httpchk
    http-check send meth GET uri /healthz
    http-check expect status 200
{servers}

backend app_up
    balance leastconn
    {sticky}
    option httpchk
    http-check send meth GET uri /{BASE_PATH}/_stcore/health
    http-check expect status 200
{servers}
"""


def start_proxy(state: State) -> None:
    cfg = Path(state.dir) / "haproxy.cfg"
    cfg.write_text(haproxy_config(state))
    haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
    subprocess.run([haproxy, "-c", "-q", "-f", str(cfg)], check=True)
    log = Path(state.dir) / "logs" / "haproxy.log"
    with log.open("ab") as out:
        proc = subprocess.Popen(
            [haproxy, "-db", "-f", str(cfg)],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    state.proxy_pid = proc.pid


# --- commands ----------------------------------------------------------------------------------------


def start(folder: Path, replicas: int, proxy_port: int) -> State:
    existing = State.load(folder)
    if existing and (alive(existing.proxy_pid) or any(alive(r.pid) for r in existing.replicas)):
        say(f"already running at {existing.url} (stop it with: make cluster-stop)")
        return existing
    (folder / "logs").mkdir(parents=True, exist_ok=True)
    (folder / ".gitignore").write_text("*\n")
    secrets_file = folder / "secrets.json"
    if secrets_file.exists():
        kept = json.loads(secrets_file.read_text())
    else:
        kept = {"pg_password": secrets.token_urlsafe(18), "cookie_secret": secrets.token_hex(32)}
        secrets_file.write_text(json.dumps(kept))
        secrets_file.chmod(0o600)
    state = State(
        dir=str(folder),
        proxy_port=proxy_port or free_port(),
        pg_port=free_port(),
        pg_password=kept["pg_password"],
        cookie_secret=kept["cookie_secret"],
        replicas=[Replica(f"r{i + 1}", free_port()) for i in range(replicas)],
    )
    state.save()
    say(f"PostgreSQL on 127.0.0.1:{state.pg_port}")
    start_postgres(state)
    for replica in state.replicas:
        say(f"replica {replica.name} on 127.0.0.1:{replica.port}")
        start_replica(state, replica)
    state.save()
    wait_healthy([replica_health_url(r) for r in state.replicas], "the replicas")
    start_proxy(state)
    state.save()
    wait_healthy([f"http://127.0.0.1:{state.proxy_port}/{BASE_PATH}/healthz"], "the proxy")
    say(f"ready: {state.url}  (logs in {folder / 'logs'}; stop with: make cluster-stop)")
    return state


def terminate(pid: int, timeout: float = 10) -> None:
    if not alive(pid):
        return
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    if alive(pid):
        os.kill(pid, signal.SIGKILL)


def stop(folder: Path) -> None:
    state = State.load(folder)
    if state is None:
        say(f"nothing to stop in {folder}")
        return
    terminate(state.proxy_pid)
    for replica in state.replicas:
        terminate(replica.pid)
    if postgres_running(state):
        pg_ctl(state, "stop")
    (folder / "cluster.json").unlink()
    say("stopped")


def status(folder: Path) -> int:
    state = State.load(folder)
    if state is None:
        say("not running")
        return 1
    ok = True
    for replica in state.replicas:
        up = healthy(replica_health_url(replica))
        ok &= up
        say(f"replica {replica.name} :{replica.port} pid {replica.pid}: {'healthy' if up else 'DOWN'}")
    pg = postgres_running(state)
    say(f"PostgreSQL :{state.pg_port}: {'running' if pg else 'DOWN'}")
    proxy = healthy(f"http://127.0.0.1:{state.proxy_port}/{BASE_PATH}/healthz")
    say(f"proxy {state.url}: {'healthy' if proxy else 'DOWN'}")
    return 0 if ok and pg and proxy else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "command", choices=["start", "stop", "status", "headers", "db-stop", "db-start", "start-replica"]
    )
    parser.add_argument("name", nargs="?", help="start-replica: the replica to start again (r1, r2, ...)")
    parser.add_argument("--dir", type=Path, default=Path(os.environ.get("LTV_CLUSTER_DIR", DEFAULT_DIR)))
    parser.add_argument("--replicas", type=int, default=int(os.environ.get("REPLICAS", "2")))
    port = int(os.environ.get("CLUSTER_PORT", "8580"))
    parser.add_argument("--port", type=int, default=port, help="the proxy's port (0: any free port)")
    args = parser.parse_args(argv)
    folder = args.dir.resolve()
    if args.command == "start":
        if args.replicas < 1:
            parser.error("--replicas must be at least 1")
        try:
            start(folder, args.replicas, args.port)
        except BaseException:
            say("start failed; stopping what was started (logs stay in the folder)")
            stop(folder)
            raise
        return 0
    if args.command == "headers":
        print(json.dumps(security_headers(), indent=2))
        return 0
    if args.command == "stop":
        stop(folder)
        return 0
    if args.command == "start-replica":
        state = State.load(folder)
        replica = next((r for r in state.replicas if r.name == args.name), None) if state else None
        if state is None or replica is None:
            parser.error(f"no replica {args.name!r} in {folder}")
        if not alive(replica.pid):
            start_replica(state, replica)
            state.save()
        wait_healthy([replica_health_url(replica)], f"replica {replica.name}")
        say(f"replica {replica.name} is up again on 127.0.0.1:{replica.port}")
        return 0
    if args.command in ("db-stop", "db-start"):
        state = State.load(folder)
        if state is None:
            parser.error(f"no cluster in {folder}")
        pg_ctl(state, args.command.removeprefix("db-"))
        say(f"PostgreSQL {'stopped' if args.command == 'db-stop' else 'started'}")
        return 0
    return status(folder)


if __name__ == "__main__":
    sys.exit(main())
