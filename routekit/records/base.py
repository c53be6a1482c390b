"""Building blocks for typed records: the base model, list cells and choices.

A record is one row of a CSV file (or one entry of a YAML file) in the route
workspace. Records keep columns they do not know (a user may add a column in
Excel), so saving never drops what a user typed.

Examples
--------
>>> class Example(Record):
...     name: str
...     tags: PipeList = []
>>> Example(name="Buurthuis", tags="ouderen|taal").tags
['ouderen', 'taal']
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, PlainSerializer

__all__ = ["PipeList", "Record", "RecordKind", "Score", "split_cell"]


def split_cell(value: Any) -> list[str]:
    """Split a ``|``-separated cell (or pass a list through) into clean items."""
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split("|") if part.strip()]
    return [str(part).strip() for part in value if str(part).strip()]


PipeList = Annotated[
    list[str],
    BeforeValidator(split_cell),
    PlainSerializer(lambda items: "|".join(items), return_type=str, when_used="json"),
]
"""A list stored in one CSV cell, items separated by ``|``."""


def _blank_to_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


Score = Annotated[int | None, BeforeValidator(_blank_to_none)]
"""An optional whole-number score; bounds are set per field with ``Field``."""


class Record(BaseModel):
    """Base of every workspace record: strips text, keeps unknown columns."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=True,
                              validate_assignment=True, populate_by_name=True)


@dataclass(frozen=True)
class RecordKind:
    """How one kind of record is stored in the route workspace.

    Parameters
    ----------
    name : str
        Name used in the API, e.g. ``"stakeholders"``.
    filename : str
        File in the route folder, e.g. ``"stakeholders.csv"`` or ``"personas.yaml"``.
    model : type[Record]
        The pydantic model of one record.
    key : tuple of str
        Fields that identify a record (unique within the file).
    refs : dict
        Field → kind it must refer to (``"themes"`` refers to the route's themes,
        ``"areas"`` to its areas).
    step : str
        Route step the kind belongs to (for progress overviews).
    """

    name: str
    filename: str
    model: type[Record]
    key: tuple[str, ...]
    refs: dict[str, str] = field(default_factory=dict)
    step: str = ""

    @property
    def is_table(self) -> bool:
        """True for CSV kinds (one row per record)."""
        return self.filename.endswith(".csv")

    def key_of(self, record: Record) -> tuple:
        """Return the key values of *record*."""
        return tuple(getattr(record, name) for name in self.key)


def choice(*codes: str, aliases: dict[str, str] | None = None):
    """Return a field type accepting *codes* (and Dutch *aliases*), any case.

    Examples
    --------
    >>> from pydantic import TypeAdapter
    >>> Kind = choice("person", "organisation", aliases={"persoon": "person"})
    >>> TypeAdapter(Kind).validate_python("Persoon")
    'person'
    """
    from typing import Literal

    lookup = {code: code for code in codes} | dict(aliases or {})

    def normalise(value: Any) -> Any:
        if isinstance(value, str):
            return lookup.get(value.strip().lower(), value.strip())
        return value

    return Annotated[Literal[codes], BeforeValidator(normalise)]


__all__ += ["choice"]

_YES_NO = {"ja": True, "j": True, "waar": True, "nee": False, "n": False, "onwaar": False}


def _yes_no(value: Any) -> Any:
    if isinstance(value, str):
        return _YES_NO.get(value.strip().lower(), value)
    return value


Flag = Annotated[bool, BeforeValidator(_yes_no)]
"""A yes/no field that also accepts Dutch ``ja``/``nee`` (as routekit writes it)."""

__all__ += ["Flag"]


def make_id(name: str, taken: set[str] | list[str] | tuple = (), *, fallback: str = "item") -> str:
    """A short record id made from *name* that is not in *taken*.

    Lower case, accents dropped, hyphens between words, at most 40 characters;
    a number is added when the id is taken already.

    Examples
    --------
    >>> make_id("Café 't Hoekje")
    'cafe-t-hoekje'
    >>> make_id("Café 't Hoekje", {"cafe-t-hoekje"})
    'cafe-t-hoekje-2'
    """
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:40].strip("-") or fallback
    taken = set(taken)
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


__all__ += ["make_id"]
