"""The notebook 04a form without a browser: set values, click, check what was saved."""

from __future__ import annotations

import datetime as dt

import pytest

from routekit.ui.area import AreaForm


@pytest.fixture
def form(sample_route):
    return AreaForm(sample_route)


def test_the_first_area_is_chosen_at_the_start(form):
    assert form.areas.value == (form.areas.options[0][1],)
    assert form.current["index"].round().ne(100).any()  # not the municipality against itself


def test_choosing_areas_updates_profile_and_summary_live(form):
    form.areas.value = ()
    assert form.current["count"].sum() == pytest.approx(27410)
    form.areas.value = ("WK990106",)
    assert form.current["count"].sum() == pytest.approx(2200)
    assert form.summary.value.startswith("<p>In Heidebroek wonen naar verhouding veel")
    assert form.last_ms < 100
    form.level.value = "type"
    assert len(form.current) == 50
    assert len(form.segments.options) == 50
    form.reference.value = "national"
    assert form.current["ref_share"].sum() == pytest.approx(1.0)


def test_area_level_switches_the_area_list(form):
    form.area_level.value = "buurt"
    assert len(form.areas.options) == 18
    form.areas.value = ("BU99010601", "BU99010602")
    assert form.chosen_name() == "Heidebroek-Dorp, Buitengebied Heidebroek"


def test_marked_segments_are_saved_at_once(form, sample_route):
    before = len(sample_route.records("segment_selections"))
    form.areas.value = ("WK990106", "WK990105")
    form.theme.value = "leefbaarheid-heidebroek"
    form.segments.value = ("E",)
    form.reason.value = "veel jonge gezinnen"
    form.save.click()
    saved = sample_route.records("segment_selections")
    assert len(saved) == before + 2
    record = sample_route.get("segment_selections", "leefbaarheid-heidebroek", "E", "WK990106")
    assert record.reason == "veel jonge gezinnen" and record.added == dt.date.today()
    assert "2 keuzes bewaard" in form.message.value


def test_nothing_marked_saves_nothing(form, sample_route):
    before = len(sample_route.records("segment_selections"))
    form.save.click()
    assert len(sample_route.records("segment_selections")) == before
    assert "Kies eerst" in form.message.value


def test_file_picker_uses_the_import(form, sample_route):
    content = sample_route.area_file("kerncijfers_kwb").read_bytes()  # the route's own municipality
    form.upload.value = ({"name": "kwb-2023-sleutelwaard.csv", "type": "text/csv",
                          "size": len(content), "content": memoryview(content),
                          "last_modified": dt.datetime.now()},)
    form.import_button.click()
    assert "Kerncijfers wijken en buurten 2023 voor Sleutelwaard" in form.import_message.value
    assert "kerncijfers-2023.csv" in form.import_message.value
    bad = b"area_code;segment_code;households\nBU99010101;Q1;3\n"
    form.upload.value = ({"name": "fout.csv", "type": "text/csv", "size": len(bad),
                          "content": memoryview(bad), "last_modified": dt.datetime.now()},)
    form.kind.value = "segments"
    form.import_button.click()
    assert "Niet geïmporteerd" in form.import_message.value
    assert "Q1" in form.import_message.value
