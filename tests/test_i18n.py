"""The message catalog: every message in Dutch and English, placeholders alike."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from routekit.i18n import catalog, set_language, t

DOMAINS = sorted(p.name[:-5] for p in resources.files("routekit.locales").iterdir()
                 if p.name.endswith(".yaml"))


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_message_has_dutch_and_english_with_the_same_placeholders(domain):
    for key, entry in catalog(domain).items():
        assert isinstance(key, str), f"{domain}: key {key!r} must be quoted text"
        assert set(entry) == {"nl", "en"}, f"{domain}.{key}"
        forms = [entry[lang] for lang in ("nl", "en")]
        if any(isinstance(form, dict) for form in forms):  # one/other forms by count
            assert all(isinstance(f, dict) and set(f) == {"one", "other"} for f in forms), key
            assert all("{count}" in f["other"] for f in forms), f"{domain}.{key}"
            forms = [f["other"] for f in forms]
        assert set(re.findall(r"{(\w+)", forms[0])) == set(re.findall(r"{(\w+)", forms[1])), \
            f"{domain}.{key}"


def test_language_switch():
    assert t("core.where.row", row=2) == "rij 2"
    set_language("en")
    assert t("core.where.row", row=2) == "row 2"
    with pytest.raises(ValueError):
        set_language("fr")


def test_count_picks_the_singular_or_plural_form():
    assert t("area.summary.small", count=1).startswith("1 segment heeft")
    assert t("area.summary.small", count=2).startswith("2 segmenten hebben")
    assert t("area.summary.small", lang="en", count=1).startswith("1 segment has")


def test_unknown_key_fails_loudly():
    with pytest.raises(KeyError):
        t("core.does.not.exist")
