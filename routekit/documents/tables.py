"""Tables of the documents as text, the way a Dutch reader expects them.

Examples
--------
>>> import pandas as pd
>>> formatted(pd.DataFrame({"wijk": ["West"], "inwoners": [29040.0], "aandeel": [0.375],
...                         "klaar": [True], "datum": [None]})).iloc[0].tolist()
['West', '29.040', '0,38', 'ja', '–']
"""

from __future__ import annotations

import math

from routekit.i18n import get_language, t

__all__ = ["formatted", "number"]


def number(value, *, decimals: int = 2) -> str:
    """*value* as text: whole numbers with a thousands mark, others with *decimals*."""
    dutch = get_language() == "nl"
    if isinstance(value, bool):
        return t("report.answer.yes") if value else t("report.answer.no")
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, int | float):
        text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.{decimals}f}"
        return text.translate(str.maketrans(",.", ".,")) if dutch else text
    text = str(value)
    return "–" if text in ("", "nan", "NaT", "None", "<NA>") else text


def formatted(frame):
    """A copy of *frame* with every cell as display text (Dutch numbers, "–", ja/nee)."""
    import numpy as np

    def cell(value):
        if isinstance(value, np.generic):
            value = value.item()
        return number(value)

    return frame.apply(lambda column: column.map(cell)).astype(object)
