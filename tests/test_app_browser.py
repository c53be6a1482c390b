"""The app mode in a real browser: Voilà serves the notebooks, Debian's Chromium drives them.

A librarian never sees code: these tests open every page of the app, on the sample route
and on a fresh route of her own with only CBS figures, fill in one form per page as she
would, and fail on anything she should not see: an error banner or routekit's error box,
a traceback, a page that never finishes, an instruction that needs code, a Python repr or
a raw English column name. Screenshots go to ``test-output/``. One Voilà server per route
serves the whole module. `make browser` installs Chromium; when it could not, it wrote
why, and these tests skip with that reason.
Run only these: ``pytest -m browser``; leave them out: ``pytest -m "not browser"``.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
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
RENDER_MS = 90_000  # a page runs its whole notebook before it shows
CBS_FILE = Path(__file__).parent / "data" / "cbs" / "kwb-2023-utrecht.xlsx"
NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
PAGES = sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb"))
ROUTES = ["voorbeeld", "eigen-cbs"]

# What a librarian must never see on a page.
BANNERS = ("There was an error", "Traceback", "ExecutionError", "Execution error",
           "Please run Voil", "Kernel died", "Error:", "Exception")
UNFINISHED = ("Executing", "Running ", "Reading ", "wordt klaargezet")
CODE = {"a code instruction": re.compile(
            r"Shift\+Enter|route_dir|\{\{|\{%|`|\bimport\b|\.ipynb\b|"
            r"\b[a-z]+(?:_[a-z0-9]+)+\(|\bdef\b|Verander \S+ in de cel"),
        "a Python repr": re.compile(
            r"\bTrue\b|\bFalse\b|\bNone\b|\bNaN\b|\bnan\b|\{'|\['|object at 0x|\bdtype\b|"
            r"<routekit|\b\d+\.0\b(?!\d)"),
        "a raw column name": re.compile(r"\b[a-z]+_[a-z_]+\b")}
# English words a Dutch table never uses as a header (Segment, Index, Status, Code, Type, Label,
# Budget and Persona are Dutch words too).
ENGLISH_HEADERS = {
    "id", "date", "theme", "participants", "format", "summary", "action_points",
    "follow_up", "name", "households", "members", "penetration", "missed", "step", "title",
    "records", "started", "area", "level", "influence", "attitude", "kind", "role",
    "organisation", "notes", "owner", "goal", "activity", "risk",
    "share", "count", "value", "source", "target",
    "weight", "stance", "email", "phone", "year", "description", "person"}


def _why_no_browser() -> str:
    if CHROMIUM.exists():
        return ""
    if BROWSER_NOTE.exists():
        return BROWSER_NOTE.read_text("utf-8").strip()
    return f"{CHROMIUM} is missing (`make browser` installs it)"


pytestmark = pytest.mark.browser


@dataclass
class App:
    """A running app on one route: its server, route folder, log and name."""

    kind: str
    server: object
    route_dir: Path
    log: Path

    def url(self, notebook: str | None = None) -> str:
        return self.server.url(notebook)

    def log_tail(self) -> str:
        return self.log.read_text("utf-8", "replace")[-3000:]


def _make_route(kind: str, routes: Path) -> Path:
    """A new route of her own holding only CBS figures ("eigen-cbs"), else a sample copy."""
    from routekit.area.importer import import_file

    if kind != "eigen-cbs":
        target = routes / "de-sleutel"
        shutil.copytree(SAMPLE_ROUTE, target, ignore=shutil.ignore_patterns(".backup", "export"))
        return target
    route = Route.create(routes / "utrecht", library="Bibliotheek Utrecht",
                         municipality={"code": "GM0344", "name": "Utrecht"},
                         themes=[{"id": "laaggeletterdheid", "name": "Laaggeletterdheid"}])
    import_file(route, "cbs", CBS_FILE)
    return route.path


def _start(kind: str, folder: Path) -> App:
    """Voilà on a free port of 127.0.0.1 on a new route of *kind*, in *folder*.

    The root conftest points JUPYTER_*, IPYTHONDIR and MPLCONFIGDIR at a temporary folder;
    the server and its kernels inherit that environment. Routes and the route choice
    live in ``folder/routes``, so nothing is written to the project's ``routes/``.
    """
    from routekit.app import AppServer

    routes = folder / "routes"
    routes.mkdir(parents=True, exist_ok=True)
    route_dir = _make_route(kind, routes)
    log = folder / "voila.log"
    server = AppServer.start(route_dir, log=log, choice_file=routes / ".route-choice.yaml")
    try:
        server.wait_until_ready()
        server.wait_until_warm()
    except RuntimeError as error:
        server.stop()
        pytest.fail(f"{error}\n{log.read_text('utf-8', 'replace')[-3000:]}")
    return App(kind, server, route_dir, log)


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    """One app server per route, started when a test first needs it, stopped after the module."""
    started: dict[str, App] = {}

    def get(kind: str) -> App:
        if kind not in started:
            started[kind] = _start(kind, tmp_path_factory.mktemp(kind))
        return started[kind]

    yield get
    for app in started.values():
        app.server.stop()


@pytest.fixture(params=ROUTES)
def app(request, servers) -> App:
    return servers(request.param)


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
    tab.close(run_before_unload=True)  # as a browser does: the page ends its kernel


def _open(page, app: App, notebook: str | None = None) -> None:
    """Go to a step's page and wait until it is fully shown: every cell run, the loading
    text gone, the widgets drawn. A page that does not get there fails the test (with the
    end of Voilà's log): there is no second try, as a librarian should not need one."""
    from playwright.sync_api import TimeoutError as PageTimeout

    name = notebook or "00_start"
    try:
        page.goto(app.url(notebook), wait_until="domcontentloaded", timeout=RENDER_MS)
        page.wait_for_function("() => !document.getElementById('loading')", timeout=RENDER_MS)
    except PageTimeout:
        pytest.fail(f"{name} on route {app.kind} did not finish in {RENDER_MS // 1000} s; "
                    f"Voilà log:\n{app.log_tail()}")
    _wait_until_still(page)


def _wait_until_still(page, seconds: float = 30) -> None:
    """Wait until the number of drawn widgets has not changed for a second and a half."""
    count, since, deadline = -1, time.monotonic(), time.monotonic() + seconds
    while time.monotonic() < deadline:
        now = page.locator(".jupyter-widgets, .widget-output img").count()
        if now != count:
            count, since = now, time.monotonic()
        elif time.monotonic() - since > 1.5:
            return
        page.wait_for_timeout(250)


def page_problems(page) -> list[str]:
    """What a librarian should not see on *page*, one line each (empty: nothing)."""
    problems = []
    text = page.inner_text("body")
    problems += [f"error banner: {b!r}" for b in BANNERS if b in text]
    problems += [f"unfinished page: {u!r}" for u in UNFINISHED if u in text]
    if page.locator(".routekit-error").count():
        problems.append("routekit's error box: "
                        + page.locator(".routekit-error").first.inner_text()[:200])
    for what, pattern in CODE.items():
        problems += [f"{what}: {m.group(0)!r} in …{text[max(0, m.start() - 40):m.end() + 40]!r}"
                     for m in list(pattern.finditer(text))[:3]]
    headers = {h.strip() for h in page.locator("th").all_inner_texts()}
    problems += [f"English column name: {h!r}" for h in sorted(headers)
                 if h.lower() in ENGLISH_HEADERS]
    if page.locator(".cm-editor, .jp-InputArea-editor").count():
        problems.append("a code cell is shown")
    problems += [f"JavaScript error: {e}" for e in page.errors]
    return problems


def _fill_one_form(page, notebook: str) -> str:
    """Fill in one form of the page as a librarian would and save it; return what was done.

    The form is the first box with a primary button and an empty text field (a new
    record): that field gets a test text. Without such a box, the first primary button
    (saving what the form shows); without any, the first text field of a form that saves
    on every change; without that, the first button. On the start page she picks the
    route she works on. Fails when the page has no form, or shows no answer.
    """
    if notebook == "00_start":
        button = page.get_by_role("button", name=t("app.start.open"))
    else:
        button = None
        primaries = [b for b in page.locator("button.mod-primary").all() if b.is_visible()]
        for candidate in primaries:
            form = page.locator(".widget-vbox", has=candidate).last
            empty = [f for f in form.locator(".widget-text input[type=text], .widget-textarea "
                                             "textarea").all()
                     if f.is_visible() and not f.input_value()]
            if empty:
                empty[0].fill(f"Browsertest {notebook}")
                page.wait_for_timeout(500)  # a button may wait for the field to be filled
                if candidate.is_enabled():
                    button = candidate
                    break
        primaries = [b for b in primaries if b.is_enabled()]
        # for a form that saves on every change: an empty field, else a note (a text area);
        # never a filled-in name, which other tests look for
        fields = [f for f in page.locator(".widget-textarea textarea, .widget-text "
                                          "input[type=text]").all()
                  if f.is_visible() and not f.input_value()]
        fields = fields or [f for f in page.locator(".widget-textarea textarea").all()
                            if f.is_visible()]
        if button is None and not primaries and not fields:  # a form of lists and a button
            primaries = [b for b in page.locator(".widget-button").all()
                         if b.is_visible() and b.is_enabled()]
            assert primaries, f"{notebook}: no form to fill in"
        elif button is None and not primaries:  # a form that saves on every change
            before = page.inner_text("body")
            fields[0].fill(f"{fields[0].input_value()} Browsertest {notebook}".strip())
            fields[0].press("Tab")
            return _answered(page, before, notebook, "a text field saved on change")
        button = button or primaries[0]
    before = page.inner_text("body")
    label = button.inner_text()
    button.click()
    return _answered(page, before, notebook, f"clicked {label!r}")


def _answered(page, before: str, notebook: str, done: str) -> str:
    """Wait until the page text differs from *before* (the form's answer); return *done*."""
    deadline = time.monotonic() + 20
    while page.inner_text("body") == before and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    assert page.inner_text("body") != before, f"{notebook}: no answer after {done}"
    _wait_until_still(page, 10)
    return done


@pytest.mark.parametrize("notebook", PAGES)
def test_every_page_opens_and_takes_a_form_without_code_or_english(app, page, notebook,
                                                                   figure_dir):
    _open(page, app, notebook)
    problems = page_problems(page)
    done = _fill_one_form(page, notebook)
    problems += [f"after the form ({done}): {p}" for p in page_problems(page)]
    page.locator("#rendered_cells").screenshot(path=figure_dir / f"app-{app.kind}-{notebook}.png")
    assert not problems, f"{notebook} on route {app.kind}:\n" + "\n".join(problems)


def test_start_page_shows_the_route_and_a_dutch_status_table(page, servers):
    app = servers("voorbeeld")
    _open(page, app)
    route = Route.open(app.route_dir)
    header = page.locator(".routekit-route").first.inner_text()
    assert route.config.library in header and route.config.municipality.name in header
    assert (route.config.notice or t("core.route.fictional")) in header
    table = page.locator("table").first
    assert table.locator("th").all_inner_texts() == ["Stap", "Onderdeel", "Vastgelegd",
                                                     "Begonnen"]
    rows = [row.locator("td").all_inner_texts() for row in table.locator("tbody tr").all()]
    progress = route.progress()
    assert [r[1] for r in rows] == progress["title"].tolist()
    assert {r[3] for r in rows} <= {"Ja", "Nee"}
    assert page_problems(page) == []


def test_librarian_creates_her_route_uploads_cbs_and_opens_a_step(page, servers, figure_dir):
    """The whole first visit in the browser: new route, CBS file in, the steps follow."""
    from playwright.sync_api import expect

    app = servers("nieuw")  # an app started on (a copy of) the sample, nothing of her own yet
    _open(page, app)
    form = page.locator(".widget-vbox", has=page.get_by_role("button",
                                                            name=t("ui.start.create"))).last
    form.locator(".widget-text input").first.fill("Bibliotheek Utrecht")
    form.locator(".widget-dropdown select").first.select_option(label="Utrecht")
    form.locator(".widget-text input").nth(1).fill("Laaggeletterdheid")
    page.get_by_role("button", name=t("ui.start.create")).click()
    page.get_by_text(t("app.start.created", library="Bibliotheek Utrecht")).wait_for()
    expect(page.locator(".routekit-route").first).to_contain_text("Bibliotheek Utrecht")

    with page.expect_file_chooser() as chooser:  # the upload button opens the file dialog
        page.locator(".widget-upload").first.click()
    chooser.value.set_files(str(CBS_FILE))
    page.get_by_text(t("app.upload.done")).wait_for(timeout=RENDER_MS)
    page.locator("#rendered_cells").screenshot(path=figure_dir / "app-start-nieuwe-route.png")
    assert page_problems(page) == []
    new = Route.open(app.route_dir.parent / "bibliotheek-utrecht")  # next to the first route
    from routekit.area.stored import route_key_figures

    assert route_key_figures(new).table.loc["GM0344", "inhabitants"] > 0
    rows = [row.locator("td").all_inner_texts()
            for row in page.locator("table").first.locator("tbody tr").all()]
    assert any(r[0] == "4a" and r[3] == "Ja" for r in rows), rows  # the status followed

    _open(page, app, "03_kennismaken")  # a step opened now works on her route
    assert "Bibliotheek Utrecht" in page.inner_text("body")
    assert "De Sleutel" not in page.inner_text("body")


def test_conversation_form_saves_to_the_route(page, servers, figure_dir):
    app = servers("voorbeeld")
    summary = "Browsertest: koffie met de buurtvereniging in Oost"
    _open(page, app, "03_kennismaken")
    save = page.get_by_role("button", name=t("conversations.form.save"))
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
    form.get_by_text("Zaal reserveren in de bibliotheek").last.wait_for()

    saved = [c for c in Route.open(app.route_dir).records("conversations")
             if c.summary == summary]
    assert len(saved) == 1
    record = saved[0]
    assert record.theme == "eenzaamheid" and record.participants == ["anneke-bos"]
    assert record.action_points == ["Anneke nodigt de buren uit",
                                    "Zaal reserveren in de bibliotheek"]
    form.screenshot(path=figure_dir / "app-03-gesprek-opgeslagen.png")
    assert page.errors == []


def _labelled(scope, kind: str, label: str):
    """The first ipywidgets control of *kind* (e.g. "slider") in *scope* labelled *label*."""
    page = getattr(scope, "page", scope)  # a Locator knows its page; a Page is one
    return scope.locator(f".widget-{kind}").filter(
        has=page.get_by_text(label, exact=True)).first


def test_slider_moves_a_stakeholder_and_the_chart_follows(page, servers, figure_dir):
    from playwright.sync_api import expect

    app = servers("voorbeeld")
    _open(page, app, "04b_krachtenveld")
    slider = _labelled(page, "slider", t("stakeholders.ui.influence"))
    slider.wait_for()
    name = _labelled(page, "text", t("stakeholders.ui.name")).locator("input").input_value()
    theme_name = _labelled(page, "dropdown", t("stakeholders.ui.theme")).locator(
        "select").evaluate("select => select.options[select.selectedIndex].text").replace(
        "\xa0", " ")  # ipywidgets shows option labels with non-breaking spaces
    route = Route.open(app.route_dir)
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

    assert Route.open(app.route_dir).get("positions", sid, theme).influence == before + step
    assert slider.locator(".widget-readout").inner_text() == str(before + step)
    expect(chart).not_to_have_attribute("src", chart_before,  # redrawn from the saved record
                                        timeout=TIMEOUT_MS)
    chart.evaluate("img => img.decode()")
    page.set_viewport_size({"width": 1280, "height": 1800})
    page.locator(".widget-vbox", has=page.locator(".widget-tab")).first.screenshot(
        path=figure_dir / "app-04b-krachtenveld.png")
    assert page.errors == []


def test_routekit_app_command_serves_a_step_and_stops_cleanly(tmp_path):
    from routekit.app import free_port, port_is_free

    route_dir = tmp_path / "routes" / "de-sleutel"
    shutil.copytree(SAMPLE_ROUTE, route_dir, ignore=shutil.ignore_patterns(".backup", "export"))
    port, log = free_port(), tmp_path / "app.log"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # as in a log
    env["ROUTEKIT_CHOICE"] = str(tmp_path / "routes" / ".route-choice.yaml")
    with open(log, "w") as output:
        command = subprocess.Popen(
            [sys.executable, "-m", "routekit.cli", "app", str(route_dir), "03_kennismaken",
             "--no-browser", "--port", str(port)], stdout=output, stderr=subprocess.STDOUT,
            env=env)
    try:
        url = f"http://127.0.0.1:{port}/voila/render/03_kennismaken.ipynb"
        deadline = time.monotonic() + 60
        while url not in log.read_text("utf-8") and time.monotonic() < deadline:
            assert command.poll() is None, log.read_text("utf-8")
            time.sleep(0.2)
        assert t("app.start", path=route_dir, url=url) in log.read_text("utf-8")
        with urllib.request.urlopen(url, timeout=60) as response:
            html = response.read().decode("utf-8")
        assert "Bibliotheek De Sleutel" in html  # the notebook ran on the route
        assert "from routekit.notebook import start" not in html  # no code
    finally:
        command.send_signal(signal.SIGTERM)  # as when the terminal closes
        assert command.wait(30) == 0
    assert t("app.stop") in log.read_text("utf-8")
    assert port_is_free(port)  # the server went with it


def test_a_page_whose_kernel_stops_says_so_in_dutch(tmp_path):
    """Even when a page's kernel dies mid-way, no English text or traceback reaches her."""
    import nbformat

    from routekit.app import AppServer

    folder = tmp_path / "notebooks"
    folder.mkdir()
    notebook = nbformat.v4.new_notebook(metadata={"kernelspec": {
        "name": "python3", "display_name": "Python 3", "language": "python"}})
    notebook.cells = [nbformat.v4.new_code_cell("print('eerste deel')"),
                      nbformat.v4.new_code_cell("import os; os._exit(1)")]
    nbformat.write(notebook, folder / "stopt.ipynb")
    server = AppServer.start(SAMPLE_ROUTE, log=tmp_path / "voila.log", notebook_dir=folder,
                             choice_file=tmp_path / "routes" / ".route-choice.yaml")
    try:
        server.wait_until_ready()
        url = f"http://127.0.0.1:{server.port}/voila/render/stopt.ipynb"  # not a guided step
        with urllib.request.urlopen(url, timeout=RENDER_MS / 1000) as response:
            html = response.read().decode("utf-8")
    finally:
        server.stop()
    assert "eerste deel" in html and "Dit deel van de pagina kon niet worden gemaakt" in html
    for english in ("There was an error", "An exception occurred", "Traceback", "Please run"):
        assert english not in html
