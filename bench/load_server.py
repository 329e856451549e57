"""A load check of `factcheck serve`: concurrent clients posting articles, on loopback only.

    python bench/load_server.py [--clients 50] [--duration 10] [--articles 200] [--db PATH]
                                [--url URL]

Starts `factcheck serve` on a free port of 127.0.0.1 (or uses the server at --url, which must be
on loopback), then lets `--clients` clients post articles to POST /v1/check back to back, each
on its own keep-alive connection, for `--duration` seconds. The articles are generated from the
examples as bench/run.py's are (bench/make_articles.py: about 3 KB, formats mixed, no two
alike), and each response is compared with the report the same article gets in this process,
checked one at a time beforehand.

Prints requests per second, p50/p99/max latency, errors (any status but 200, or a report that
differs) and lost responses (requests sent that got no whole response); exits 1 if there were
any errors or losses. The run is bounded: clients stop sending at the deadline and each request
gives up after --timeout seconds. Writes the numbers to bench/results/ (not committed).
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent


@dataclass
class Tally:
    sent: int = 0
    received: int = 0
    errors: int = 0
    latencies: list[float] = field(default_factory=list)
    problems: dict[str, int] = field(default_factory=dict)

    def problem(self, what: str) -> None:
        self.errors += 1
        self.problems[what] = self.problems.get(what, 0) + 1


def articles(count: int, seed: int, db: str | None) -> tuple[list[bytes], list[object]]:
    """The request bodies, and the report each should get (as parsed JSON)."""
    import make_articles

    from factcheck import check_text, open_store

    sources = make_articles.read_examples()
    texts = [make_articles.make_article(i, sources, seed)[1] for i in range(count)]
    with open_store(db, readonly=True) as store:
        expected = [check_text(t, store=store).model_dump(mode="json") for t in texts]
    return [json.dumps({"text": t}).encode() for t in texts], list(expected)


def loopback(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    host = parts.hostname or ""
    addresses = {info[4][0] for info in socket.getaddrinfo(host, parts.port or 80)}
    if not addresses or not all(ipaddress.ip_address(a).is_loopback for a in addresses):
        sys.exit(f"load_server: {url} is not on loopback; this check only targets this machine")
    return host, parts.port or 80


def start_server(db: str | None) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "factcheck", "serve", "--port", str(port)]
    if db:
        command += ["--db", db]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1):
                return server, url
        except OSError:
            if server.poll() is not None:
                break
            time.sleep(0.1)
    server.kill()
    sys.exit("load_server: the server did not start: " + server.stderr.read().decode()[-2000:])


def request(host: str, port: int, body: bytes) -> bytes:
    return (
        f"POST /v1/check HTTP/1.1\r\nHost: {host}:{port}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body


async def exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, message: bytes
) -> tuple[int, bytes]:
    """One request and its whole response on a keep-alive connection: (status, body)."""
    writer.write(message)
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
    length = int({k.lower(): v for k, v in headers.items()}["content-length"])
    return status, await reader.readexactly(length)


async def client(
    host: str,
    port: int,
    bodies: list[bytes],
    expected: list[object],
    start: int,
    deadline: float,
    timeout: float,
    tally: Tally,
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    i = start
    try:
        while time.monotonic() < deadline:
            n = i % len(bodies)
            i += 1
            tally.sent += 1
            began = time.perf_counter()
            try:
                status, body = await asyncio.wait_for(
                    exchange(reader, writer, request(host, port, bodies[n])), timeout
                )
            except (TimeoutError, OSError, asyncio.IncompleteReadError) as exc:
                tally.problem(f"no response: {type(exc).__name__}")
                writer.close()
                reader, writer = await asyncio.open_connection(host, port)
                continue
            tally.latencies.append(time.perf_counter() - began)
            tally.received += 1
            if status != 200:
                tally.problem(f"HTTP {status}")
            elif json.loads(body) != expected[n]:
                tally.problem("a report that differs from the article's")
    finally:
        writer.close()


async def run(
    url: str,
    bodies: list[bytes],
    expected: list[object],
    clients: int,
    duration: float,
    timeout: float,
) -> Tally:
    host, port = loopback(url)
    tally = Tally()
    deadline = time.monotonic() + duration
    await asyncio.gather(
        *(
            client(
                host, port, bodies, expected, k * len(bodies) // clients, deadline, timeout, tally
            )
            for k in range(clients)
        )
    )
    return tally


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=10.0, help="seconds (default 10)")
    parser.add_argument("--timeout", type=float, default=30.0, help="per request, seconds")
    parser.add_argument("--articles", type=int, default=200, help="distinct articles to post")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", default=None, help="store for the server it starts")
    parser.add_argument("--url", default=None, help="a running server on loopback instead")
    args = parser.parse_args()
    if not 1 <= args.clients <= 500 or not 0 < args.duration <= 600:
        sys.exit("load_server: --clients must be 1-500 and --duration 0-600 s")

    if args.url:
        loopback(args.url)
    bodies, expected = articles(args.articles, args.seed, args.db)
    server, url = (None, args.url) if args.url else start_server(args.db)
    try:
        began = time.monotonic()
        run_ = run(url, bodies, expected, args.clients, args.duration, args.timeout)
        tally = asyncio.run(run_)
        elapsed = time.monotonic() - began
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)

    ms = [1000 * s for s in tally.latencies]
    lost = tally.sent - tally.received
    result = {
        "date": datetime.now().isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}",
        "clients": args.clients,
        "duration_s": args.duration,
        "articles": len(bodies),
        "requests": tally.received,
        "requests_per_s": round(tally.received / args.duration, 1),
        "p50_ms": round(percentile(ms, 0.50), 1),
        "p99_ms": round(percentile(ms, 0.99), 1),
        "max_ms": round(max(ms, default=float("nan")), 1),
        "mean_ms": round(statistics.fmean(ms), 1) if ms else None,
        "errors": tally.errors,
        "lost": lost,
        "problems": tally.problems,
        "wall_s": round(elapsed, 1),
    }
    table = (
        "| clients | duration | requests | requests/s | p50 | p99 | max | errors | lost |\n"
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        f"| {args.clients} | {args.duration:g} s | {tally.received} | "
        f"{result['requests_per_s']} | {result['p50_ms']} ms | {result['p99_ms']} ms | "
        f"{result['max_ms']} ms | {tally.errors} | {lost} |\n"
    )
    print(f"{result['date']}, {result['machine']}, {result['articles']} distinct articles\n")
    print(table)
    if tally.problems:
        print("problems:", json.dumps(tally.problems))
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    (out / f"load-{stamp}.json").write_text(json.dumps(result, indent=2) + "\n")
    sys.exit(1 if tally.errors or lost else 0)


if __name__ == "__main__":
    main()
