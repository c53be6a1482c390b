"""The one way user text goes into HTML: escaped, so a name is shown, never run.

Names, notes and messages come from people and from files received from others
(a ``stakeholders.csv`` from a colleague, say). Every form, message, report
and exported page puts such text into HTML through :func:`escape` only.

Examples
--------
>>> escape('<img src=x onerror=alert(1)>')
'&lt;img src=x onerror=alert(1)&gt;'
>>> escape(None), escape("Bos & Zn"), escape("regel 1\\nregel 2", lines=True)
('', 'Bos &amp; Zn', 'regel 1<br>regel 2')
"""

from __future__ import annotations

import html

__all__ = ["escape", "html_list"]


def escape(value, *, lines: bool = False, quote: bool = False) -> str:
    """*value* as text that HTML shows literally (``None`` → ``""``).

    Parameters
    ----------
    value : object
        Any value; ``str(value)`` is escaped (``<``, ``>``, ``&``).
    lines : bool, default False
        Keep line breaks (as ``<br>``).
    quote : bool, default False
        Escape quotes too: needed for text inside an attribute value.
    """
    if value is None:
        return ""
    text = html.escape(str(value), quote=quote)
    return text.replace("\n", "<br>") if lines else text


def html_list(items, *, style: str = "", ordered: bool = False) -> str:
    """An HTML ``<ul>`` (``<ol>`` when *ordered*) of *items*, each escaped; ``""`` when
    there are none.

    Examples
    --------
    >>> html_list(["a < b", "c"])
    '<ul><li>a &lt; b</li><li>c</li></ul>'
    """
    items = [f"<li>{escape(item)}</li>" for item in items]
    if not items:
        return ""
    tag = "ol" if ordered else "ul"
    attribute = f' style="{escape(style, quote=True)}"' if style else ""
    return f"<{tag}{attribute}>{''.join(items)}</{tag}>"
