"""Load test of the web app: 50 concurrent clients on loopback for 30 s, pages and API.

Starts ``storydiff serve`` on a free port with a fresh database, adds the example story
through the API and waits for its dossier, then has every client fetch pages and API
resources in turn. Prints p50/p99 latency and errors; writes bench/results/web.json.

    .venv/bin/python bench/bench_web.py [--clients 50] [--seconds 30]
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

RESULTS = Path(__file__).resolve().parent / "results" / "web.json"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _start(db: Path, port: int) -> subprocess.Popen[bytes]:
    exe = Path(sys.executable).with_name("storydiff")
    server = subprocess.Popen([str(exe), "serve", "--port", str(port), "--db", str(db)])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1)
            return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


def _seed(base: str) -> str:
    story = httpx.post(f"{base}/api/stories", json={"example": True}, timeout=30).json()
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        state = httpx.get(f"{base}/api/stories/{story['id']}", timeout=10).json()
        if state["status"] == "done":
            return str(story["id"])
        if state["status"] == "failed":
            raise SystemExit(f"the example story failed: {state['error']}")
        time.sleep(0.5)
    raise SystemExit("the example story took over 180 s")


async def _client(
    base: str, paths: list[str], stop: float, latencies: dict[str, list[float]], errors: list[str]
) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        i = 0
        while time.monotonic() < stop:
            path = paths[i % len(paths)]
            i += 1
            started = time.perf_counter()
            try:
                response = await client.get(path)
                if response.status_code != 200:
                    errors.append(f"{path}: HTTP {response.status_code}")
            except httpx.HTTPError as err:
                errors.append(f"{path}: {type(err).__name__}")
            latencies[path].append((time.perf_counter() - started) * 1000)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1) if ordered else 0.0


async def _load(base: str, paths: list[str], clients: int, seconds: float) -> dict[str, object]:
    latencies: dict[str, list[float]] = {p: [] for p in paths}
    errors: list[str] = []
    stop = time.monotonic() + seconds
    # Each client starts at another path so every resource sees load all the time.
    await asyncio.gather(
        *(
            _client(
                base, paths[n % len(paths) :] + paths[: n % len(paths)], stop, latencies, errors
            )
            for n in range(clients)
        )
    )
    every = [v for values in latencies.values() for v in values]
    return {
        "requests": len(every),
        "requests_per_s": round(len(every) / seconds, 1),
        "errors": len(errors),
        "error_samples": sorted(set(errors))[:10],
        "p50_ms": _pct(every, 0.50),
        "p99_ms": _pct(every, 0.99),
        "mean_ms": round(statistics.fmean(every), 1) if every else 0.0,
        "per_path": {
            p: {"requests": len(v), "p50_ms": _pct(v, 0.5), "p99_ms": _pct(v, 0.99)}
            for p, v in latencies.items()
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    args = parser.parse_args()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        server = _start(Path(tmp) / "bench.db", port)
        try:
            story = _seed(base)
            paths = [
                "/",
                f"/stories/{story}",
                "/api/stories",
                f"/api/stories/{story}",
                f"/api/stories/{story}/dossier",
                f"/stories/{story}/dossier.md",
            ]
            result = asyncio.run(_load(base, paths, args.clients, args.seconds))
        finally:
            server.terminate()
            server.wait(10)
    result = {
        "clients": args.clients,
        "seconds": args.seconds,
        **result,
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}",
        "server": "storydiff serve (uvicorn, one process) on 127.0.0.1; client in another process",
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=1) + "\n", "utf-8")
    print(
        f"{args.clients} clients, {args.seconds:.0f} s: {result['requests']} requests "
        f"({result['requests_per_s']}/s), errors {result['errors']}, "
        f"p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms"
    )
    for path, figures in result["per_path"].items():  # type: ignore[attr-defined]
        print(f"  {path}: p50 {figures['p50_ms']} ms, p99 {figures['p99_ms']} ms")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
