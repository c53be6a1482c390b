"""Share a route without personal data: ``routekit share [ROUTE] -o DIR``.

A shared copy is a normal route (so routekit can make its report) in which

* every person (stakeholders of kind *person*, colleagues, contact persons
  named in ``contact``) is replaced by a stable label, "Persoon 7" or
  "Collega 2", in every file, also where other texts mention the name;
* organisations and groups keep their names;
* contact details and free-text notes are dropped (``contact``, ``notes``,
  ``note``, a person's ``binding_note``), conversation notes are reduced to
  their theme, date, participants (as labels) and action points;
* e-mail addresses and phone numbers left in any text become ``[e-mail]`` and
  ``[telefoon]``.

The mapping from person to label stays in the original route only
(``.share/pseudonyms.csv``), so the same person gets the same label each time
the route is shared.

Compute (:func:`new_pseudonyms`, :func:`share_records`) takes and returns
records as dicts; :func:`share_route` reads and writes the route folders;
``routekit report --share`` and ``routekit slides --share`` make their
documents from :func:`shared_copy`.

Examples
--------
>>> records = {"stakeholders": [
...     {"id": "gerda", "name": "Gerda Janssen", "kind": "person", "sector": "residents",
...      "contact": "gerda@example.nl", "notes": "Mantelzorger"},
...     {"id": "soos", "name": "Seniorensoos", "kind": "group", "sector": "residents",
...      "binding_note": "Gerda Janssen komt elke week"}]}
>>> mapping = new_pseudonyms(records, {})
>>> shared = share_records(records, mapping)
>>> [(s["id"], s["name"], s.get("contact")) for s in shared["stakeholders"]]
[('persoon-1', 'Persoon 1', None), ('soos', 'Seniorensoos', None)]
>>> shared["stakeholders"][1]["binding_note"]
'Persoon 1 komt elke week'
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from routekit.i18n import t

__all__ = ["MAPPING_FILE", "add_command", "new_pseudonyms", "person_names",
           "redact", "shared_copy", "share_records", "share_route"]

MAPPING_FILE = Path(".share") / "pseudonyms.csv"
"""Where the original route keeps person → label (never copied into a shared route)."""

_DROPPED = {"stakeholders": ("contact", "notes"), "colleagues": ("note",),
            "relations": ("note",), "conversations": ("summary",)}
_PERSON_ONLY = {"stakeholders": ("binding_note",)}
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\w)(?:\+31|0031|0)[\s-]?(?:\d[\s-]?){8,10}(?!\w)")
_TITLES = {"wethouder", "huisarts", "dokter", "dr", "meneer", "mevrouw", "dhr", "mevr",
           "mr", "mw", "juf", "meester", "pastor", "dominee", "pastoor", "ds", "burgemeester",
           "wijkagent", "wijkverpleegkundige", "ir", "drs", "ing", "prof"}
_INFIXES = {"van", "de", "der", "den", "het", "ter", "ten", "te", "in", "'t", "el", "al",
            "da", "di", "du", "le", "la", "von", "op", "uit"}
_WORD = re.compile(r"[\w'’-]+")


# --------------------------------------------------------------------------- names


def person_names(text: str) -> list[str]:
    """The person names in a name or contact text (titles, roles in brackets, e-mail dropped).

    Examples
    --------
    >>> person_names("Wethouder Karin Verhoef (Sociaal Domein en Cultuur)")
    ['Karin Verhoef']
    >>> person_names("Ruud Hendriks (beleidsadviseur), r.hendriks@example.nl")
    ['Ruud Hendriks']
    """
    text = _PHONE.sub(" ", _EMAIL.sub(" ", re.sub(r"\([^)]*\)", " ", text or "")))
    names = []
    for chunk in re.split(r"[,;/|]|\ben\b", text):
        words = [w for w in _WORD.findall(chunk) if w.casefold().strip(".") not in _TITLES]
        while words and words[0].casefold() in _INFIXES:
            words.pop(0)
        if words and all(w[0].isupper() or w.casefold() in _INFIXES for w in words) \
                and len(words) <= 5:
            names.append(" ".join(words))
    return names


def _variants(name: str) -> list[str]:
    """Ways a text may mention *name*: whole, first name, surname (with infixes), last word."""
    words = name.split()
    found = [name]
    if len(words) > 1:
        found += [words[0], " ".join(words[1:]), words[-1]]
        infix = [i for i, w in enumerate(words) if w.casefold() in _INFIXES]
        if infix:
            found.append(" ".join(words[infix[0]:]).capitalize())
    return [v for v in dict.fromkeys(found) if len(v) >= 3 and v[0].isupper()]


def _people(records: Mapping[str, list[dict]]) -> list[tuple[str, str, list[str]]]:
    """``(mapping key, label kind, names)`` of every person the records hold."""
    people = []
    for item in records.get("stakeholders", []):
        if item.get("kind") == "person":
            people.append((f"stakeholder:{item['id']}", "person",
                           person_names(item.get("name", "")) or [item.get("name", "")]))
        for name in person_names(item.get("contact") or ""):
            people.append((f"name:{name}", "person", [name]))
    for item in records.get("colleagues", []):
        people.append((f"colleague:{item['id']}", "colleague",
                       person_names(item.get("name", "")) or [item.get("name", "")]))
    return people


def new_pseudonyms(records: Mapping[str, list[dict]], known: Mapping[str, str]) -> dict[str, str]:
    """*known* (mapping key → label) extended with a label for every person not in it yet.

    Keys: ``stakeholder:<id>``, ``colleague:<id>`` and ``name:<contact name>``;
    labels "Persoon N" and "Collega N", numbered on from the highest in use.
    """
    mapping = dict(known)
    numbers = {"person": 0, "colleague": 0}
    for label in mapping.values():
        kind = "colleague" if label.startswith(t("safety.share.colleague", n="")) else "person"
        digits = re.findall(r"\d+", label)
        numbers[kind] = max(numbers[kind], int(digits[-1]) if digits else 0)
    for key, kind, _ in _people(records):
        if key not in mapping:
            numbers[kind] += 1
            mapping[key] = t(f"safety.share.{kind}", n=numbers[kind])
    return mapping


# --------------------------------------------------------------------------- records


def redact(value: Any, replacements: list[tuple[re.Pattern, str]]) -> Any:
    """*value* (text, list or mapping, nested) with names, e-mail and phone numbers replaced.

    Examples
    --------
    >>> redact("Bel Jan (06-12345678) of mail jan@example.nl", [])
    'Bel Jan ([telefoon]) of mail [e-mail]'
    """
    if isinstance(value, str):
        value = _PHONE.sub(t("safety.share.phone"), _EMAIL.sub(t("safety.share.email"), value))
        for pattern, label in replacements:
            value = pattern.sub(label, value)
        return value
    if isinstance(value, list):
        return [redact(v, replacements) for v in value]
    if isinstance(value, dict):
        return {k: redact(v, replacements) for k, v in value.items()}
    return value


def _replacements(records, mapping) -> list[tuple[re.Pattern, str]]:
    by_variant: dict[str, set[str]] = {}
    for key, _, names in _people(records):
        for name in names:
            for variant in _variants(name):
                by_variant.setdefault(variant, set()).add(mapping[key])
    full = {n for _, _, names in _people(records) for n in names}
    pairs = []
    for variant in sorted(by_variant, key=len, reverse=True):
        labels = by_variant[variant]
        # a first name two people share is replaced by a neutral word, not by a wrong label
        label = next(iter(labels)) if len(labels) == 1 or variant in full else \
            t("safety.share.someone")
        pairs.append((re.compile(rf"(?<![\w]){re.escape(variant)}(?![\w])"), label))
    return pairs


def _pseudo_id(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", label.casefold()).strip("-")


def share_records(records: Mapping[str, list[dict]], mapping: Mapping[str, str]
                  ) -> dict[str, list[dict]]:
    """The records of a route as they go into a shared copy (see the module text).

    Parameters
    ----------
    records : mapping
        Record kind → list of record dicts (``Record.model_dump()``), as in
        :data:`routekit.records.KINDS`.
    mapping : mapping
        Person key → label, from :func:`new_pseudonyms` (must cover every person).

    Returns
    -------
    dict
        Record kind → list of new dicts; *records* is not changed.
    """
    from routekit.records import KINDS

    ids = {key.split(":", 1)[1]: _pseudo_id(label) for key, label in mapping.items()
           if key.startswith("stakeholder:")}
    colleague_ids = {key.split(":", 1)[1]: _pseudo_id(label) for key, label in mapping.items()
                     if key.startswith("colleague:")}
    replacements = _replacements(records, mapping)
    persons = {item["id"] for item in records.get("stakeholders", [])
               if item.get("kind") == "person"}
    shared: dict[str, list[dict]] = {}
    for kind, items in records.items():
        refs = [f for f, target in KINDS[kind].refs.items() if target == "stakeholders"] \
            if kind in KINDS else []
        out = []
        for item in items:
            new = {k: v for k, v in item.items() if k not in _DROPPED.get(kind, ())}
            if kind == "stakeholders" and item.get("id") in persons:
                for field in _PERSON_ONLY["stakeholders"]:
                    new.pop(field, None)
                new["name"] = mapping[f"stakeholder:{item['id']}"]
            if kind == "colleagues":
                new["name"] = mapping[f"colleague:{item['id']}"]
                new["id"] = colleague_ids[item["id"]]
            for field in [*refs, *(["id"] if kind == "stakeholders" else [])]:
                value = new.get(field)
                if isinstance(value, list):
                    new[field] = [ids.get(v, v) for v in value]
                elif isinstance(value, str):
                    new[field] = ids.get(value, value)
            out.append({k: v if k in ("id", "name", *refs) else redact(v, replacements)
                        for k, v in new.items()})
        shared[kind] = out
    return shared


# --------------------------------------------------------------------------- on disk


def _load_mapping(route) -> dict[str, str]:
    path = Path(route.path) / MAPPING_FILE
    if not path.exists():
        return {}
    from routekit.io import read_table

    frame = read_table(path, required=["key", "label"])
    return dict(zip(frame["key"], frame["label"], strict=True))


def _save_mapping(route, mapping: Mapping[str, str]) -> None:
    import pandas as pd

    from routekit.io import write_table

    path = Path(route.path) / MAPPING_FILE
    path.parent.mkdir(exist_ok=True)
    write_table(pd.DataFrame({"key": list(mapping), "label": list(mapping.values())}), path)


def share_route(route, target: str | Path):
    """Write a pseudonymised copy of *route* to *target* (which must not hold a route).

    The area data (``area/``: aggregated counts and boundaries, no persons)
    are copied as they are; backups, exports, reports and the mapping are not.

    Returns
    -------
    Route
        The shared copy.
    """
    from routekit.records import KINDS
    from routekit.workspace import Route

    with route.locked():  # one writer of .share/ at a time; the records as of now
        records = {kind: [r.model_dump() for r in route.records(kind)]
                   for kind in KINDS if route.file(kind).exists()}
        mapping = new_pseudonyms(records, _load_mapping(route))
        if mapping != _load_mapping(route):
            _save_mapping(route, mapping)
    shared = share_records(records, mapping)
    config = route.config.model_dump(mode="json", exclude_none=True)
    config = {k: config[k] for k in ("library", "municipality", "areas", "themes",
                                     "language", "style", "fictional", "notice") if k in config}
    copy = Route.create(target, **config)
    area = Path(route.path) / "area"
    if area.is_dir():
        shutil.copytree(area, copy.path / "area",
                        ignore=shutil.ignore_patterns(".*", "*.tmp"))
    for kind, items in shared.items():
        copy.save(kind, items)
    return copy


@contextmanager
def shared_copy(route) -> Iterator:
    """The pseudonymised copy of *route* in a temporary folder, removed afterwards.

    For ``routekit report --share`` and ``routekit slides --share``: the documents
    are made from the copy, so no person's name, note or contact detail gets in.
    """
    with tempfile.TemporaryDirectory(prefix="routekit-share-") as folder:
        yield share_route(route, Path(folder) / "route")


def _run(args) -> int:
    from routekit.cli import route_from_args
    from routekit.workspace import Route

    route = Route.open(route_from_args(args))
    copy = share_route(route, args.output)
    print(t("safety.share.done", path=copy.path, mapping=Path(route.path) / MAPPING_FILE))
    return 0


def add_command(sub) -> None:
    """Add ``routekit share [ROUTE] -o DIR`` to the CLI."""
    from routekit.cli import add_route_argument

    p = sub.add_parser("share", help=t("safety.share.help"))
    add_route_argument(p)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="DIR",
                   help=t("safety.share.output"))
    p.set_defaults(run=_run)
