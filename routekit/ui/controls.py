"""Small building blocks shared by the forms.

Examples
--------
>>> button(description="Actorenkaart naar Excel").layout.width
'auto'
"""

from __future__ import annotations

import ipywidgets as w

__all__ = ["button"]


def button(**kw) -> w.Button:
    """An ``ipywidgets.Button`` as wide as its text (Dutch labels are long; the default
    width cuts them off), at least as wide as a default button."""
    kw.setdefault("layout", w.Layout(width="auto", min_width="148px"))
    return w.Button(**kw)
