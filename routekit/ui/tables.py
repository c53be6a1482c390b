"""Tables in the forms and notebooks: part of the ui kit (:mod:`routekit.ui.kit`).

Examples
--------
>>> import pandas as pd
>>> styled = table_view(pd.DataFrame({"naam": ["Anneke Bos"], "banden": [0.25]}))
>>> "0,25" in styled.to_html() and "row0_col0" in styled.to_html()
True
"""

from __future__ import annotations

from routekit.ui.kit import display_table as table_view
from routekit.ui.kit import show_table

__all__ = ["show_table", "table_view"]
