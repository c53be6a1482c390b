"""The app mode in a real browser: Voilà serves the notebooks, Debian's Chromium drives them.

A librarian never sees code: these tests read the pages, fill in the forms and move the
sliders as she would, then check what landed in the route's files. One Voilà server on a
scratch copy of the sample route serves the whole module. `make browser` installs Chromium;
when it could not, it wrote why, and these tests skip with that reason.
Run only these: ``pytest -m browser``; leave them out: ``pytest -m "not browser"``.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
import warnings
from pathlib import Path

import pytest

from routekit.i18n import t
from routekit.notebook import SAMPLE_ROUTE
from routekit.workspace import Route

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
BROWSER_NOTE = Path(sys.prefix) / "browser-unavailable.txt"  # written by `make browser`
TIMEOUT_MS = 60_000
CLOSE_SECONDS = 30
RENDER_MS = 90_000  # a page runs its whole notebook before it shows (04b: about 10 s idle)


def _why_no_browser() -> str:
    if CHROMIUM.exists():
        return ""
    if BROWSER_NOTE.exists():
        return BROWSER_NOTE.read_text("utf-8").strip()
    return f"{CHROMIUM} is missing (`make browser` installs it)"


pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def route_dir(tmp_path_factory):
    """A scratch copy of the sample route that the app reads and writes."""
    target = tmp_path_factory.mktemp("app") / "de-sleutel"
    shutil.copytree(SAMPLE_ROUTE, target, ignore=shutil.ignore_patterns(".backup", "export"))
    return target


@pytest.fixture(scope="module")
def server(route_dir):
    """Voilà on a free port of 127.0.0.1, stopped (with its kernels) after the module.

    The root conftest points JUPYTER_*, IPYTHONDIR and MPLCONFIGDIR at a temporary folder;
    the server and its kernels inherit that environment.
    """
    from routekit.app import AppServer

    log = route_dir.parent / "voila.log"
    app = AppServer.start(route_dir, log=log)
    try:
        app.wait_until_ready()
    except RuntimeError as error:
        app.stop()
        pytest.fail(f"{error}\n{log.read_text('utf-8', 'replace')[-3000:]}")
    yield app
    app.stop()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Headless Chromium with an empty profile in a temporary folder (skips without Chromium)."""
    from playwright.sync_api import sync_playwright

    if _why_no_browser():
        pytest.skip(_why_no_browser())
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900})
        context.set_default_timeout(TIMEOUT_MS)
        # Offline machine: fail requests to other hosts (Voilà asks a CDN for Font Awesome) at
        # once, so a page never waits for a name lookup that cannot succeed.
        context.route(lambda url: not url.startswith("http://127.0.0.1:"),
                      lambda route: route.abort())
        yield context
        # Closing has been seen to hang for minutes once in a while; end Chromium if it does.
        watchdog = threading.Timer(CLOSE_SECONDS, _kill_chromium, args=(profile,))
        watchdog.start()
        try:
            context.close()
        finally:
            watchdog.cancel()


def _kill_chromium(profile: Path) -> None:
    """SIGKILL every process started with *profile* as its Chromium profile folder."""
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and str(profile).encode() in (proc / "cmdline").read_bytes():
                os.kill(int(proc.name), signal.SIGKILL)
        except OSError:
            pass  # gone already, or not ours to read


@pytest.fixture
def page(browser):
    """A new tab that records uncaught JavaScript errors in ``page.errors``."""
    tab = browser.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    tab.close()


def _open(page, server, notebook: str | None = None) -> None:
    """Go to a step's page, loading it once more if the first try hangs; then fail with the
    end of Voilà's log.

    Twice in CI-like runs a page's new kernel never answered (Voilà waited for good); a
    reload starts another kernel, as a librarian would by pressing F5. The retry is reported
    as a warning, so it stays visible.
    """
    from playwright.sync_api import TimeoutError as PageTimeout

    name = notebook or "00_start"
    for attempt in (1, 2):
        try:
            page.goto(server.url(notebook), wait_until="domcontentloaded", timeout=RENDER_MS)
            return
        except PageTimeout:
            if attempt == 1:
                warnings.warn(f"{name} did not render in {RENDER_MS // 1000} s; loading it again",
                              stacklevel=2)
    log = (server.route_dir.parent / "voila.log").read_text("utf-8", "replace")
    pytest.fail(f"{name} did not render in two tries of {RENDER_MS // 1000} s; Voilà log:\n"
                + log[-3000:])


def _labelled(scope, kind: str, label: str):
    """The first ipywidgets control of *kind* (e.g. "slider") in *scope* labelled *label*."""
    page = getattr(scope, "page", scope)  # a Locator knows its page; a Page is one
    return scope.locator(f".widget-{kind}").filter(
        has=page.get_by_text(label, exact=True)).first


def test_start_page_shows_greeting_and_progress_without_code_or_errors(page, server,
                                                                       route_dir):
    _open(page, server)
    page.get_by_role("button", name=t("ui.start.create")).wait_for()
    body = page.inner_text("body")
    route = Route.open(route_dir)
    assert t("core.notebook.opened", library=route.config.library,
             folder=route_dir.name) in body
    assert (route.config.notice or t("core.route.fictional")) in body
    shown = [row.locator("td").all_inner_texts()
             for row in page.locator("table.dataframe").first.locator("tbody tr").all()]
    expected = [[str(value) for value in row] for row in route.progress().itertuples(index=False)]
    assert shown == expected
    assert "from routekit.notebook import start" not in body  # code cells are hidden
    assert page.locator(".cm-editor, .jp-InputArea-editor").count() == 0
    assert "Traceback" not in body and "There was an error" not in body
    assert page.errors == []


def test_conversation_form_saves_to_the_route(page, server, route_dir, figure_dir):
    summary = "Browsertest: koffie met de buurtvereniging in Oost"
    _open(page, server, "03_kennismaken")
    save = page.get_by_role("button", name=t("conversations.form.save"))
    save.wait_for()
    form = page.locator(".widget-vbox", has=save).last
    _labelled(form, "dropdown", t("conversations.form.theme")).locator("select").select_option(
        label="Eenzaamheid onder ouderen")
    _labelled(form, "select-multiple", t("conversations.form.participants")).locator(
        "select").select_option(label="Anneke Bos")
    _labelled(form, "textarea", t("conversations.form.summary")).locator("textarea").fill(
        summary)
    _labelled(form, "textarea", t("conversations.form.actions")).locator("textarea").fill(
        "Anneke nodigt de buren uit\nZaal reserveren in de bibliotheek")
    save.click()
    message = form.get_by_text("Opgeslagen als")
    message.wait_for()

    saved = [c for c in Route.open(route_dir).records("conversations") if c.summary == summary]
    assert len(saved) == 1
    record = saved[0]
    assert record.theme == "eenzaamheid" and record.participants == ["anneke-bos"]
    assert record.action_points == ["Anneke nodigt de buren uit",
                                    "Zaal reserveren in de bibliotheek"]
    assert message.inner_text() == t("conversations.form.saved", id=record.id)
    # the table of open action points below the form shows the new points at once
    form.locator(".widget-output").get_by_text("Zaal reserveren in de bibliotheek").wait_for()
    form.screenshot(path=figure_dir / "app-03-gesprek-opgeslagen.png")
    assert page.errors == []


def test_slider_moves_a_stakeholder_and_the_chart_follows(page, server, route_dir, figure_dir):
    from playwright.sync_api import expect

    _open(page, server, "04b_krachtenveld")
    slider = _labelled(page, "slider", t("stakeholders.ui.influence"))
    slider.wait_for()
    name = _labelled(page, "text", t("stakeholders.ui.name")).locator("input").input_value()
    theme_name = _labelled(page, "dropdown", t("stakeholders.ui.theme")).locator(
        "select").evaluate("select => select.options[select.selectedIndex].text").replace(
        "\xa0", " ")  # ipywidgets shows option labels with non-breaking spaces
    route = Route.open(route_dir)
    sid = next(s.id for s in route.records("stakeholders") if s.name == name)
    theme = next(th.id for th in route.config.themes if th.name == theme_name)
    before = route.get("positions", sid, theme).influence
    assert slider.locator(".widget-readout").inner_text() == str(before)
    chart = page.locator(".widget-output img").first
    chart_before = chart.get_attribute("src")

    step = 1 if before < 5 else -1
    handle = slider.locator(".noUi-handle")
    handle.focus()
    handle.press("ArrowRight" if step > 0 else "ArrowLeft")
    page.get_by_text(t("stakeholders.ui.position_saved", name=name, theme=theme_name)).wait_for()

    assert Route.open(route_dir).get("positions", sid, theme).influence == before + step
    assert slider.locator(".widget-readout").inner_text() == str(before + step)
    expect(chart).not_to_have_attribute("src", chart_before)  # redrawn from the saved record
    chart.evaluate("img => img.decode()")
    page.set_viewport_size({"width": 1280, "height": 1800})
    page.locator(".widget-vbox", has=page.locator(".widget-tab")).first.screenshot(
        path=figure_dir / "app-04b-krachtenveld.png")
    assert page.errors == []


def test_routekit_app_command_serves_a_step_and_stops_cleanly(route_dir, tmp_path):
    from routekit.app import free_port, port_is_free

    port, log = free_port(), tmp_path / "app.log"
    with open(log, "w") as output:
        command = subprocess.Popen(
            [sys.executable, "-m", "routekit.cli", "app", str(route_dir), "03_kennismaken",
             "--no-browser", "--port", str(port)], stdout=output, stderr=subprocess.STDOUT,
            env={k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"})  # as in a log
    try:
        url = f"http://127.0.0.1:{port}/voila/render/03_kennismaken.ipynb"
        deadline = time.monotonic() + 60
        while url not in log.read_text("utf-8") and time.monotonic() < deadline:
            assert command.poll() is None, log.read_text("utf-8")
            time.sleep(0.2)
        assert t("app.start", path=route_dir, url=url) in log.read_text("utf-8")
        assert t("app.reload_hint") in log.read_text("utf-8")
        with urllib.request.urlopen(url, timeout=60) as response:
            html = response.read().decode("utf-8")
        assert "Route geopend: Bibliotheek De Sleutel" in html  # the notebook ran on the route
        assert "from routekit.notebook import start" not in html  # no code
    finally:
        command.send_signal(signal.SIGTERM)  # as when the terminal closes
        assert command.wait(30) == 0
    assert t("app.stop") in log.read_text("utf-8")
    assert port_is_free(port)  # the server went with it
