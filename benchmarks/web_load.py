"""Bounded load test of the web UI on loopback: N concurrent clients for S seconds on one document page.

    .venv/bin/python benchmarks/web_load.py                 # 20 clients, 20 s, the seed article's page
    .venv/bin/python benchmarks/web_load.py --clients 50 --seconds 10 --path /incidents

What it does: ingests the shared corpus (or, without ../shared, the bundled
examples) into a throwaway ledger, starts the real server (``sourcewise serve``,
one uvicorn process) on a free port of 127.0.0.1, warms it up, then runs closed-
loop clients (each sends its next request when the previous answer arrives)
until the time is up, and reports latency percentiles, throughput, errors and
the server's CPU time per request. Traffic goes to 127.0.0.1 only; the run
stops by itself. Results are appended to benchmarks/out/web_load.jsonl.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()), None)
SEED = "00-newsaz-khojaly-analytics"
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc), to report the server's cost per request."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def ingest(db: str) -> list[Path]:
    inputs = [SHARED / "corpus" / "articles"] if SHARED else [ROOT / "examples"]
    subprocess.run([str(BIN / "sourcewise"), "ingest", *map(str, inputs), "--db", db], check=True, capture_output=True)
    return inputs


def seed_path(base: str) -> str:
    docs = httpx.get(f"{base}/api/documents", params={"limit": 500}, timeout=30).json()
    for d in docs:
        if SEED in d["source"]:
            return f"/documents/{d['id']}"
    return f"/documents/{docs[-1]['id']}"  # without the corpus: the first example


async def fetch(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes) -> int:
    """One GET on a kept-alive connection; returns the status after reading the whole body."""
    writer.write(request)
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    await reader.readexactly(length)
    return status


async def client(port: int, path: str, deadline: float, out: list[tuple[float, int]]) -> None:
    """A closed-loop client on one keep-alive connection: a minimal HTTP/1.1 client, so that the
    load generator spends little of the machine's CPU and the numbers measure the server."""
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/html\r\n\r\n".encode()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while time.perf_counter() < deadline:
            t = time.perf_counter()
            try:
                status = await asyncio.wait_for(fetch(reader, writer, request), timeout=10)
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
                status = 0
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            out.append((time.perf_counter() - t, status))
    finally:
        writer.close()


async def load(port: int, path: str, clients: int, seconds: float) -> list[tuple[float, int]]:
    out: list[tuple[float, int]] = []
    deadline = time.perf_counter() + seconds
    await asyncio.gather(*(client(port, path, deadline, out) for _ in range(clients)))
    return out


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, round(q / 100 * (len(sorted_values) - 1))))
    return sorted_values[k]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--warmup", type=float, default=3.0)
    ap.add_argument("--path", help="page to load (default: the seed article's document page)")
    args = ap.parse_args()
    if not (1 <= args.clients <= 200 and 0 < args.seconds <= 120):
        ap.error("keep it bounded: 1-200 clients, at most 120 seconds")

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "ledger.db")
        inputs = ingest(db)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [str(BIN / "sourcewise"), "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            for _ in range(300):
                try:
                    httpx.get(f"{base}/api/stats", timeout=1)
                    break
                except httpx.HTTPError:
                    time.sleep(0.1)
            else:
                raise SystemExit("the server did not start: " + (server.stderr.read() if server.stderr else ""))
            path = args.path or seed_path(base)
            asyncio.run(load(port, path, min(args.clients, 4), args.warmup))
            cpu0, own0 = cpu_seconds(server.pid), time.process_time()
            t0 = time.perf_counter()
            results = asyncio.run(load(port, path, args.clients, args.seconds))
            wall = time.perf_counter() - t0
            cpu, own = cpu_seconds(server.pid) - cpu0, time.process_time() - own0
        finally:
            server.terminate()
            server.wait(timeout=15)

    latencies = sorted(lat for lat, status in results if status == 200)
    errors = sum(1 for _, status in results if status != 200)
    summary = {
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
        "machine": f"{platform.machine()} {os.cpu_count()} cpu",
        "ledger": ", ".join(str(p.relative_to(p.parents[1])) for p in inputs),
        "path": path,
        "clients": args.clients,
        "seconds": round(wall, 1),
        "requests": len(results),
        "errors": errors,
        "throughput_rps": round(len(results) / wall, 1),
        "p50_ms": round(1000 * percentile(latencies, 50), 1),
        "p95_ms": round(1000 * percentile(latencies, 95), 1),
        "p99_ms": round(1000 * percentile(latencies, 99), 1),
        "max_ms": round(1000 * (latencies[-1] if latencies else float("nan")), 1),
        "mean_ms": round(1000 * statistics.fmean(latencies), 1) if latencies else None,
        "server_cpu_ms_per_request": round(1000 * cpu / max(1, len(results)), 2),
        "client_cpu_ms_per_request": round(1000 * own / max(1, len(results)), 2),
        "load_average_1min_before": load_before,
    }
    out = ROOT / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    with (out / "web_load.jsonl").open("a", encoding="utf-8") as f:
        f.write(json.dumps(summary) + "\n")
    print(json.dumps(summary, indent=2))
    ok = errors == 0 and summary["p95_ms"] < 200
    print(
        f"p95 {summary['p95_ms']} ms with {args.clients} clients: {'under' if ok else 'NOT under'} 200 ms, {errors} errors"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
