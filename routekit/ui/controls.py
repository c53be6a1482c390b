"""Small building blocks shared by the forms: part of the ui kit (:mod:`routekit.ui.kit`).

Examples
--------
>>> button(description="Actorenkaart naar Excel").layout.width
'auto'
"""

from __future__ import annotations

from routekit.ui.kit import button

__all__ = ["button"]
