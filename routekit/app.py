"""The app mode: the guided notebooks served by Voilà, code hidden, widgets and outputs shown.

One server serves the whole ``notebooks/`` folder on 127.0.0.1, so the links
between notebooks keep working; every page runs its notebook in a fresh kernel
(:mod:`routekit.app_kernel`) on the current route of the app: the route the
server was started with, until the start page chooses another
(:mod:`routekit.route_choice`).

Examples
--------
>>> server = AppServer.start("routes/de-sleutel", port=8866)   # doctest: +SKIP
>>> server.wait_until_ready()                                  # doctest: +SKIP
>>> server.url("03_kennismaken")                               # doctest: +SKIP
'http://127.0.0.1:8866/voila/render/03_kennismaken.ipynb'
>>> server.stop()                                              # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from routekit.guidance import APP_ENV_VAR
from routekit.i18n import t
from routekit.notebook import ENV_VAR, HOME_VAR, PROJECT_ROOT

__all__ = ["APP_SHARE", "DEFAULT_PORT", "HOST", "NOTEBOOK_DIR", "START_NOTEBOOK", "AppServer",
           "app_environment", "free_port", "notebook_name", "port_is_free"]

HOST = "127.0.0.1"
NOTEBOOK_DIR = PROJECT_ROOT / "notebooks"
START_NOTEBOOK = "00_start.ipynb"
DEFAULT_PORT = 8866
# Kernels of closed pages are shut down after this many idle seconds; open pages keep theirs.
CULL_IDLE_SECONDS = 600
# Jupyter data folder of the app: the page kernel (routekit.app_kernel) and the Dutch template.
APP_SHARE = Path(__file__).resolve().parent / "app_share"


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def port_is_free(port: int) -> bool:
    """Whether nothing listens on *port* of 127.0.0.1."""
    with socket.socket() as probe:
        return probe.connect_ex((HOST, port)) != 0


def notebook_name(name: str | Path | None) -> str | None:
    """Return the file name of a served notebook, or None when *name* names none.

    Accepts ``03_kennismaken``, ``03_kennismaken.ipynb`` or ``notebooks/03_kennismaken.ipynb``;
    None gives the start notebook.
    """
    if name is None:
        return START_NOTEBOOK
    file = Path(name).name
    file = file if file.endswith(".ipynb") else f"{file}.ipynb"
    return file if (NOTEBOOK_DIR / file).is_file() else None


def app_environment(route_dir: str | Path, env: dict[str, str],
                    choice_file: str | Path | None = None) -> dict[str, str]:
    """The environment of the app server and its kernels, with *route_dir* chosen.

    ``ROUTEKIT_ROUTE`` is left out (the pages follow the route chosen on the start
    page), ``ROUTEKIT_CHOICE`` names the choice file (*choice_file*, else the one *env*
    names, else ``routes/.route-choice.yaml``), which now holds *route_dir*, and the
    app's Jupyter data folder comes first on ``JUPYTER_PATH``, so its ``python3`` kernel
    spec and its template win.
    """
    from routekit.route_choice import CHOICE_ENV_VAR, DEFAULT_CHOICE_FILE, choose_route

    env = {key: value for key, value in env.items() if key != ENV_VAR}
    choice_file = Path(choice_file or env.get(CHOICE_ENV_VAR) or DEFAULT_CHOICE_FILE).resolve()
    env[CHOICE_ENV_VAR] = str(choice_file)
    env[APP_ENV_VAR] = "1"  # the pages speak without command lines and file names
    env[HOME_VAR] = str(PROJECT_ROOT)  # kernels start in the notebooks folder: find routes/ here
    choose_route(route_dir, file=choice_file)
    env["JUPYTER_PATH"] = os.pathsep.join(
        filter(None, [str(APP_SHARE), env.get("JUPYTER_PATH", "")]))
    return env


def voila_command(port: int, notebook_dir: str | Path = NOTEBOOK_DIR) -> list[str]:
    """The Voilà command line that serves *notebook_dir* (``notebooks/``) on *port*."""
    return [sys.executable, "-m", "voila", str(notebook_dir), "--no-browser",
            f"--port={port}", f"--Voila.ip={HOST}", "--Voila.port_retries=0",
            "--VoilaConfiguration.extension_denylist=jupyterlab-jupytext",
            "--template=routekit",  # app_share/voila/templates/routekit: Dutch loading text
            # never one endless wait on a kernel socket (see routekit.app_kernel)
            "--AsyncKernelManager.client_class=routekit.app_kernel.SteadyKernelClient",
            # kernels talk over local sockets: no TCP ports to pick (and lose in a race)
            "--KernelManager.transport=ipc",
            f"--MappingKernelManager.cull_idle_timeout={CULL_IDLE_SECONDS}",
            "--MappingKernelManager.cull_interval=60"]


@dataclass
class AppServer:
    """A running Voilà server (in its own process group) on one route.

    Attributes
    ----------
    process : subprocess.Popen
    port : int
    route_dir : Path
    """

    process: subprocess.Popen
    port: int
    route_dir: Path

    @classmethod
    def start(cls, route_dir: str | Path, *, port: int | None = None,
              env: dict[str, str] | None = None, log: str | Path | None = None,
              choice_file: str | Path | None = None,
              notebook_dir: str | Path = NOTEBOOK_DIR) -> AppServer:
        """Start Voilà on *route_dir* and return at once (see :meth:`wait_until_ready`).

        Parameters
        ----------
        route_dir : str or Path
            The route the pages open first: it becomes the app's current route.
        port : int, optional
            A free port is chosen when not given.
        env : dict, optional
            Environment of the server and its kernels; defaults to this process's.
        log : str or Path, optional
            File for the server's output; by default it goes to this process's output.
        choice_file : str or Path, optional
            The file holding the current route (default: ``ROUTEKIT_CHOICE`` of *env*,
            else ``routes/.route-choice.yaml``); the pages read it, the start page writes it.
        notebook_dir : str or Path, optional
            The folder of notebooks served (default: the guided notebooks).
        """
        route_dir = Path(route_dir).resolve()
        port = port or free_port()
        env = app_environment(route_dir, os.environ if env is None else env, choice_file)
        with open(log, "ab") if log else contextlib.nullcontext() as output:
            process = subprocess.Popen(voila_command(port, notebook_dir), env=env, stdout=output,
                                       stderr=subprocess.STDOUT if log else None,
                                       start_new_session=True)
        return cls(process, port, route_dir)

    def url(self, notebook: str | Path | None = None) -> str:
        """The address of *notebook* (default: the start notebook) in the app."""
        return f"http://{HOST}:{self.port}/voila/render/{notebook_name(notebook)}"

    def wait_until_ready(self, timeout: float = 60) -> None:
        """Wait until the server answers; raise RuntimeError if it stopped or took too long."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(t("app.stopped", code=self.process.returncode))
            try:
                with urllib.request.urlopen(f"http://{HOST}:{self.port}/", timeout=5):
                    return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        raise RuntimeError(t("app.not_ready", seconds=timeout))

    def wait_until_warm(self, timeout: float = 600) -> None:
        """Wait until the pages are ready to be served (nothing to wait for yet)."""

    def stop(self, timeout: float = 15) -> int:
        """Stop the server and its kernels (SIGTERM to the process group); return its exit code."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        return self.process.returncode
