"""The kernel behind app pages: Dutch errors instead of tracebacks, and steady polling."""

from __future__ import annotations

import asyncio
import os
import time
from queue import Empty

import pytest
from jupyter_client.manager import AsyncKernelManager


@pytest.fixture
def kernel(monkeypatch):
    """The app's kernel (its python3 kernel spec is first on the Jupyter path, as in the app)."""
    from routekit.app import APP_SHARE

    monkeypatch.setenv("JUPYTER_PATH", str(APP_SHARE))
    loop = asyncio.new_event_loop()

    async def start():
        km = AsyncKernelManager(kernel_name="python3",
                                client_class="routekit.app_kernel.SteadyKernelClient")
        await km.start_kernel()
        kc = km.client()
        kc.start_channels()
        await kc.wait_for_ready(timeout=60)
        return km, kc

    km, kc = loop.run_until_complete(start())
    yield loop, km, kc
    kc.stop_channels()
    loop.run_until_complete(km.shutdown_kernel(now=True))
    loop.close()


def _run(loop, kc, code: str) -> tuple[dict, list[dict]]:
    async def run():
        msg_id = kc.execute(code)
        reply = await kc.get_shell_msg(timeout=60)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = await kc.get_shell_msg(timeout=60)
        outputs = []
        while True:
            msg = await kc.get_iopub_msg(timeout=30)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return reply, outputs
            outputs.append(msg)

    return loop.run_until_complete(run())


def test_app_kernel_runs_our_kernel_class(kernel):
    loop, km, kc = kernel
    reply, outputs = _run(loop, kc, "import os; print(type(get_ipython().kernel).__name__, "
                                    "os.environ.get('ROUTEKIT_APP'))")
    assert reply["content"]["status"] == "ok"
    assert any("AppKernel 1" in m["content"].get("text", "") for m in outputs)


def test_app_kernel_looks_at_its_sockets(kernel):
    loop, km, kc = kernel
    _run(loop, kc, "import time; time.sleep(1)")
    reply, outputs = _run(loop, kc, "import routekit.app_kernel as k; print(k.LOOKS)")
    looks = int("".join(m["content"].get("text", "") for m in outputs).strip())
    assert looks >= 8  # shell, control and the inproc pairs, every quarter second


def test_failing_cell_shows_one_dutch_message_and_the_page_goes_on(kernel):
    loop, km, kc = kernel
    reply, outputs = _run(loop, kc, "1 / 0")
    assert reply["content"]["status"] == "ok"  # Voilà goes on with the next cell, no banner
    kinds = [m["msg_type"] for m in outputs]
    assert "error" not in kinds
    shown = " ".join(m["content"].get("data", {}).get("text/html", "") for m in outputs)
    assert "Dit deel van de pagina kon niet worden gemaakt" in shown
    assert "ZeroDivisionError" not in shown and "Traceback" not in shown

    reply, outputs = _run(loop, kc, "from routekit.errors import RouteError\n"
                                    "raise RouteError('areas.csv, rij 3: code ontbreekt')")
    assert reply["content"]["status"] == "ok"
    assert outputs == [] or all(m["msg_type"] != "error" for m in outputs)  # shown once
    reply, outputs = _run(loop, kc, "print('verder')")
    assert any("verder" in m["content"].get("text", "") for m in outputs)


def test_route_problems_are_listed_in_the_message():
    from routekit.app_kernel import error_message
    from routekit.errors import RouteError

    text = error_message(RouteError("areas.csv, rij 3: <code> ontbreekt"))
    assert "areas.csv, rij 3" in text and "&lt;code&gt;" in text


def test_steady_channel_polls_in_slices_until_the_timeout(kernel):
    loop, km, kc = kernel
    with pytest.raises(Empty):  # replies from the start-up, if any, are read first
        while True:
            loop.run_until_complete(kc.shell_channel.get_msg(timeout=0.1))
    began = time.monotonic()
    with pytest.raises(Empty):
        loop.run_until_complete(kc.shell_channel.get_msg(timeout=1.2))
    assert 1.1 < time.monotonic() - began < 5


def test_app_environment_follows_the_choice_not_the_route_variable(tmp_path):
    import yaml

    from routekit.app import APP_SHARE, app_environment

    choice = tmp_path / "routes" / ".route-choice.yaml"
    env = app_environment(tmp_path / "routes" / "r", {"ROUTEKIT_ROUTE": "elders", "A": "1",
                                                      "JUPYTER_PATH": "/x"}, choice)
    assert "ROUTEKIT_ROUTE" not in env and env["A"] == "1"
    assert env["ROUTEKIT_CHOICE"] == str(choice.resolve())
    assert env["JUPYTER_PATH"].split(os.pathsep) == [str(APP_SHARE), "/x"]
    assert yaml.safe_load(choice.read_text("utf-8"))["current"] == str(
        (tmp_path / "routes" / "r").resolve())  # the pages open this route first
