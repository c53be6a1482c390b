"""Files shipped inside the routekit package (``routekit/data/``), via importlib.resources.

Examples
--------
>>> package_data("sample-route", "route.yaml").is_file()
True
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["package_data"]


def package_data(*parts: str) -> Path:
    """The path of a file or folder in ``routekit/data/`` (sample-route, templates, notebooks).

    Works the same from a source checkout (where these are symlinks to ``data/`` and
    ``notebooks/``) and after a normal install from the wheel (which holds the files).
    """
    return Path(str(files("routekit").joinpath("data", *parts)))
