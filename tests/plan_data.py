"""A small, hand-checkable plan shared by the plan tests."""

from __future__ import annotations

import datetime as dt

STAKEHOLDERS = [
    {"id": "bieb", "name": "Bibliotheek Test", "kind": "organisation", "sector": "library"},
    {"id": "ria", "name": "Ria (bibliothecaris)", "kind": "person", "sector": "library"},
    {"id": "anneke", "name": "Anneke Bos", "kind": "person", "sector": "residents"},
    {"id": "school", "name": "Basisschool De Regenboog", "kind": "organisation",
     "sector": "education"},
]
GOALS = [
    {"id": "g1", "theme": "taal", "owners": "school|ria", "deadline": "2027-12-31",
     "text": "Eind 2027 doen 40 ouders uit Oost mee aan voorleesochtenden op school",
     "measure": "Presentielijst"},
    {"id": "g2", "theme": "dorp", "text": "Het dorp wordt gezelliger", "owners": "bieb"},
]
ACTIVITIES = [
    {"id": "a1", "goal": "g1", "name": "Voorleesochtend", "start": "2026-09-01",
     "end": "2027-06-30", "owners": "school|ria", "contributors": "anneke"},
    {"id": "a2", "goal": "g1", "name": "Taalcafé", "start": "2026-01-05", "end": "2026-03-30",
     "owners": "bieb", "status": "done"},
    {"id": "a3", "goal": "g2", "name": "Repair Café", "start": "2026-04-01",
     "end": "2026-12-31", "owners": "anneke", "status": "running"},
    {"id": "a4", "goal": "g2", "name": "Dorpsavond", "start": "2026-05-20", "end": "2026-05-20",
     "owners": "anneke|bieb"},
]
BUDGET = [
    {"id": "b1", "activity": "a1", "description": "Boeken en koffie", "cost": 1200,
     "in_kind": 300, "subsidy": 500, "funder": "gemeente"},
    {"id": "b2", "activity": "a2", "description": "Lesmateriaal", "cost": 800, "subsidy": 1000},
    {"id": "b3", "description": "Uren community librarian", "cost": 2000, "funder": "bieb"},
]
KPIS = [
    {"id": "k1", "goal": "g1", "name": "Ouders bij voorleesochtend", "unit": "personen",
     "target": 40, "actual": 10, "segment": "A01", "area": "WK1"},
    {"id": "k2", "goal": "g2", "name": "Bezoekers Repair Café", "target": 5},
]
RISKS = [
    {"id": "r1", "description": "Alles rust op Anneke", "likelihood": 4, "impact": 5,
     "owner": "school"},
    {"id": "r2", "description": "Regen", "likelihood": 2, "impact": 3},
    {"id": "r3", "description": "Subsidie stopt", "likelihood": 3, "impact": 3},
]
CONTACT_MOMENTS = [
    {"id": "cm1", "title": "Stamtafel", "start": dt.datetime(2026, 1, 15, 19, 30),
     "duration_minutes": 90, "recurrence": "monthly", "count": 3, "location": "Bieb",
     "participants": "ria|anneke"},
    {"id": "cm2", "title": "Kwartaaloverleg", "start": "2026-02-01T10:00",
     "recurrence": "quarterly", "count": 2, "participants": "ria|school"},
    {"id": "cm3", "title": "Feest", "start": "2026-06-01T16:00", "recurrence": "once",
     "participants": "ria"},
]


def small_plan():
    """The plan above, with themes, areas and segments named."""
    from routekit.plan.model import Plan

    return Plan.from_records(
        library="Bibliotheek Test", stakeholders=STAKEHOLDERS,
        themes={"taal": "Taal", "dorp": "Leefbaar dorp"}, areas={"WK1": "Oost"},
        segments={"A01": "Villa en Moestuin"}, fictional="Fictief voorbeeld",
        goals=GOALS, activities=ACTIVITIES, budget=BUDGET, kpis=KPIS, risks=RISKS,
        contact_moments=CONTACT_MOMENTS)
