"""Page loads of the app: every page, many times, on one server; hangs, median and p95.

Starts ``routekit app``'s server (:class:`routekit.app.AppServer`) on a scratch copy of
the sample route, on 127.0.0.1 only, and loads every page of the app in turn with a plain
HTTP GET. Voilà answers a page only once its notebook has run to the end (or, with
preheated kernels, once the pre-run page is ready), so the time until the last byte is
the time until the page is fully rendered. After each load the page's kernel is shut
down, as the browser does when a tab closes. A load that takes longer than
``ROUTEKIT_BENCH_HANG`` seconds (default 60) is stopped and named by what its kernel did
then: a **hang** when the kernel sat idle (the page waited for something that never
came), **too slow** when the kernel was still busy running the page's notebook.

Run: ``python -m benchmarks app``. ``ROUTEKIT_BENCH_LOADS`` sets the number of loads
(default 110: ten rounds over the eleven pages); target: 0 hangs, p95 < 3 s.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

TARGET_P95 = 3.0
LOADS = int(os.environ.get("ROUTEKIT_BENCH_LOADS", 110))
HANG_SECONDS = float(os.environ.get("ROUTEKIT_BENCH_HANG", 60))
KERNEL_ID = re.compile(r'"kernelId":\s*"([0-9a-f-]+)"')
# Voilà's English failure texts: a page showing one of these did not render properly
FAILED = ("There was an error when executing", "Traceback (most recent call last)")


def load(url: str, timeout: float = HANG_SECONDS) -> tuple[float | None, str]:
    """GET *url* until the last byte; return (seconds, or None when stopped; page text)."""
    began = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            chunks = []
            while chunk := response.read1(65536):  # what has arrived, without waiting for more
                chunks.append(chunk)
                if time.perf_counter() - began > timeout:
                    return None, b"".join(chunks).decode("utf-8", "replace")
    except (TimeoutError, urllib.error.URLError, ConnectionError):
        return None, ""
    return time.perf_counter() - began, b"".join(chunks).decode("utf-8", "replace")


# a made-up XSRF token, sent as cookie and header alike (Tornado compares the two)
XSRF = {"X-XSRFToken": "bench", "Cookie": "_xsrf=bench"}


def kernel_state(base: str, html: str) -> str:
    """``busy`` or ``idle``: whether the kernel of a (partly) loaded page still computes.

    Read from the kernel process's CPU time over two seconds (``/proc``; the kernel's
    connection file names it), so a status message lost under load cannot mislead;
    elsewhere from the server's ``execution_state``.
    """
    found = KERNEL_ID.search(html)
    if not found:
        return "not started"
    ticks = _cpu_ticks(found[1])
    if ticks is not None:
        time.sleep(2)
        later = _cpu_ticks(found[1])
        return "busy" if later is not None and later - ticks > 5 else "idle"
    try:
        with urllib.request.urlopen(f"{base}/api/kernels/{found[1]}", timeout=30) as answer:
            return json.loads(answer.read()).get("execution_state", "?")
    except (urllib.error.URLError, TimeoutError, ConnectionError, ValueError):
        return "?"


def _cpu_ticks(kernel_id: str) -> int | None:
    """User + system CPU ticks of the process running kernel *kernel_id*, if found."""
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if f"kernel-{kernel_id}.json".encode() in (proc / "cmdline").read_bytes():
                fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
                return int(fields[11]) + int(fields[12])
        except OSError:
            continue
    return None


def shut_down_kernel(base: str, html: str) -> None:
    """End the kernel of a loaded page (what the page does on ``beforeunload``)."""
    found = KERNEL_ID.search(html)
    if found:
        request = urllib.request.Request(f"{base}/api/kernels/{found[1]}", method="DELETE",
                                         headers=XSRF)
        try:
            urllib.request.urlopen(request, timeout=30).close()
        except (urllib.error.URLError, TimeoutError, ConnectionError):
            pass  # already gone


def run(server, notebooks: list[str], loads: int = LOADS) -> list[tuple[str, float | str]]:
    """Load the pages of *notebooks* round-robin *loads* times.

    Returns (notebook, seconds) per load; instead of seconds ``"hang"`` or ``"too slow"``
    for a load stopped after ``HANG_SECONDS``.
    """
    base = f"http://127.0.0.1:{server.port}"
    results = []
    for number in range(loads):
        notebook = notebooks[number % len(notebooks)]
        seconds, html = load(server.url(notebook))
        if seconds is None:
            state = kernel_state(base, html)
            seconds = "too slow" if state == "busy" else "hang"
            print(f"  load {number + 1}: {notebook} stopped after {HANG_SECONDS:.0f} s, "
                  f"kernel {state}: {seconds}", flush=True)
        elif any(text in html for text in FAILED):
            print(f"  load {number + 1}: {notebook} shows an error", flush=True)
        elif number % 10 == 9:
            print(f"  load {number + 1}: {notebook} {seconds:.2f} s", flush=True)
        results.append((notebook, seconds))
        shut_down_kernel(base, html)
    return results


def report(results: list[tuple[str, float | str]]) -> dict:
    """Print hangs, median and p95 per page and over all loads; return the totals.

    Loads stopped as too slow count in the percentiles with ``HANG_SECONDS``.
    """
    timed = [(n, HANG_SECONDS if s == "too slow" else s) for n, s in results if s != "hang"]
    hangs = [n for n, s in results if s == "hang"]
    slow = [n for n, s in results if s == "too slow"]
    for notebook in dict.fromkeys(n for n, _ in results):
        own = [s for n, s in timed if n == notebook]
        text = f"median {statistics.median(own):5.2f} s  max {max(own):5.2f} s" if own else ""
        print(f"  {notebook:26s} {len(own):3d} loads  {text}"
              f"  hangs {hangs.count(notebook)}  too slow {slow.count(notebook)}")
    done = sorted(s for _, s in timed)
    p95 = done[max(0, round(0.95 * len(done)) - 1)] if done else float("nan")
    median = statistics.median(done) if done else float("nan")
    print(f"  all pages: {len(results)} loads, {len(hangs)} hangs, {len(slow)} too slow "
          f"(> {HANG_SECONDS:.0f} s), median {median:.2f} s, p95 {p95:.2f} s "
          f"(target 0 hangs, p95 < {TARGET_P95:.0f} s)")
    return {"loads": len(results), "hangs": len(hangs), "too_slow": len(slow),
            "median": median, "p95": p95}


def main() -> dict:
    from routekit.app import NOTEBOOK_DIR, AppServer
    from routekit.notebook import SAMPLE_ROUTE

    scratch = Path(tempfile.mkdtemp(prefix="routekit-app-bench-"))
    env = dict(os.environ)
    for var in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR",
                "IPYTHONDIR", "MPLCONFIGDIR"):
        env[var] = str(scratch / var.lower())
    route = scratch / "routes" / "de-sleutel"
    shutil.copytree(SAMPLE_ROUTE, route, ignore=shutil.ignore_patterns(".backup"))
    notebooks = sorted(p.stem for p in NOTEBOOK_DIR.glob("*.ipynb"))
    log = scratch / "voila.log"
    server = AppServer.start(route, env=env, log=log,
                             choice_file=scratch / "routes" / ".route-choice.yaml")
    try:
        started = time.perf_counter()
        server.wait_until_ready(timeout=120)
        server.wait_until_warm(timeout=600)
        print(f"  server ready in {time.perf_counter() - started:.1f} s; "
              f"{LOADS} loads over {len(notebooks)} pages")
        totals = report(run(server, notebooks))
    finally:
        server.stop()
    (scratch / "result.json").write_text(json.dumps(totals), "utf-8")
    print(f"  Voilà log: {log}")
    return totals


if __name__ == "__main__":
    main()
