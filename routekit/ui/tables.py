"""Tables in the forms: shown the way a reader expects them, without row numbers.

Examples
--------
>>> import pandas as pd
>>> styled = table_view(pd.DataFrame({"naam": ["Anneke Bos"], "banden": [0.25]}))
>>> "0,25" in styled.to_html() and "row0_col0" in styled.to_html()
True
"""

from __future__ import annotations

from routekit.i18n import get_language

__all__ = ["show_table", "table_view"]


def table_view(frame):
    """*frame* styled for reading: no row numbers, two decimals, "–" for missing values,
    Dutch number format (1.234,5) when the language is Dutch.

    Returns
    -------
    pandas.io.formats.style.Styler
    """
    dutch = get_language() == "nl"
    return frame.style.hide(axis="index").format(
        precision=2, na_rep="–", decimal="," if dutch else ".", thousands="." if dutch else ",")


def show_table(frame, output=None) -> None:
    """Display *frame* as :func:`table_view`: below the cell (or in the current Output
    widget), or in place of what *output* (an ``ipywidgets.Output``) shows."""
    from IPython.display import display

    if output is None:
        display(table_view(frame))
        return
    output.clear_output(wait=True)
    with output:
        display(table_view(frame))
