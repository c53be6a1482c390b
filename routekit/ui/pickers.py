"""Pickers and live views: a choice (theme, person, area) that redraws what depends on it.

A *render* function returns what to show for a choice: charts (Axes or
Figure), tables (DataFrame, shown by :func:`routekit.ui.tables.show_table`),
Markdown text, widgets, or a list of these. :class:`Picker` redraws them when
the choice changes; :func:`follow` redraws a view whenever a form redraws after a
save, so nothing on the page shows an old copy.

Examples
--------
>>> import pandas as pd
>>> picker = Picker("Thema", [("Lezen", "lezen"), ("Taal", "taal")],
...                 lambda theme: pd.DataFrame({"Thema": [theme]}))
>>> picker.choice.value = "taal"
>>> picker.shown
'taal'
>>> View(lambda: "**Niets te zien.**").refresh()
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import ipywidgets as w

__all__ = ["Picker", "View", "follow", "route_picker", "route_view", "show", "show_items",
           "theme_options"]


def _display(item: Any) -> None:
    import matplotlib.pyplot as plt
    import pandas as pd
    from IPython.display import Markdown, display

    from routekit.ui.tables import show_table

    if item is None or (isinstance(item, str) and not item):
        return
    if hasattr(item, "get_figure") and not isinstance(item, plt.Figure):  # Axes
        item = item.get_figure(root=True)
    if isinstance(item, plt.Figure):
        display(item)
        plt.close(item)
    elif isinstance(item, pd.DataFrame):
        show_table(item)
    elif isinstance(item, str):
        display(Markdown(item))
    else:
        display(item)


def show(route, render: Callable[[Any], Any]) -> None:
    """Show what *render(route)* returns below the cell (for what no save on the page changes)."""
    items = render(route)
    for item in items if isinstance(items, (list, tuple)) else [items]:
        _display(item)


def show_items(output: w.Output, items: Any) -> None:
    """Show *items* (one or a list) in place of what *output* shows."""
    output.clear_output(wait=True)
    items = items if isinstance(items, (list, tuple)) else [items]
    with output:
        for item in items:
            _display(item)


class View:
    """What *render()* returns, in an Output that :meth:`refresh` redraws.

    Attributes
    ----------
    output : ipywidgets.Output
    widget : ipywidgets.Widget
    """

    def __init__(self, render: Callable[[], Any]):
        self.render = render
        self.output = w.Output()
        self.widget = self.output

    def refresh(self, _change=None) -> None:
        """Draw again from what the route holds now."""
        show_items(self.output, self.render())

    def _ipython_display_(self) -> None:
        from IPython.display import display

        self.refresh()
        display(self.widget)


class Picker(View):
    """A dropdown and what *render(choice)* returns for the chosen value.

    Parameters
    ----------
    description : str
        The label of the dropdown (Dutch, as the user reads it).
    options : list of (label, value)
        The first is chosen at the start.
    render : callable
        ``render(value)`` → items to show (see the module docstring).

    Attributes
    ----------
    choice : ipywidgets.Dropdown
    shown : object
        The value last drawn.
    """

    def __init__(self, description: str,
                 options: Iterable[tuple[str, Any]] | Callable[[], Iterable[tuple[str, Any]]],
                 render: Callable[[Any], Any]):
        self._options = options if callable(options) else None
        options = list(options() if callable(options) else options)
        self.choice = w.Dropdown(description=description, options=options,
                                 value=options[0][1] if options else None,
                                 style={"description_width": "initial"},
                                 layout=w.Layout(width="auto", min_width="24em"))
        self.shown = None
        self._busy = False
        super().__init__(lambda: render(self.choice.value))
        self.widget = w.VBox([self.choice, self.output])
        self.choice.layout.display = None if len(options) > 1 else "none"
        self.choice.observe(self.refresh, "value")
        self.refresh()

    def refresh(self, _change=None) -> None:
        """Draw again; options given as a function are read again first (after a save)."""
        if self._busy:
            return
        self._busy = True
        try:
            if self._options is not None and _change is None:
                options = list(self._options())
                if options != list(self.choice.options):
                    keep = self.choice.value
                    self.choice.options = options
                    values = [value for _, value in options]
                    self.choice.value = keep if keep in values else (
                        values[0] if values else None)
                    self.choice.layout.display = None if len(options) > 1 else "none"
            self.shown = self.choice.value
            super().refresh()
        finally:
            self._busy = False

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def theme_options(route) -> list[tuple[str, str]]:
    """(name, id) of the route's themes, for a :class:`Picker`."""
    return [(theme.name, theme.id) for theme in route.config.themes]


def follow(form, *views: View, method: str = "refresh") -> None:
    """Redraw *views* (objects with ``refresh()``, or plain callables such as
    ``AreaForm.reload``) every time *form* redraws after a save.

    *form* either has a method *method* that it, its buttons or its sub-forms
    (through their ``on_change``) call after each save, or only an ``on_change``
    callback, which is chained.
    """
    def redraw() -> None:
        for view in views:
            getattr(view, "refresh", view)()  # a view, or a form's own reload method

    original = getattr(form, method, None)
    if original is None:
        previous = getattr(form, "on_change", None)

        def changed() -> None:
            if previous is not None:
                previous()
            redraw()

        form.on_change = changed
        return

    def wrapped(*args, **kwargs):
        result = original(*args, **kwargs)
        redraw()
        return result

    setattr(form, method, wrapped)
    for part in list(vars(form).values()):
        if getattr(part, "on_change", None) == original:
            part.on_change = wrapped
        clicks = getattr(getattr(part, "_click_handlers", None), "callbacks", ())
        if isinstance(part, w.Button) and original in clicks:  # a button calls it directly
            part.on_click(original, remove=True)
            part.on_click(lambda _button: wrapped(_button))


def _options(route, what: str) -> list[tuple[str, Any]]:
    if what == "theme":
        return theme_options(route)
    if what == "area":
        from routekit.ui.sections import area_options

        return area_options(route)
    if what == "persona":
        from routekit.ui.sections import persona_options

        return persona_options(route)
    raise ValueError(f"what must be theme, area or persona, not {what!r}")


def route_picker(route, what: str, render: Callable[[Any, Any], Any]) -> Picker:
    """A :class:`Picker` of the route's themes, areas (from its CBS figures) or personas;
    *render(route, value)* gives what to show (value None when the route has none yet).

    Examples
    --------
    >>> from routekit.workspace import Route
    >>> picker = route_picker(Route.open("data/sample-route"), "theme", lambda r, v: v)
    >>> picker.choice.label
    'Eenzaamheid onder ouderen'
    """
    from routekit.i18n import t

    return Picker(t(f"guide.picker.{what}"), lambda: _options(route, what),
                  lambda value: render(route, value))


def route_view(route, render: Callable[[Any], Any]) -> View:
    """A :class:`View` of *render(route)*; pass it to :func:`follow` to redraw after saves."""
    return View(lambda: render(route))
