"""The ui kit: what every form shares, so each form only wires its own widgets.

- :func:`show_figure` and :func:`show_table` put a chart or a table in an
  ``ipywidgets.Output`` (a chart is rendered to PNG once and closed; a table is
  shown by :func:`display_table`: Dutch column names, names instead of ids,
  ja/nee, no row numbers, Dutch numbers and dates).
- :func:`ok_html`, :func:`problems_html` and :func:`notes_html` turn messages
  into HTML; every piece of user text goes through :func:`routekit.markup.escape`.
- :class:`Form` is the one base class of the forms, with one save policy:

  **a change to a record that exists is saved at once; a new record is saved
  with the form's button** (Toevoegen / Opslaan). Every save answers in the
  form's ``message``: "✓ Opgeslagen: <naam>" or "Niet opgeslagen" with the
  problems, each naming the field as the form calls it ("Naam mag niet leeg
  zijn"). ``with form.loading():`` fills widgets without saving.

  **A form saves over the record as it read it** (two pages may edit one route):
  ``load()`` keeps what it shows with :meth:`Form.remember`, saves go through
  :meth:`Form.save_record` / :meth:`Form.remove_record`. Another page's change to
  other fields is kept; a change to the same field is refused in Dutch, naming the
  field, and the form shows the record as stored now.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> form = Form(route)
>>> form.name = w.Text(description="Naam")
>>> from routekit.organisation import save_colleague
>>> form.attempt(lambda: save_colleague(route, ""))
False
>>> form.message.value
"<b style='color:#b00020'>Niet opgeslagen:</b><ul><li>Naam mag niet leeg zijn</li></ul>"
>>> form.attempt(lambda: t("kit.saved", name="<b>Bos</b>"))
True
>>> form.message.value
"<span style='color:#1a7f37'>✓ Opgeslagen: &lt;b&gt;Bos&lt;/b&gt;</span>"
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager

import ipywidgets as w

from routekit.errors import Problem, RouteError
from routekit.i18n import catalog, get_language, t
from routekit.markup import escape, html_list

__all__ = ["Form", "button", "cell_text", "display_table", "escape", "figure_png", "lines",
           "notes_html", "ok_html", "problem_text", "problems_html", "route_names",
           "short_text", "show_figure", "show_table", "theme_notice", "theme_picker"]

_GOOD, _BAD = "#1a7f37", "#b00020"
_LEVELS = {"ok": "#009e73", "watch": "#e69f00", "risk": "#d55e00"}


# -- controls --------------------------------------------------------------------------

def button(**kw) -> w.Button:
    """An ``ipywidgets.Button`` as wide as its text (Dutch labels are long; the default
    width cuts them off), at least as wide as a default button.

    Examples
    --------
    >>> button(description="Actorenkaart naar Excel").layout.width
    'auto'
    """
    kw.setdefault("layout", w.Layout(width="auto", min_width="148px"))
    return w.Button(**kw)


def theme_picker(route, theme: str | None = None, *, description: str | None = None,
                 none: str | None = None) -> w.Dropdown:
    """A dropdown of the route's themes (names shown, ids as values).

    *none* adds a first choice with value ``None`` under that label (e.g. "–").
    """
    options = [(th.name, th.id) for th in route.config.themes]
    if none is not None:
        options = [(none, None)] + options
    values = [value for _, value in options]
    value = theme if theme in values else (values[0] if values else None)
    return w.Dropdown(options=options, value=value,
                      description=t("kit.field.theme") if description is None else description)


def theme_notice(route) -> w.HTML | None:
    """None when *route* has a theme; otherwise what a form that works per theme shows
    instead of its fields: that it needs a theme, and how to add one.

    Examples
    --------
    >>> from routekit.workspace import Route
    >>> theme_notice(Route.open("data/sample-route")) is None
    True
    """
    if route.config.themes:
        return None
    from routekit.guidance import guidance_html

    return w.HTML(f"<p>{escape(t('forms.no_theme'))}</p>"
                  + guidance_html(route, ["themes"], rest=False))


def lines(text: str) -> list[str]:
    """Non-empty, stripped lines of *text*: a list field typed one item per line.

    Examples
    --------
    >>> lines(" taalcafé \\n\\n spreekuur")
    ['taalcafé', 'spreekuur']
    """
    return [line.strip() for line in text.splitlines() if line.strip()]


# -- messages ----------------------------------------------------------------------------

def ok_html(text: str) -> str:
    """A green "✓ *text*" (escaped)."""
    return f"<span style='color:{_GOOD}'>✓ {escape(text)}</span>"


def problem_text(problem: Problem | str, labels: Mapping[str, str] | None = None) -> str:
    """One problem in words: with *labels* (field → the form's name for it) as the form
    calls the field ("Naam mag niet leeg zijn"), without file and row; otherwise with
    file, row and field (for problems in files)."""
    if isinstance(problem, str):
        return problem
    if problem.message.startswith("Value error, "):  # a record's own check (pydantic)
        problem = Problem(file=problem.file, row=problem.row, field=problem.field,
                          message=problem.message.removeprefix("Value error, "))
    if labels is None:
        return str(problem)
    label = labels.get(problem.field) if problem.field else None
    if problem.field and not label:
        entry = catalog("kit").get(f"field.{problem.field}")
        label = t(f"kit.field.{problem.field}") if entry else problem.field
    if not label:
        return problem.message[:1].upper() + problem.message[1:]
    separator = " " if problem.message[:1].islower() else ": "
    return f"{label}{separator}{problem.message}"


def problems_html(problems: RouteError | Iterable[Problem | str], heading: str | None = None,
                  *, labels: Mapping[str, str] | None = None) -> str:
    """The problems of a ``RouteError`` (or a list of problems or texts) under *heading*
    (default "Niet opgeslagen:"), all escaped; see :func:`problem_text` for *labels*.

    Examples
    --------
    >>> problems_html(["<script>x</script>"], "Let op:")
    "<b style='color:#b00020'>Let op:</b><ul><li>&lt;script&gt;x&lt;/script&gt;</li></ul>"
    """
    if isinstance(problems, RouteError):
        problems = problems.problems
    heading = t("kit.not_saved") if heading is None else heading
    items = [problem_text(problem, labels) for problem in problems]
    return f"<b style='color:{_BAD}'>{escape(heading)}</b>{html_list(items)}"


def notes_html(messages: Iterable[str], level: str = "ok") -> str:
    """Messages (advice, warnings) as a list with a coloured bar: *level* ok, watch or risk."""
    colour = _LEVELS[level]
    return html_list(messages, style=f"border-left:4px solid {colour};padding-left:1.6em")


# -- figures -------------------------------------------------------------------------------

def figure_png(figure, *, laid_out: bool = False) -> bytes:
    """*figure* (a Figure or an Axes) rendered to PNG bytes at screen resolution, as the
    page shows it (:func:`routekit.style.figure_bytes`, target "screen", no logo).

    *laid_out* True renders the layout the figure has now, without laying it out
    again: right for a routekit chart, which ends with :func:`routekit.style.finish`
    (that lays it out; labels take no part in it).
    """
    from routekit.style import figure_bytes

    fig = figure.get_figure(root=True) if not hasattr(figure, "savefig") else figure
    return figure_bytes(fig, target="screen", logo=False, laid_out=laid_out)["png"]


def show_figure(output: w.Output, figure, *, laid_out: bool = False) -> None:
    """Replace what *output* shows with *figure* (a Figure or an Axes) and close the figure.

    The figure is rendered to PNG here, once (see :func:`figure_png` for
    *laid_out*), and closed, so it is shown once.
    """
    import matplotlib.pyplot as plt
    from IPython.display import Image, display

    fig = figure.get_figure(root=True) if not hasattr(figure, "savefig") else figure
    png = figure_png(fig, laid_out=laid_out)
    plt.close(fig)
    output.clear_output(wait=True)
    with output:
        display(Image(data=png, format="png"))


# -- tables ---------------------------------------------------------------------------------

#: Columns holding ids, and the kind of record whose names replace them.
ID_COLUMNS = {"stakeholder": "stakeholders", "source": "stakeholders",
              "target": "stakeholders", "owners": "stakeholders",
              "contributors": "stakeholders", "participants": "stakeholders",
              "persona": "personas", "personas": "personas", "area": "areas",
              "goal": "goals", "theme": "themes", "conversation": "conversations"}


def route_names(route) -> dict[str, dict[str, str]]:
    """Names of the route's records by id, per kind (stakeholders, personas, areas, goals,
    themes, conversations): what :func:`display_table` shows instead of ids.

    Examples
    --------
    >>> from routekit.workspace import Route
    >>> route_names(Route.open("data/sample-route"))["themes"]["eenzaamheid"]
    'Eenzaamheid onder ouderen'
    """
    from routekit.plan.formats import day

    config = route.config
    areas = {area.code: area.name for area in config.areas}
    areas[config.municipality.code] = config.municipality.name
    path = route.area_file("areas")
    if path.exists():
        from routekit.area.files import read_areas

        try:
            areas = read_areas(path)["name"].astype(str).to_dict() | areas
        except (RouteError, OSError, ValueError):
            pass  # routekit check names what is wrong with the file
    return {
        "stakeholders": {s.id: s.name for s in route.records("stakeholders")},
        "personas": {p.id: p.name for p in route.records("personas")},
        "areas": areas,
        "goals": {g.id: short_text(g.text) for g in route.records("goals")},
        "themes": {th.id: th.name for th in config.themes},
        "conversations": {c.id: t("kit.conversation_of", date=day(c.date))
                          for c in route.records("conversations")},
    }


def short_text(text: str, width: int = 60) -> str:
    """*text* on one line, cut at *width* characters with "…" (for pickers and messages)."""
    text = " ".join(str(text or "").split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _number(value: float) -> str:
    """Rounded, in the reader's format: whole numbers without decimals, others to 2
    places at most (1 from 10, none from 100)."""
    decimals = 0 if value == int(value) or abs(value) >= 100 else (1 if abs(value) >= 10
                                                                   else 2)
    text = f"{value:,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".")
    if get_language() == "nl":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def cell_text(value, names: Mapping[str, str] | None = None) -> str:
    """One table cell as a reader sees it: ja/nee, "–" for missing, names for ids (from
    *names*), lists joined with commas, dates and numbers in the reader's format.

    Examples
    --------
    >>> [cell_text(v) for v in (True, None, float("nan"), 106.0, 0.256, 1234.6, ["a", "b"])]
    ['ja', '–', '–', '106', '0,26', '1.235', 'a, b']
    """
    import numpy as np

    if isinstance(value, np.generic):
        value = value.item()
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, bool):
        return t("kit.answer.yes") if value else t("kit.answer.no")
    if isinstance(value, (list, tuple, set, np.ndarray)):
        parts = [cell_text(v, names) for v in value]
        return ", ".join(parts) if parts else "–"
    if isinstance(value, Mapping):
        return ", ".join(f"{cell_text(k, names)}: {cell_text(v)}" for k, v in value.items())
    if isinstance(value, (int, float)):
        return _number(float(value))
    if isinstance(value, (dt.datetime, dt.date)):
        import pandas as pd

        if isinstance(value, pd.Timestamp) and pd.isna(value):
            return "–"
        from routekit.plan.formats import day

        text = day(value.date() if isinstance(value, dt.datetime) else value)
        if isinstance(value, dt.datetime) and (value.hour or value.minute):
            text += f" {value:%H:%M}"
        return text
    text = str(value)
    if names is not None:
        return names.get(text, text)
    return text


def _column_name(column, kind: str | None) -> str:
    entries = catalog("kit")
    for key in ([f"col.{kind}.{column}"] if kind else []) + [f"col.{column}"]:
        if key in entries:
            return t(f"kit.{key}")
    return str(column)


def display_table(frame, kind: str | None = None, *,
                  names: Mapping[str, Mapping[str, str]] | None = None):
    """*frame* as a librarian reads it: the one place tables are made readable.

    Column names come from the catalog ``locales/kit.yaml`` (``col.<kind>.<column>``,
    then ``col.<column>``; columns already named in words stay), ids in the columns
    of :data:`ID_COLUMNS` become names from *names* (see :func:`route_names`), and
    every cell is written by :func:`cell_text`. The caller's frame is not changed.

    Parameters
    ----------
    frame : DataFrame
    kind : str, optional
        Which table (e.g. ``"actions"``, ``"carry"``) for column names of one stage.
    names : dict, optional
        ``{kind: {id: name}}``, e.g. ``route_names(route)``.

    Returns
    -------
    pandas.io.formats.style.Styler
        Without row numbers; cells and headers escaped for HTML.

    Examples
    --------
    >>> import pandas as pd
    >>> table = display_table(pd.DataFrame({"stakeholder": ["bos"], "pioneer": [True],
    ...                                     "banden": [0.25]}),
    ...                       names={"stakeholders": {"bos": "Anneke Bos"}})
    >>> list(table.data.columns), table.data.iloc[0].tolist()
    (['Stakeholder', 'Pioniersteam', 'banden'], ['Anneke Bos', 'ja', '0,25'])
    """
    import pandas as pd

    cells = {}
    for column in frame.columns:
        lookup = (names or {}).get(ID_COLUMNS.get(str(column), ""))
        cells[_column_name(column, kind)] = [cell_text(value, lookup)
                                             for value in frame[column].tolist()]
    shown = pd.DataFrame(cells, columns=list(cells), dtype=object)
    # a Styler writes cells as they are: escape them (names come from people and files)
    return shown.style.hide(axis="index").format(escape="html").format_index(
        escape="html", axis=1)


def show_table(frame, output: w.Output | None = None, *, kind: str | None = None,
               names: Mapping[str, Mapping[str, str]] | None = None) -> None:
    """Display :func:`display_table` of *frame*: below the cell (or in the current Output
    widget), or in place of what *output* shows."""
    from IPython.display import display

    table = display_table(frame, kind, names=names)
    if output is None:
        display(table)
        return
    output.clear_output(wait=True)
    with output:
        display(table)


# -- forms ------------------------------------------------------------------------------------

class Form:
    """Base of every form: route, message, save feedback and the quiet ``loading`` guard.

    Save policy (the same in every form): a change to a record that exists is saved at
    once (wire the fields with :meth:`watch`); a new record is saved with the form's
    button. :meth:`attempt` runs a save and answers in :attr:`message`.

    Parameters
    ----------
    route : Route
    on_change : callable, optional
        Called after every successful save (to redraw charts and tables).

    Attributes
    ----------
    message : ipywidgets.HTML
        "✓ Opgeslagen: …" or "Niet opgeslagen" with the problems (escaped).
    bases : dict
        Per kind of record, the record as the form last loaded or saved it
        (``ABSENT``: the form adds a new one); see :meth:`save_record`.
    FIELD_LABELS : dict
        Record field → the form's name for it, where the widget attribute of the
        form is not named after the field (those are found by themselves).
    """

    FIELD_LABELS: dict[str, str] = {}
    ERRORS: tuple[type[Exception], ...] = (RouteError,)

    def __init__(self, route, on_change: Callable[[], None] | None = None):
        self.route = route
        self.on_change = on_change
        self.message = w.HTML()
        self._loading = 0
        self.bases: dict[str, object] = {}

    # -- records as the form read them (conflict-safe saves) ---------------------------

    def remember(self, kind: str, record):
        """Keep *record* (as just loaded or saved; None: there is none, the form adds one)
        as what the next save of *kind* starts from; returns *record*."""
        from routekit.workspace import ABSENT

        self.bases[kind] = ABSENT if record is None else record
        return record

    def base(self, kind: str):
        """The record of *kind* as the form last loaded or saved it (``ABSENT``: a new one)."""
        from routekit.workspace import ABSENT

        return self.bases.get(kind, ABSENT)

    def save_record(self, kind: str, item):
        """Save *item* (a record or the fields the form changed) over :meth:`base`.

        Changes another page made meanwhile to other fields are kept; a field both
        changed raises ``RecordConflict`` (nothing saved; :meth:`attempt` shows the
        current record). The saved record becomes the new base.

        Examples
        --------
        >>> from routekit.workspace import Route
        >>> page, other = Form(Route.open("data/sample-route")), Route.open("data/sample-route")
        >>> seen = page.remember("goals", page.route.get("goals", "g1"))
        >>> _ = other.upsert("goals", seen.model_copy(update={"measure": "Telling"}))
        >>> page.save_record("goals", {"text": "Elke maand 20 ouderen"}).measure  # both kept
        'Telling'
        >>> page.attempt(lambda: page.save_record("goals", {"measure": "Turven"}) and None)
        True
        >>> _ = other.upsert("goals", other.get("goals", "g1").model_copy(
        ...     update={"measure": "Presentielijst"}))
        >>> page.attempt(lambda: page.save_record("goals", {"measure": "Schatting"}) and None)
        False
        >>> "intussen" in page.message.value, page.route.get("goals", "g1").measure
        (True, 'Presentielijst')
        """
        return self.remember(kind, self.route.upsert(kind, item, base=self.base(kind)))

    def remove_record(self, kind: str, *key) -> bool:
        """Remove the record of *kind* with *key*, unless someone changed it since the form
        read it (``RecordConflict``); True when one was removed."""
        from routekit.workspace import ABSENT

        base = self.base(kind)
        removed = self.route.remove(kind, *key, base=None if base is ABSENT else base)
        self.remember(kind, None)
        return removed

    @contextmanager
    def loading(self) -> Iterator[None]:
        """Fill widgets without saving: the observers of :meth:`watch` skip meanwhile."""
        self._loading += 1
        try:
            yield
        finally:
            self._loading -= 1

    @property
    def is_loading(self) -> bool:
        """True inside :meth:`loading`."""
        return self._loading > 0

    def watch(self, widgets: Iterable[w.Widget], handler: Callable[[], None]) -> None:
        """Call *handler* when the value of any of *widgets* changes (not while loading)."""
        for widget in widgets:
            widget.observe(lambda _change: None if self._loading else handler(), names="value")

    def field_labels(self) -> dict[str, str]:
        """Record field → label shown in the form (widget descriptions, then FIELD_LABELS)."""
        labels = {name: widget.description for name, widget in vars(self).items()
                  if isinstance(widget, w.ValueWidget) and getattr(widget, "description", "")}
        return labels | {field: t(key) if "." in key else key
                         for field, key in self.FIELD_LABELS.items()}

    def confirm(self, text: str) -> None:
        """Show "✓ *text*" and tell :attr:`on_change`."""
        self.message.value = ok_html(text)
        if self.on_change is not None:
            self.on_change()

    def refuse(self, error, heading: str | None = None) -> None:
        """Show the problems of *error* (a RouteError, a list, or another error's text).

        A ``RecordConflict`` on fields is told with the form's names of those fields.
        """
        fields = getattr(error, "fields", None)
        if fields:
            labels = self.field_labels()
            names = list(dict.fromkeys(labels.get(f) or labels.get(f.split(".")[0]) or (
                t(f"kit.field.{f}") if catalog("kit").get(f"field.{f}") else f)
                for f in fields))
            self.message.value = problems_html([t("forms.conflict", fields=", ".join(names))],
                                               heading)
            return
        if isinstance(error, RouteError) or not isinstance(error, Exception):
            self.message.value = problems_html(error, heading, labels=self.field_labels())
        else:
            self.message.value = problems_html([str(error)], heading)

    def attempt(self, action: Callable[[], str | None], heading: str | None = None) -> bool:
        """Run *action* (a save returning its confirmation text) and answer in :attr:`message`.

        Returns True when it saved. A record changed meanwhile by another page
        (``RecordConflict``, a RouteError carrying ``current``) is shown again as it is
        now, with the message why it was not saved.
        """
        try:
            text = action()
        except self.ERRORS as error:
            if getattr(error, "current", None) is not None and hasattr(self, "load"):
                self.load()  # show what another page stored meanwhile
                if self.on_change is not None:
                    self.on_change()
            self.refuse(error, heading)
            return False
        if text is not None:
            self.confirm(text)
        return True
