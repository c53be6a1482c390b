"""The kernel behind every app page, and the server's way of talking to it.

Two guards against a page that never finishes loading, and Dutch errors:

* **No lost wake-up on either side.** A page hung when one side of a kernel
  connection missed the edge-triggered wake-up of a ZeroMQ socket: the message sat
  in the socket while both processes slept (ipython/ipykernel#1554,
  voila-dashboards/voila#1395). On the server side :class:`SteadyKernelClient`
  never waits on one poll for good: it polls in short slices, and every new poll
  reads the socket's state afresh. On the kernel side :class:`AppKernel` looks at
  its shell and control sockets (and the inproc sockets between its threads) a few
  times a second and handles whatever is waiting there (a request not yet read, a
  reply not yet sent).
* **Errors a librarian can act on.** In app mode a failing cell shows one short
  Dutch message (what went wrong, what to do) instead of a traceback; the full
  traceback goes to the server's log.

``routekit.app`` starts Voilà with this kernel (a ``python3`` kernel spec that runs
``python -m routekit.app_kernel``) and with ``SteadyKernelClient``.
"""

from __future__ import annotations

import asyncio
import html
import logging
import os
import sys
import time
import traceback

import zmq
from ipykernel.ipkernel import IPythonKernel
from ipykernel.zmqshell import ZMQInteractiveShell
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.channels import AsyncZMQSocketChannel
from traitlets import Type

__all__ = ["POLL_SLICE", "AppKernel", "AppShell", "SteadyChannel", "SteadyKernelClient",
           "error_message"]

POLL_SLICE = 0.5  # seconds: the longest a message can wait unnoticed on the server side
WATCH_MS = 250  # milliseconds between the kernel's looks at its own sockets
LOOKS = 0  # how many looks the kernel took so far (for tests)
log = logging.getLogger("routekit.app")

FALLBACK_MESSAGE = ("Dit deel van de pagina kon niet worden gemaakt. Wat je al hebt opgeslagen, "
                    "blijft bewaard. Open deze stap opnieuw via de startpagina.")
# The server's stderr, kept before ipykernel sends the kernel's fd 2 to the page.
_LOG_FD: int | None = None


class SteadyChannel(AsyncZMQSocketChannel):
    """A kernel channel whose ``get_msg`` polls in slices of :data:`POLL_SLICE` seconds."""

    async def get_msg(self, timeout: float | None = None) -> dict:
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            left = POLL_SLICE if deadline is None else min(POLL_SLICE,
                                                           deadline - time.monotonic())
            if left <= 0:
                return await super().get_msg(timeout=0)
            try:
                return await super().get_msg(timeout=left)
            except Exception as error:  # queue.Empty: nothing yet, poll again
                if type(error).__name__ != "Empty":
                    raise
                if self.socket is not None and self.socket.get(zmq.EVENTS) & zmq.POLLIN:
                    log.warning("routekit: a kernel message was waiting unnoticed; read it now")


class SteadyKernelClient(AsyncKernelClient):
    """The asyncio kernel client, with :class:`SteadyChannel` for shell, iopub and control."""

    shell_channel_class = Type(SteadyChannel)
    iopub_channel_class = Type(SteadyChannel)
    control_channel_class = Type(SteadyChannel)


def error_message(error: BaseException | None) -> str:
    """The Dutch HTML a librarian sees when part of a page could not be made.

    Problems that routekit words itself (a RouteError names file, row and field)
    are shown; anything else is summed up in one sentence.

    >>> from routekit.errors import RouteError
    >>> "areas.csv" in error_message(RouteError("areas.csv: bestand ontbreekt"))
    True
    """
    from routekit.errors import RouteError
    from routekit.i18n import t

    items = ""
    if isinstance(error, RouteError):
        items = "".join(f"<li>{html.escape(str(p))}</li>" for p in error.problems)
        items = f"<ul>{items}</ul>"
    return ("<div class='routekit-error' style='border-left:4px solid #b35900;"
            "background:#fff4e5;padding:8px 12px;margin:8px 0'>"
            f"<b>{html.escape(t('app.error.title'))}</b>{items}"
            f"<p>{html.escape(t('app.error.what_to_do'))}</p></div>")


class AppShell(ZMQInteractiveShell):
    """The IPython shell of an app page: errors as one Dutch message, tracebacks to the log."""

    _shown_error = False

    def _showtraceback(self, etype, evalue, stb):
        text = "".join(traceback.format_exception(etype, evalue, evalue.__traceback__)) \
            if isinstance(evalue, BaseException) else "\n".join(stb)
        _write_log(f"routekit: a cell of an app page failed:\n{text}\n")
        if self._shown_error:
            return
        self._shown_error = True
        from IPython.display import HTML, display

        try:
            text = error_message(evalue)
        except Exception:  # noqa: BLE001 - the message itself must never fail
            text = f"<div class='routekit-error'><b>{FALLBACK_MESSAGE}</b></div>"
        display(HTML(text))


class AppKernel(IPythonKernel):
    """ipykernel's kernel with :class:`AppShell` that watches the sockets it reads.

    A failed cell is reported to Voilà as done (after the Dutch message), so the rest of
    the page still runs and Voilà shows no English error banner.
    """

    shell_class = Type(AppShell)

    def start(self):
        super().start()
        for stream in self._streams():
            stream.io_loop.add_callback(_watch, stream)

    def _streams(self) -> list:
        """Every stream that reads a socket of this kernel: shell, control and ipykernel 7's
        inproc pairs between the shell channel thread and the main thread."""
        streams = [self.shell_stream, self.control_stream]
        manager = getattr(self.shell_channel_thread, "manager", None)
        for name in ("_shell_channel_to_main", "_main_to_shell_channel",
                     "control_to_shell_channel"):
            streams.append(getattr(getattr(manager, name, None), "to_stream", None))
        return [stream for stream in streams if stream is not None]

    async def do_execute(self, *args, **kwargs):
        reply = super().do_execute(*args, **kwargs)
        if asyncio.iscoroutine(reply):
            reply = await reply
        if reply.get("status") == "error":
            reply = {"status": "ok", "execution_count": reply.get("execution_count"),
                     "payload": [], "user_expressions": {}}
        return reply


def _watch(stream) -> None:
    """Every :data:`WATCH_MS` ms, handle what waits on *stream* (runs on the stream's loop)."""
    from tornado.ioloop import PeriodicCallback

    def look():
        global LOOKS
        LOOKS += 1
        if stream.socket is not None and not stream.closed():
            stream._handle_events(stream.socket, 0)  # what the loop does on a wake-up

    PeriodicCallback(look, WATCH_MS).start()


def _write_log(text: str) -> None:
    if _LOG_FD is not None:
        os.write(_LOG_FD, text.encode("utf-8", "replace"))


def main() -> None:
    """Run an app page's kernel: ``python -m routekit.app_kernel -f CONNECTION_FILE``."""
    global _LOG_FD
    from ipykernel.kernelapp import IPKernelApp

    _LOG_FD = os.dup(2)
    os.environ["ROUTEKIT_APP"] = "1"
    IPKernelApp.launch_instance(argv=sys.argv[1:], kernel_class=AppKernel)


if __name__ == "__main__":  # run the imported module, so its classes and state are the ones used
    from routekit.app_kernel import main as run_kernel

    run_kernel()
