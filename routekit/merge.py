"""Three-way merge of two changes to one record (or ``route.yaml``) made from one version.

Two writers read the same version (*base*); one saved *theirs* meanwhile, the
other now wants to save *mine*. Fields only one of them changed are merged;
a field both changed to different values is a conflict and is reported, never
decided silently. Nested mappings merge per key, lists of mappings with an
``id`` (or ``code``, ``subject``, ``theme``) per item; other lists are one value.

Examples
--------
>>> base = {"name": "Buurthuis", "notes": "", "area": "WK01"}
>>> merge3(base, base | {"notes": "bellen"}, base | {"area": "WK02"})
({'name': 'Buurthuis', 'notes': 'bellen', 'area': 'WK02'}, [])
>>> merge3(base, base | {"area": "WK03"}, base | {"area": "WK02"})[1]
['area']
"""

from __future__ import annotations

from typing import Any

__all__ = ["merge3"]

_MISSING = object()
_ITEM_KEYS = ("id", "code", "subject", "theme")


def merge3(base: Any, mine: Any, theirs: Any) -> tuple[Any, list[str]]:
    """Merge *mine* and *theirs*, both derived from *base*.

    Returns
    -------
    (merged, conflicts)
        The merged value (where they conflict, *mine*) and the dotted paths of
        the fields both changed differently (empty when the merge is clean).
    """
    conflicts: list[str] = []
    merged = _merge(base, mine, theirs, "", conflicts)
    return (None if merged is _MISSING else merged), conflicts


def _merge(base, mine, theirs, path, conflicts):
    if mine == theirs or theirs == base:
        return mine
    if mine == base:
        return theirs
    if all(isinstance(v, dict) for v in (base, mine, theirs)):
        return _merge_dicts(base, mine, theirs, path, conflicts)
    keyed = [_keyed(v) for v in (base, mine, theirs)]
    if all(k is not None for k in keyed) and len({k[0] for k in keyed if k[0]}) <= 1:
        return _merge_lists(*keyed, path, conflicts)
    conflicts.append(path or ".")
    return mine


def _merge_dicts(base, mine, theirs, path, conflicts):
    result = {}
    for key in [*theirs, *(k for k in mine if k not in theirs)]:
        value = _merge(base.get(key, _MISSING), mine.get(key, _MISSING),
                       theirs.get(key, _MISSING), f"{path}.{key}" if path else str(key),
                       conflicts)
        if value is not _MISSING:
            result[key] = value
    return result


def _keyed(value):
    """``(key field, {key: item})`` of a list of mappings with a unique key, else None."""
    if value is _MISSING:
        return ("", {})
    if not isinstance(value, list) or not all(isinstance(i, dict) for i in value):
        return None
    if not value:
        return ("", {})
    for field in _ITEM_KEYS:
        keys = [item.get(field) for item in value]
        if None not in keys and len(set(map(str, keys))) == len(keys):
            return (field, {str(k): item for k, item in zip(keys, value, strict=True)})
    return None


def _merge_lists(base, mine, theirs, path, conflicts):
    (_, b), (_, m), (_, t) = base, mine, theirs
    result = []
    for key in [*t, *(k for k in m if k not in t)]:
        value = _merge(b.get(key, _MISSING), m.get(key, _MISSING), t.get(key, _MISSING),
                       f"{path}[{key}]", conflicts)
        if value is not _MISSING:
            result.append(value)
    return result
