"""Fictional area data for the sample route "Bibliotheek De Sleutel".

Everything here is invented: the municipality Sleutelwaard (GM9901), its wijken and
buurten, the Mosaic-like segment scheme, member counts, CBS-shaped key figures,
boundaries and library behaviour. ``build(route_dir)`` writes the files into
``route_dir / "area"``; the output depends only on ``seed``.

All CSV files: ``;`` separator, decimal comma, UTF-8 with BOM, header on the first line.
"""
# ruff: noqa: E501  (wide parameter tables and the README text read better unwrapped)

from __future__ import annotations

import json
import pathlib

import numpy as np
import pandas as pd

__all__ = ["build"]

# --------------------------------------------------------------------------------------
# Areas
# --------------------------------------------------------------------------------------

MUNICIPALITY = ("GM9901", "Sleutelwaard")

# wijk code, name, kind, branch
WIJKEN = [
    ("WK990101", "Centrum", "stad", "Hoofdvestiging Sleutelstad"),
    ("WK990102", "Oost", "stad", ""),
    ("WK990103", "West", "stad", ""),
    ("WK990104", "Zuid", "stad", ""),
    ("WK990105", "Ambachtsveen", "dorp", "Vestiging Ambachtsveen"),
    ("WK990106", "Heidebroek", "dorp", "Vestiging Heidebroek"),
    ("WK990107", "Lindewaard", "dorp", "Vestiging Lindewaard"),
]

# buurt code, name, households, mix profile (see GROUP_MIX), setting (see LOCATION_FACTOR)
BUURTEN = [
    ("BU99010101", "Stationsbuurt", 1900, "centrum", "branch"),
    ("BU99010102", "Oude Haven", 1500, "centrum", "branch"),
    ("BU99010103", "Marktkwartier", 1300, "centrum", "branch"),
    ("BU99010201", "Spoorzicht", 2200, "multicultureel", "city"),
    ("BU99010202", "Kanaalbuurt", 1900, "multicultureel", "city"),
    ("BU99010203", "Molenakker", 1600, "volkswijk", "city"),
    ("BU99010301", "Parkzicht", 1700, "welgesteld", "city"),
    ("BU99010302", "Beukenhof", 1800, "gezinswijk", "city"),
    ("BU99010303", "Rozenhof", 1500, "ouderen", "city"),
    ("BU99010401", "De Velden", 2300, "nieuwbouw", "city"),
    ("BU99010402", "Zuiderpark", 1700, "gemengd", "city"),
    ("BU99010403", "Kloosterhof", 1600, "ouderen", "city"),
    ("BU99010501", "Ambachtsveen-Dorp", 1950, "dorpskern", "branch"),
    ("BU99010502", "Buitengebied Ambachtsveen", 420, "buitengebied", "rural"),
    ("BU99010601", "Heidebroek-Dorp", 1870, "dorpskern_jong", "branch"),
    ("BU99010602", "Buitengebied Heidebroek", 330, "buitengebied", "rural"),
    ("BU99010701", "Lindewaard-Dorp", 1600, "dorpskern", "branch"),
    ("BU99010702", "Buitengebied Lindewaard", 240, "buitengebied", "rural"),
]

# --------------------------------------------------------------------------------------
# Segment scheme (fictional; names deliberately unlike any vendor's)
# --------------------------------------------------------------------------------------

CHANNELS = [
    "huis-aan-huisblad", "lokale radio", "Facebook", "Instagram", "WhatsApp", "nieuwsbrief",
    "mond-tot-mondreclame", "wijkcentrum", "dorpshuis", "school", "consultatiebureau",
    "sportvereniging", "religieuze gemeenschap", "huisarts/wijkverpleging",
    "posters in de bibliotheek",
]

# code: name, description, life_stage, media_use, channels
GROUPS = {
    "A": ("Ruim Wonen", "Welgestelde gezinnen en paren in ruime koopwoningen.",
          "gevestigd, midden in het leven", "landelijke krant, nieuwsapps, LinkedIn",
          "nieuwsbrief|Instagram|school|Facebook"),
    "B": ("Stad en Studie", "Jonge alleenstaanden en studenten in en rond het centrum.",
          "jong volwassen, net uit huis", "Instagram, TikTok, streaming, podcasts",
          "Instagram|WhatsApp|posters in de bibliotheek|school"),
    "C": ("Startblok", "Starters die net een eerste eigen woning hebben.",
          "starters op de woningmarkt", "Instagram, nieuwssites, woonapps",
          "Instagram|Facebook|WhatsApp|huis-aan-huisblad"),
    "D": ("Midden in het Gezin", "Gezinnen met een middeninkomen in rijtjeshuizen.",
          "gezinsfase", "regionale nieuwssite, Facebook, WhatsApp-groepen van school",
          "school|WhatsApp|Facebook|huis-aan-huisblad|sportvereniging"),
    "E": ("Jonge Nesten", "Jonge gezinnen met baby's en peuters, vaak in nieuwbouw.",
          "gezin met jonge kinderen", "Instagram, ouder-apps, WhatsApp",
          "consultatiebureau|Instagram|WhatsApp|school|posters in de bibliotheek"),
    "F": ("Rond te Komen", "Gezinnen en alleenstaanden met weinig financiële ruimte.",
          "krappe beurs, vaak met kinderen", "Facebook, WhatsApp, televisie",
          "WhatsApp|Facebook|school|wijkcentrum|mond-tot-mondreclame"),
    "G": ("Wereldwijk", "Gemengde wijken met veel nieuwe en oudere Nederlanders van elders.",
          "gemengd, veel gezinnen", "WhatsApp, sociale media en tv in de eigen taal",
          "WhatsApp|mond-tot-mondreclame|wijkcentrum|religieuze gemeenschap|school"),
    "H": ("Dorpse Wortels", "Dorpsbewoners die al generaties in het dorp wonen en verenigen.",
          "gevestigd, sterk verbonden met het dorp", "huis-aan-huisblad, lokale omroep, Facebook-dorpsgroep",
          "huis-aan-huisblad|lokale radio|dorpshuis|mond-tot-mondreclame|Facebook|sportvereniging"),
    "I": ("Land en Erf", "Boeren en buitenlui in het buitengebied.",
          "boeren en buitenlui", "vakbladen, regionale krant, lokale radio",
          "huis-aan-huisblad|lokale radio|mond-tot-mondreclame|nieuwsbrief|WhatsApp"),
    "J": ("Vitaal Verder", "Actieve gepensioneerden met tijd voor hobby's en vrijwilligerswerk.",
          "actieve gepensioneerden", "regionale krant, televisie, Facebook, tablet",
          "huis-aan-huisblad|nieuwsbrief|lokale radio|posters in de bibliotheek|Facebook|mond-tot-mondreclame"),
    "K": ("Zorg Dichtbij", "Oudere ouderen die vaker alleen zijn en zorg nodig hebben.",
          "ouderen met zorgbehoefte", "televisie, huis-aan-huisblad, telefoon",
          "huis-aan-huisblad|huisarts/wijkverpleging|wijkcentrum|lokale radio|mond-tot-mondreclame"),
}

# code: name, age_band, household, income, education, digital, urbanity, description
TYPES = {
    "A01": ("Villa en Moestuin", "45-64", "gezin met oudere kinderen", "hoog", "hoog", "hoog", "stad",
            "Tweeverdieners met tieners in een vrijstaand huis aan de rand van de stad."),
    "A02": ("Dubbel Inkomen, Drukke Week", "35-54", "gezin met jonge kinderen", "hoog", "hoog", "hoog", "stad",
            "Drukke gezinnen waarin beide ouders een veeleisende baan hebben."),
    "A03": ("Herenhuis aan de Singel", "45-64", "paar zonder kinderen", "hoog", "hoog", "hoog", "stad",
            "Welgestelde stellen zonder thuiswonende kinderen in een statig stadshuis."),
    "A04": ("Landhuis en Paardenwei", "45-64", "gezin met oudere kinderen", "hoog", "hoog", "midden", "buitengebied",
            "Welgestelde gezinnen die ruim buiten het dorp wonen."),
    "B01": ("Kamer met Uitzicht", "18-24", "alleenstaand", "laag", "hoog", "hoog", "stad",
            "Studenten op kamers die hun dagen tussen collegezaal en café verdelen."),
    "B02": ("Eerste Baan, Eigen Flat", "25-34", "alleenstaand", "midden", "hoog", "hoog", "stad",
            "Jonge werkende alleenstaanden in een huurappartement in de stad."),
    "B03": ("Creatief Centrum", "25-44", "alleenstaand", "midden", "hoog", "hoog", "stad",
            "Creatieve zelfstandigen die wonen en werken in het centrum."),
    "B04": ("Samen op Zolder", "25-34", "paar zonder kinderen", "midden", "hoog", "hoog", "stad",
            "Jonge stellen in een kleine bovenwoning dicht bij het station."),
    "B05": ("Flexwerk en Flatje", "18-34", "alleenstaand", "laag", "midden", "hoog", "stad",
            "Jonge alleenstaanden met tijdelijke contracten en een krappe woning."),
    "C01": ("Eerste Koophuis", "25-34", "paar zonder kinderen", "midden", "midden", "hoog", "stad",
            "Jonge stellen die net hun eerste huis hebben gekocht."),
    "C02": ("Blijvers in het Dorp", "25-34", "paar zonder kinderen", "midden", "midden", "midden", "dorp",
            "Jonge dorpelingen die in hun eigen dorp een starterswoning vonden."),
    "C03": ("Huren met Balkon", "25-44", "alleenstaand", "midden", "midden", "hoog", "stad",
            "Alleenstaanden in een nieuw huurappartement met balkon."),
    "C04": ("Net Samenwonend", "25-34", "paar zonder kinderen", "midden", "hoog", "hoog", "stad",
            "Stellen die net samenwonen en aan kinderen beginnen te denken."),
    "D01": ("Rijtjeshuis met Trampoline", "35-54", "gezin met jonge kinderen", "midden", "midden", "midden", "stad",
            "Gezinnen met kinderen op de basisschool in een rijtjeshuis."),
    "D02": ("Tienerhuis", "45-64", "gezin met oudere kinderen", "midden", "midden", "midden", "stad",
            "Gezinnen met pubers en volle agenda's van school en sport."),
    "D03": ("Sportclub en Carpool", "35-54", "gezin met oudere kinderen", "midden", "midden", "hoog", "dorp",
            "Dorpsgezinnen die hun weekend langs de lijn bij de sportclub doorbrengen."),
    "D04": ("Nieuwe Wijk, Vol Ritme", "35-44", "gezin met jonge kinderen", "midden", "hoog", "hoog", "stad",
            "Gezinnen in een nieuwbouwwijk met werk, opvang en school strak gepland."),
    "D05": ("Samengesteld en Samen", "35-54", "samengesteld gezin", "midden", "midden", "midden", "stad",
            "Samengestelde gezinnen die het leven tussen twee huizen regelen."),
    "E01": ("Nieuwbouw met Kinderwagen", "25-44", "gezin met jonge kinderen", "midden", "midden", "hoog", "dorp",
            "Jonge gezinnen die in een nieuwbouwwijk aan de dorpsrand zijn neergestreken."),
    "E02": ("Opvang en Carrière", "25-44", "gezin met jonge kinderen", "hoog", "hoog", "hoog", "stad",
            "Jonge hoogopgeleide ouders die werk en kleine kinderen combineren."),
    "E03": ("Jong Gezin, Klein Huis", "25-34", "gezin met jonge kinderen", "laag", "midden", "midden", "stad",
            "Jonge ouders die met een smal budget in een te klein huis wonen."),
    "E04": ("Dorpsgezin met Moestuin", "25-44", "gezin met jonge kinderen", "midden", "midden", "midden", "dorp",
            "Jonge gezinnen die bewust voor het rustige dorpsleven kozen."),
    "F01": ("Alleen met de Kinderen", "25-44", "eenoudergezin", "laag", "laag", "midden", "stad",
            "Alleenstaande ouders in een huurflat die elke euro twee keer omdraaien."),
    "F02": ("Groot Gezin, Kleine Beurs", "35-54", "gezin met oudere kinderen", "laag", "laag", "midden", "stad",
            "Grote gezinnen met een laag inkomen in een sociale huurwoning."),
    "F03": ("Werkend maar Krap", "25-44", "gezin met jonge kinderen", "laag", "midden", "midden", "stad",
            "Werkende ouders met een inkomen dat net niet genoeg is."),
    "F04": ("Huurhuis aan de Dorpsrand", "35-54", "gezin met oudere kinderen", "laag", "laag", "laag", "dorp",
            "Dorpsgezinnen met een laag inkomen in een oudere huurwoning."),
    "F05": ("Tussen Uitkering en Werk", "35-64", "alleenstaand", "laag", "laag", "laag", "stad",
            "Alleenstaanden die wisselen tussen tijdelijk werk en een uitkering."),
    "G01": ("Nieuw in Nederland", "25-44", "gezin met jonge kinderen", "laag", "laag", "midden", "stad",
            "Nieuwkomers en statushouders die de taal en hun weg nog leren kennen."),
    "G02": ("Tweede Generatie, Eigen Zaak", "25-44", "gezin met jonge kinderen", "midden", "midden", "hoog", "stad",
            "Kinderen van migranten die een bedrijf of carrière opbouwen."),
    "G03": ("Familie om de Hoek", "35-64", "gezin met oudere kinderen", "laag", "laag", "laag", "stad",
            "Hechte families uit verschillende herkomstlanden die dicht bij elkaar wonen."),
    "G04": ("Werken over de Grens", "25-44", "alleenstaand", "laag", "midden", "midden", "stad",
            "Arbeidsmigranten die tijdelijk hier wonen en werken."),
    "G05": ("Eerste Generatie, Nu Grootouders", "65+", "paar zonder kinderen", "laag", "laag", "laag", "stad",
            "Oudere migranten die hier hun leven opbouwden en nu kleinkinderen hebben."),
    "H01": ("Vereniging en Kerk", "45-64", "paar zonder kinderen", "midden", "laag", "midden", "dorp",
            "Dorpsbewoners met een leven rond kerk, koor en vereniging."),
    "H02": ("Generaties in het Dorp", "35-54", "gezin met oudere kinderen", "midden", "midden", "midden", "dorp",
            "Gezinnen waarvan de familie al generaties in het dorp woont."),
    "H03": ("Ambacht en Eigen Zaak", "45-64", "paar zonder kinderen", "midden", "midden", "midden", "dorp",
            "Kleine ondernemers en vaklui met een werkplaats aan huis."),
    "H04": ("Oud-Dorpsbewoners", "65+", "paar zonder kinderen", "midden", "laag", "laag", "dorp",
            "Oudere dorpelingen die iedereen kennen en het dorp zien veranderen."),
    "I01": ("Boerderij met Opvolger", "45-64", "gezin met oudere kinderen", "midden", "midden", "midden", "buitengebied",
            "Boerengezinnen waarvan een van de kinderen het bedrijf wil overnemen."),
    "I02": ("Jonge Boerengezinnen", "25-44", "gezin met jonge kinderen", "midden", "midden", "midden", "buitengebied",
            "Jonge boeren met kleine kinderen op het erf."),
    "I03": ("Rust op het Platteland", "55-74", "paar zonder kinderen", "hoog", "hoog", "hoog", "buitengebied",
            "Stedelingen die voor rust en ruimte naar het buitengebied verhuisden."),
    "I04": ("Klein Erf, Oude Boerderij", "65+", "paar zonder kinderen", "laag", "laag", "laag", "buitengebied",
            "Oudere buitenlui op een klein erf, ver van voorzieningen."),
    "J01": ("Reizen en Kleinkinderen", "65-79", "paar zonder kinderen", "hoog", "hoog", "midden", "stad",
            "Welgestelde gepensioneerden die reizen en oppassen op de kleinkinderen."),
    "J02": ("Vrijwilliger van Beroep", "65-79", "paar zonder kinderen", "midden", "midden", "midden", "dorp",
            "Gepensioneerden die het dorpsleven draaiende houden als vrijwilliger."),
    "J03": ("Appartement met Lift", "65-79", "alleenstaand", "midden", "midden", "midden", "stad",
            "Alleenstaande senioren die naar een gelijkvloers appartement verhuisden."),
    "J04": ("Bijna met Pensioen", "55-64", "paar zonder kinderen", "hoog", "midden", "hoog", "stad",
            "Stellen die naar hun pensioen toewerken en plannen maken."),
    "J05": ("Fietsen en Tuinieren", "65-79", "paar zonder kinderen", "midden", "midden", "laag", "dorp",
            "Actieve senioren met een grote tuin en een elektrische fiets."),
    "K01": ("Alleen na Verlies", "75+", "alleenstaand", "laag", "laag", "laag", "stad",
            "Weduwen en weduwnaars die na het overlijden van hun partner alleen wonen."),
    "K02": ("Seniorenflat", "75+", "alleenstaand", "laag", "laag", "laag", "stad",
            "Oudere alleenstaanden in een seniorenflat met weinig contact buiten de deur."),
    "K03": ("Mantelzorgpaar", "75+", "paar zonder kinderen", "midden", "laag", "laag", "dorp",
            "Oudere stellen waarvan de een voor de ander zorgt."),
    "K04": ("Zorgwoning in het Dorp", "75+", "alleenstaand", "midden", "laag", "laag", "dorp",
            "Oudere dorpelingen in een aangepaste woning bij het zorgcentrum."),
    "K05": ("Stil Thuis", "65+", "alleenstaand", "laag", "laag", "laag", "stad",
            "Kwetsbare ouderen die weinig buiten komen en moeilijk te bereiken zijn."),
}

# Share of a buurt's households per group, by mix profile (rows need not sum to 1).
GROUP_MIX = pd.DataFrame.from_dict({
    #                 A     B     C     D     E     F     G     H     I     J     K
    "centrum":        [.04, .36, .14, .04, .05, .06, .07, .00, .00, .13, .12],
    "multicultureel": [.00, .06, .06, .06, .06, .22, .38, .00, .00, .04, .13],
    "volkswijk":      [.01, .06, .10, .14, .08, .24, .14, .00, .00, .10, .15],
    "welgesteld":     [.36, .03, .05, .18, .10, .01, .02, .00, .00, .20, .07],
    "gezinswijk":     [.08, .03, .10, .30, .15, .08, .06, .00, .00, .11, .10],
    "nieuwbouw":      [.08, .02, .16, .28, .17, .06, .06, .00, .00, .06, .04],
    "gemengd":        [.06, .10, .12, .18, .10, .10, .10, .00, .00, .14, .12],
    "ouderen":        [.04, .03, .05, .08, .03, .06, .05, .00, .00, .34, .32],
    "dorpskern":      [.04, .01, .10, .14, .08, .05, .01, .30, .01, .15, .12],
    "dorpskern_jong": [.03, .01, .12, .14, .14, .04, .01, .24, .01, .11, .08],
    "buitengebied":   [.10, .00, .03, .05, .03, .02, .00, .12, .48, .10, .07],
}, orient="index", columns=list(GROUPS))

# How well a type's urbanity fits a buurt's setting.
URBANITY_FIT = {
    "stad": {"stad": 1.0, "dorp": 0.12, "buitengebied": 0.03},
    "dorp": {"stad": 0.08, "dorp": 1.0, "buitengebied": 0.4},
    "buitengebied": {"stad": 0.0, "dorp": 0.1, "buitengebied": 1.0},
}
MIX_NOISE = 8.0  # gamma shape of the per-buurt variation of type shares
SETTING_URBANITY = {"branch": None, "city": "stad", "rural": "buitengebied"}

# --------------------------------------------------------------------------------------
# Households, persons and membership parameters
# --------------------------------------------------------------------------------------

# household kind: persons per household, adults, CBS class, children age split (0-14, 15-24)
HOUSEHOLDS = {
    "alleenstaand": (1.0, 1, "a_1p_hh", (0.0, 0.0)),
    "paar zonder kinderen": (2.0, 2, "a_hh_z_k", (0.0, 0.0)),
    "gezin met jonge kinderen": (3.7, 2, "a_hh_m_k", (1.0, 0.0)),
    "gezin met oudere kinderen": (3.6, 2, "a_hh_m_k", (0.35, 0.65)),
    "eenoudergezin": (2.5, 1, "a_hh_m_k", (0.6, 0.4)),
    "samengesteld gezin": (4.0, 2, "a_hh_m_k", (0.6, 0.4)),
}

# Share of households with at least one member, before the factors below.
MEMBER_BASE = {
    "alleenstaand": 0.14, "paar zonder kinderen": 0.19, "gezin met jonge kinderen": 0.44,
    "gezin met oudere kinderen": 0.40, "eenoudergezin": 0.32, "samengesteld gezin": 0.36,
}
MEMBER_LEVEL = {  # multipliers by income and education level
    "income_level": {"laag": 0.6, "midden": 1.0, "hoog": 1.15},
    "education_level": {"laag": 0.85, "midden": 1.0, "hoog": 1.12},
}
MEMBER_GROUP = {"A": 1.0, "B": 1.05, "C": 0.85, "D": 1.0, "E": 1.05, "F": 0.9, "G": 0.65,
                "H": 0.9, "I": 0.85, "J": 1.6, "K": 1.15}
LOCATION_FACTOR = {"branch": 1.08, "city": 1.0, "rural": 0.68}  # distance to a branch

# Person membership per age band: (men, women); multiplied by the wijk's household rate factor.
PERSON_BANDS = ["0-12", "13-17", "18-24", "25-44", "45-64", "65+"]
PERSON_RATE = {"0-12": (0.52, 0.55), "13-17": (0.28, 0.34), "18-24": (0.05, 0.12),
               "25-44": (0.037, 0.115), "45-64": (0.036, 0.10), "65+": (0.045, 0.11)}
PERSON_SPLIT = {  # person age band as fractions of the kwb age columns
    "0-12": {"a_00_14": 13 / 15}, "13-17": {"a_00_14": 2 / 15, "a_15_24": 0.3},
    "18-24": {"a_15_24": 0.7}, "25-44": {"a_25_44": 1.0}, "45-64": {"a_45_64": 1.0},
    "65+": {"a_65_oo": 1.0},
}
PERSON_MALE = {"0-12": 0.51, "13-17": 0.51, "18-24": 0.51, "25-44": 0.50, "45-64": 0.50, "65+": 0.45}
MALE_SHARE = {"a_00_14": 0.51, "a_15_24": 0.51, "a_25_44": 0.50, "a_45_64": 0.50, "a_65_oo": 0.45}

# Per income level: income per recipient (k EUR), share in national lowest 40 % / highest 20 %
# of persons, share of households with low / high income, share owner-occupied homes.
INCOME = pd.DataFrame.from_dict({
    "laag": [23.5, 0.68, 0.04, 0.24, 0.03, 0.22],
    "midden": [33.0, 0.36, 0.16, 0.05, 0.18, 0.62],
    "hoog": [51.0, 0.12, 0.52, 0.01, 0.55, 0.90],
}, orient="index", columns=["ink_po", "ink_li", "ink_hi", "hh_li", "hh_hi", "koop"])

# Suppressed (".") key figures in small buurten, as CBS does.
SUPPRESSED = {
    "BU99010702": ["g_ink_po", "p_ink_li", "p_ink_hi", "p_hh_li", "p_hh_hi"],
    "BU99010602": ["p_hh_li", "p_hh_hi"],
}

# Key-figure columns written, a subset of the real kwb download (order taken from it).
KWB_COLUMNS = [
    "gwb_code_10", "gwb_code_8", "regio", "gm_naam", "recs", "gwb_code", "ind_wbi", "a_inw",
    "a_man", "a_vrouw", "a_00_14", "a_15_24", "a_25_44", "a_45_64", "a_65_oo", "a_hh",
    "a_1p_hh", "a_hh_z_k", "a_hh_m_k", "g_hhgro", "bev_dich", "a_woning", "g_wozbag",
    "p_koopw", "p_huurw", "g_ink_po", "p_ink_li", "p_ink_hi", "p_hh_li", "p_hh_hi", "a_opp_ha",
    "a_lan_ha", "a_wat_ha", "ste_mvs", "ste_oad",
]
KWB_AGE = {"a_00_14": (0, 14), "a_15_24": (15, 24), "a_25_44": (25, 44), "a_45_64": (45, 64),
           "a_65_oo": (65, 90)}

# --------------------------------------------------------------------------------------
# Behaviour: latent patterns (loans / visits per member household per year)
# --------------------------------------------------------------------------------------

LOANS = ["romans", "jeugdboeken", "prentenboeken", "informatief", "studie", "e-books", "luisterboeken"]
VISITS = ["taalcafé", "digitaal café", "voorleesuur", "lezing", "leesclub", "repair café",
          "huiswerkbegeleiding"]
PATTERNS = pd.DataFrame.from_dict({
    "lezer":      [7.0, 0.5, 0.2, 2.0, 0.3, 1.5, 1.0, 0.02, 0.03, 0.02, 0.10, 0.08, 0.05, 0.01],
    "jong_gezin": [1.0, 3.0, 14.0, 1.0, 0.0, 0.3, 0.5, 0.05, 0.02, 1.60, 0.02, 0.01, 0.05, 0.02],
    "schoolkind": [0.5, 9.0, 1.0, 2.5, 0.8, 0.8, 0.8, 0.02, 0.02, 0.05, 0.02, 0.01, 0.05, 0.35],
    "senior":     [6.0, 0.3, 0.3, 1.5, 0.0, 0.6, 5.0, 0.02, 0.90, 0.02, 0.80, 0.70, 0.20, 0.00],
    "taal":       [0.4, 2.0, 3.0, 2.5, 0.5, 0.1, 0.3, 1.80, 0.30, 0.20, 0.03, 0.02, 0.05, 0.90],
    "studie":     [1.0, 0.0, 0.0, 2.0, 7.0, 5.5, 0.8, 0.02, 0.02, 0.00, 0.10, 0.03, 0.05, 0.02],
    "dorp":       [1.5, 0.5, 0.3, 1.5, 0.0, 0.1, 0.8, 0.01, 0.15, 0.05, 0.30, 0.15, 0.60, 0.02],
}, orient="index", columns=LOANS + VISITS)
GROUP_PATTERN = {  # group -> loadings on the patterns
    "A": {"lezer": 1.0, "schoolkind": 0.4}, "B": {"lezer": 0.4, "studie": 0.9},
    "C": {"lezer": 0.8, "studie": 0.2}, "D": {"lezer": 0.6, "schoolkind": 0.6},
    "E": {"lezer": 0.4, "jong_gezin": 1.2}, "F": {"lezer": 0.3, "taal": 0.5, "schoolkind": 0.3},
    "G": {"lezer": 0.15, "taal": 1.3}, "H": {"lezer": 0.7, "dorp": 0.9},
    "I": {"lezer": 0.5, "dorp": 1.0}, "J": {"lezer": 0.6, "senior": 1.0},
    "K": {"lezer": 0.2, "senior": 1.1},
}
HOUSEHOLD_PATTERN = {  # extra loadings by household kind
    "gezin met jonge kinderen": {"jong_gezin": 0.5}, "gezin met oudere kinderen": {"schoolkind": 0.6},
    "eenoudergezin": {"schoolkind": 0.5, "jong_gezin": 0.2}, "samengesteld gezin": {"schoolkind": 0.5},
}
TYPE_PATTERN = {"B01": {"studie": 0.8}, "G01": {"taal": 0.8}, "K02": {"senior": 0.3}}

# --------------------------------------------------------------------------------------
# Geometry (degrees around 5.0 E, 51.6 N)
# --------------------------------------------------------------------------------------

# wijk: bounding box (lon0, lat0, lon1, lat1) and how its buurten are cut ("v"/"h" strips)
CITY_BLOCKS = {
    "WK990101": ((5.000, 51.600, 5.024, 51.614), "v"),
    "WK990102": ((5.024, 51.600, 5.048, 51.614), "h"),
    "WK990103": ((4.976, 51.600, 5.000, 51.614), "h"),
    "WK990104": ((5.000, 51.586, 5.024, 51.600), "v"),
}
VILLAGE_CENTRES = {"WK990105": (5.015, 51.675), "WK990106": (5.130, 51.605),
                   "WK990107": (4.900, 51.560)}
CORE_HALF, RURAL_HALF = (0.012, 0.008), (0.035, 0.025)
KM_PER_DEG = (111.32 * np.cos(np.radians(51.6)), 111.32)

CSV = dict(sep=";", decimal=",", index=False, encoding="utf-8-sig")


# --------------------------------------------------------------------------------------
# Builders
# --------------------------------------------------------------------------------------

def _scheme() -> pd.DataFrame:
    """Two-level segment scheme: groups A-K and their types."""
    rows = []
    for g, (name, desc, stage, media, chans) in GROUPS.items():
        types = [t for t in TYPES if t.startswith(g)]
        rows.append(dict(level="group", code=g, parent="", name=name, description=desc,
                         life_stage=stage, age_band=_span([TYPES[t][1] for t in types]),
                         household=_mode([TYPES[t][2] for t in types]),
                         income_level=_mode([TYPES[t][3] for t in types]),
                         education_level=_mode([TYPES[t][4] for t in types]),
                         digital_skills=_mode([TYPES[t][5] for t in types]),
                         media_use=media, channels=chans,
                         urbanity=_mode([TYPES[t][6] for t in types])))
        for t in types:
            tname, age, hh, inc, edu, dig, urb, tdesc = TYPES[t]
            rows.append(dict(level="type", code=t, parent=g, name=tname, description=tdesc,
                             life_stage=stage, age_band=age, household=hh, income_level=inc,
                             education_level=edu, digital_skills=dig, media_use=media,
                             channels=chans, urbanity=urb))
    df = pd.DataFrame(rows)
    bad = {c for v in df.channels for c in v.split("|")} - set(CHANNELS)
    assert not bad, bad
    return df


def _span(bands: list[str]) -> str:
    """Overall age band of a group, e.g. "25-44" and "35-64" give "25-64"."""
    lows = [int(b.split("-")[0].rstrip("+")) for b in bands]
    highs = [int(b.split("-")[1]) if "-" in b else 200 for b in bands]
    return f"{min(lows)}+" if max(highs) == 200 else f"{min(lows)}-{max(highs)}"


def _mode(values: list[str]) -> str:
    """Most frequent value; ties go to the first one listed."""
    return max(dict.fromkeys(values), key=values.count)


def _areas() -> pd.DataFrame:
    """Hierarchy gemeente > wijk > buurt."""
    kinds = {w[0]: w[2] for w in WIJKEN}
    rows = [dict(code=MUNICIPALITY[0], name=MUNICIPALITY[1], level="gemeente", parent="",
                 kind="", branch="")]
    for code, name, kind, branch in WIJKEN:
        rows.append(dict(code=code, name=name, level="wijk", parent=MUNICIPALITY[0], kind=kind,
                         branch=branch))
        rows += [dict(code=b[0], name=b[1], level="buurt", parent=code, kind=kinds[code],
                      branch="") for b in BUURTEN if b[0].startswith("BU" + code[2:])]
    return pd.DataFrame(rows)


def _wijk_of(buurt: str) -> str:
    return "WK" + buurt[2:8]


def _segments(rng: np.random.Generator) -> pd.DataFrame:
    """Households per buurt and type: all buurt x type pairs, zeros included."""
    kinds = {w[0]: w[2] for w in WIJKEN}
    rows = []
    for code, _, total, mix, setting in BUURTEN:
        urbanity = SETTING_URBANITY[setting] or kinds[_wijk_of(code)]
        # types share their group's weight by urbanity fit and local variation
        fit = pd.Series({t: URBANITY_FIT[v[6]][urbanity] for t, v in TYPES.items()})
        fit *= rng.gamma(MIX_NOISE, 1 / MIX_NOISE, len(fit))
        within = (fit / fit.groupby(fit.index.str[0]).transform("sum")).fillna(0.0)
        weights = within * GROUP_MIX.loc[mix, within.index.str[0]].to_numpy()
        counts = rng.multinomial(total, (weights / weights.sum()).to_numpy())
        rows += [dict(area_code=code, segment_code=t, households=int(n))
                 for t, n in zip(TYPES, counts, strict=True)]
    return pd.DataFrame(rows)


def _member_rate(code: str) -> float:
    _, _, hh, inc, edu, *_ = TYPES[code]
    return (MEMBER_BASE[hh] * MEMBER_LEVEL["income_level"][inc]
            * MEMBER_LEVEL["education_level"][edu] * MEMBER_GROUP[code[0]])


def _members(segments: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Member households per buurt and type (binomial draw, never above households)."""
    setting = {b[0]: b[4] for b in BUURTEN}
    rate = np.array([_member_rate(t) * LOCATION_FACTOR[setting[a]]
                     for a, t in zip(segments.area_code, segments.segment_code, strict=True)])
    rate = np.clip(rate * rng.lognormal(0.0, 0.12, len(rate)), 0.0, 0.95)
    out = segments[["area_code", "segment_code"]].copy()
    out["member_households"] = rng.binomial(segments.households.to_numpy(), rate)
    return out


def _persons_by_type() -> pd.DataFrame:
    """Persons per household by type and kwb age column (children and adults)."""
    rows = {}
    for t, (_, age, hh, *_rest) in TYPES.items():
        size, adults, _, (kid_young, kid_old) = HOUSEHOLDS[hh]
        lo, hi = (int(x) for x in age.replace("+", "-90").split("-")[:2])
        rows[t] = {col: adults * max(0, min(hi, b) - max(lo, a) + 1) / (hi - lo + 1)
                   for col, (a, b) in KWB_AGE.items()}
        rows[t]["a_00_14"] += (size - adults) * kid_young
        rows[t]["a_15_24"] += (size - adults) * kid_old
    return pd.DataFrame.from_dict(rows, orient="index")


def _geometry() -> dict[str, list]:
    """Polygon rings per buurt (exterior counter-clockwise, hole clockwise)."""
    def box(x0, y0, x1, y1):
        return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]

    rings = {}
    for wijk, ((x0, y0, x1, y1), cut) in CITY_BLOCKS.items():
        buurten = [b[0] for b in BUURTEN if _wijk_of(b[0]) == wijk]
        for i, b in enumerate(buurten):
            f0, f1 = i / len(buurten), (i + 1) / len(buurten)
            if cut == "v":
                rings[b] = [box(x0 + f0 * (x1 - x0), y0, x0 + f1 * (x1 - x0), y1)]
            else:
                rings[b] = [box(x0, y1 - f1 * (y1 - y0), x1, y1 - f0 * (y1 - y0))]
    for wijk, (cx, cy) in VILLAGE_CENTRES.items():
        core, rural = (b[0] for b in BUURTEN if _wijk_of(b[0]) == wijk)
        inner = box(cx - CORE_HALF[0], cy - CORE_HALF[1], cx + CORE_HALF[0], cy + CORE_HALF[1])
        rings[core] = [inner]
        rings[rural] = [box(cx - RURAL_HALF[0], cy - RURAL_HALF[1], cx + RURAL_HALF[0],
                            cy + RURAL_HALF[1]), inner[::-1]]
    return {b: [[[round(x, 5), round(y, 5)] for x, y in r] for r in rs] for b, rs in rings.items()}


def _ring_km2(ring: list) -> float:
    xy = np.array(ring) * KM_PER_DEG
    return 0.5 * float(np.dot(xy[:-1, 0], xy[1:, 1]) - np.dot(xy[1:, 0], xy[:-1, 1]))


def _boundaries(geometry: dict[str, list]) -> dict:
    """GeoJSON FeatureCollection with one polygon per buurt."""
    names = {b[0]: b[1] for b in BUURTEN}
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": b, "name": names[b], "wijk": _wijk_of(b)},
         "geometry": {"type": "Polygon", "coordinates": rings}}
        for b, rings in geometry.items()]}


def _kwb(segments: pd.DataFrame, geometry: dict[str, list], rng: np.random.Generator) -> pd.DataFrame:
    """CBS-shaped key figures for the gemeente, wijken and buurten (fictional values)."""
    seg = segments.pivot(index="area_code", columns="segment_code", values="households")
    seg = seg.loc[[b[0] for b in BUURTEN], list(TYPES)]
    persons = seg.to_numpy() @ _persons_by_type().loc[list(TYPES)].to_numpy()
    persons = pd.DataFrame(persons, index=seg.index, columns=list(KWB_AGE))
    hh_class = pd.DataFrame({c: seg.loc[:, [t for t in TYPES if HOUSEHOLDS[TYPES[t][2]][2] == c]]
                             .sum(axis=1) for c in ["a_1p_hh", "a_hh_z_k", "a_hh_m_k"]})
    adults = np.array([HOUSEHOLDS[TYPES[t][2]][1] for t in TYPES])
    income = INCOME.loc[[TYPES[t][3] for t in TYPES]].to_numpy()
    area_km2 = pd.Series({b: sum(_ring_km2(r) for r in rs) for b, rs in geometry.items()})
    kinds = {b[0]: b[4] for b in BUURTEN}

    base = pd.DataFrame(index=seg.index)
    base[list(KWB_AGE)] = persons
    base["a_inw"] = persons.sum(axis=1)
    base["a_man"] = sum(persons[c] * s for c, s in MALE_SHARE.items())
    base["a_vrouw"] = base.a_inw - base.a_man
    base["a_hh"] = seg.sum(axis=1)
    base[hh_class.columns] = hh_class
    base["a_woning"] = base.a_hh * rng.uniform(1.02, 1.06, len(base))
    base["opp_ha"] = area_km2 * 100
    base["wat_ha"] = base.opp_ha * rng.uniform(0.02, 0.08, len(base))
    # weighted sums over households (h) or adults (p), divided later
    w_hh, w_ad = seg.to_numpy(), seg.to_numpy() * adults
    base["s_ad"] = w_ad.sum(axis=1)
    for i, col in enumerate(INCOME.columns):
        base["s_" + col] = (w_ad if col.startswith("ink") else w_hh) @ income[:, i]
    base["s_woz"] = w_hh @ (income[:, 0] * 12.0) * np.where(
        [kinds[b] == "rural" for b in base.index], 1.35, 1.0)

    def figures(agg: pd.Series, code: str, level: str, name: str) -> dict:
        rnd = (lambda v: int(round(v))) if level == "Gemeente" else (lambda v: int(5 * round(v / 5)))
        land = (agg.opp_ha - agg.wat_ha) / 100
        r = dict(gwb_code_10=code, gwb_code_8=code[2:], regio=name, gm_naam=MUNICIPALITY[1],
                 recs=level, gwb_code=code, ind_wbi=1)
        r.update({c: rnd(agg[c]) for c in ["a_inw", "a_man", "a_vrouw", *KWB_AGE, "a_hh",
                                           "a_1p_hh", "a_hh_z_k", "a_hh_m_k"]})
        r["g_hhgro"] = round(agg.a_inw / agg.a_hh, 1)
        r["bev_dich"] = int(round(agg.a_inw / land))
        r["a_woning"] = int(round(agg.a_woning))
        r["g_wozbag"] = int(round(agg.s_woz / agg.a_hh))
        r["p_koopw"] = int(round(100 * agg.s_koop / agg.a_hh))
        r["p_huurw"] = 100 - r["p_koopw"]
        r["g_ink_po"] = round(agg.s_ink_po / agg.s_ad, 1)
        r["p_ink_li"] = int(round(100 * agg.s_ink_li / agg.s_ad))
        r["p_ink_hi"] = int(round(100 * agg.s_ink_hi / agg.s_ad))
        r["p_hh_li"] = int(round(100 * agg.s_hh_li / agg.a_hh))
        r["p_hh_hi"] = int(round(100 * agg.s_hh_hi / agg.a_hh))
        r["a_opp_ha"] = int(round(agg.opp_ha))
        r["a_wat_ha"] = int(round(agg.wat_ha))
        r["a_lan_ha"] = r["a_opp_ha"] - r["a_wat_ha"]
        oad = agg.a_woning / land * 1.1  # addresses per km2 incl. non-residential
        r["ste_oad"] = int(round(oad))
        r["ste_mvs"] = 5 - int(np.digitize(oad, [500, 1000, 1500, 2500]))  # 1 = very urban
        for col in SUPPRESSED.get(code, []):
            r[col] = "."
        return r

    rows = [figures(base.sum(), MUNICIPALITY[0], "Gemeente", MUNICIPALITY[1])]
    for i, (wijk, wname, *_rest) in enumerate(WIJKEN, start=1):
        buurten = [b for b in base.index if _wijk_of(b) == wijk]
        rows.append(figures(base.loc[buurten].sum(), wijk, "Wijk", f"Wijk {i:02d} {wname}"))
        names = {b[0]: b[1] for b in BUURTEN}
        rows += [figures(base.loc[b], b, "Buurt", names[b]) for b in buurten]
    df = pd.DataFrame(rows)[KWB_COLUMNS]
    # format as text so "." can sit next to numbers and decimals get a comma
    return df.map(lambda v: f"{v:.1f}".replace(".", ",") if isinstance(v, float) else str(v))


# Weights of the mix profiles in a fictional national reference (more urban than Sleutelwaard).
NATIONAL_MIX = {"centrum": 0.10, "multicultureel": 0.12, "volkswijk": 0.12, "welgesteld": 0.08,
                "gezinswijk": 0.12, "nieuwbouw": 0.10, "gemengd": 0.12, "ouderen": 0.08,
                "dorpskern": 0.08, "dorpskern_jong": 0.04, "buitengebied": 0.04}
NATIONAL_HOUSEHOLDS = 8_100_000


def _national(rng: np.random.Generator) -> pd.DataFrame:
    """Fictional national reference: households per type (for the index against Nederland)."""
    groups = sum(GROUP_MIX.loc[mix] * w for mix, w in NATIONAL_MIX.items())
    share = pd.Series({t: groups[t[0]] for t in TYPES}) * rng.gamma(6.0, 1 / 6.0, len(TYPES))
    share = share / share.groupby(share.index.str[0]).transform("sum") * groups.reindex(
        share.index.str[0]).to_numpy()
    counts = (share / share.sum() * NATIONAL_HOUSEHOLDS).round(-2).astype(int)
    return pd.DataFrame({"segment_code": counts.index, "households": counts.to_numpy()})


def _persons(kwb: pd.DataFrame, segments: pd.DataFrame, members: pd.DataFrame,
             rng: np.random.Generator) -> pd.DataFrame:
    """Inhabitants and members per wijk, sex and age band."""
    wijk = kwb[kwb.recs == "Wijk"].set_index("gwb_code")[list(KWB_AGE)].astype(float)
    hh_rate = (members.groupby(members.area_code.map(_wijk_of)).member_households.sum()
               / segments.groupby(segments.area_code.map(_wijk_of)).households.sum())
    overall = members.member_households.sum() / segments.households.sum()
    rows = []
    for code, ages in wijk.iterrows():
        factor = hh_rate[code] / overall
        for band in PERSON_BANDS:
            total = sum(ages[col] * f for col, f in PERSON_SPLIT[band].items())
            for sex, share, rate in [("man", PERSON_MALE[band], PERSON_RATE[band][0]),
                                     ("vrouw", 1 - PERSON_MALE[band], PERSON_RATE[band][1])]:
                n = int(round(total * share))
                rows.append(dict(area_code=code, sex=sex, age_band=band, inhabitants=n,
                                 members=int(rng.binomial(n, min(0.95, rate * factor)))))
    return pd.DataFrame(rows)


def _behaviour(members: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Yearly loans and activity visits per type, from latent patterns plus noise."""
    per_type = members.groupby("segment_code").member_households.sum()
    rows = []
    for t, (_, _, hh, *_rest) in TYPES.items():
        load = pd.Series(0.0, index=PATTERNS.index)
        for extra in (GROUP_PATTERN[t[0]], HOUSEHOLD_PATTERN.get(hh, {}), TYPE_PATTERN.get(t, {})):
            load = load.add(pd.Series(extra, dtype=float), fill_value=0.0)
        rate = load.reindex(PATTERNS.index).to_numpy() @ PATTERNS.to_numpy()
        rate = rate * rng.gamma(8.0, 1 / 8.0, len(rate))
        counts = rng.poisson(rate * per_type.get(t, 0))
        rows += [dict(segment_code=t, category=c, count=int(n))
                 for c, n in zip(PATTERNS.columns, counts, strict=True)]
    return pd.DataFrame(rows)


README = """\
# Gebiedsgegevens voorbeeldroute "De Sleutel" (fictief)

**Alles in deze map is verzonnen.** De gemeente Sleutelwaard (GM9901), de stad Sleutelstad, de
dorpen Ambachtsveen, Heidebroek en Lindewaard, de segmenten, ledenaantallen, kerncijfers,
grenzen en het gedrag bestaan niet. De bestanden worden gemaakt door `data/make_sample.py`
(met `data/generate/sample_area.py`, vaste seed) en kunnen zonder bezwaar gedeeld worden.

*English: all data in this folder is fictional, generated by `data/make_sample.py`; no real persons, areas or vendor segments.*

Alle CSV-bestanden: scheidingsteken `;`, decimaalkomma, UTF-8 met BOM, eerste regel is de kop.

| Bestand | Inhoud | Kolommen |
|---|---|---|
| `segment_scheme.csv` | Verzonnen segmentindeling in twee niveaus: 11 groepen (A–K) en 50 typen (A01…K05). Geen namen van een leverancier. | level, code, parent, name, description, life_stage, age_band, household, income_level, education_level, digital_skills, media_use, channels (`\\|`-gescheiden), urbanity |
| `areas.csv` | Gemeente, wijken en buurten met de vestiging die een wijk bedient. | code, name, level, parent, kind, branch |
| `segments.csv` | Huishoudens per buurt en type. Elke combinatie buurt × type staat erin, **ook met 0** huishoudens. | area_code, segment_code, households |
| `members.csv` | Huishoudens met minstens één bibliotheeklid, per buurt en type (zelfde regels als `segments.csv`, nooit meer dan de huishoudens). | area_code, segment_code, member_households |
| `persons_by_sex_age.csv` | Inwoners en leden per wijk, geslacht en leeftijdsklasse (0-12, 13-17, 18-24, 25-44, 45-64, 65+). | area_code, sex, age_band, inhabitants, members |
| `kerncijfers_kwb.csv` | Kerncijfers in de vorm van CBS "Kerncijfers wijken en buurten": een deel van de echte kolomcodes, in de volgorde van de echte download; aantallen personen en huishoudens op wijk- en buurtniveau afgerond op 5; `.` = geheim/onbekend (zoals CBS). | gwb_code_10 … ste_oad |
| `national_reference.csv` | Verzonnen landelijke referentie: huishoudens per type in "Nederland" (voor de index tegen het land). | segment_code, households |
| `boundaries.geojson` | Eenvoudige verzonnen buurtgrenzen (WGS84, lengte/breedte rond 5,0 / 51,6). | properties: code, name, wijk |
| `behaviour.csv` | Geaggregeerd gebruik per type in een jaar (geen individuele gegevens): uitleningen per collectie (romans, jeugdboeken, prentenboeken, informatief, studie, e-books, luisterboeken) en bezoeken per activiteit (taalcafé, digitaal café, voorleesuur, lezing, leesclub, repair café, huiswerkbegeleiding). | segment_code, category, count |

## Echte formaten

Voor een echte route kunnen deze bestanden vervangen worden door echte gegevens in hun eigen
formaat: `kerncijfers_kwb.csv` gebruikt dezelfde kolomcodes en `.`-notatie als de CBS-download
"Kerncijfers wijken en buurten" (xlsx of csv, de volledige download heeft meer kolommen; in de
echte download van 2023 staan de inkomenskolommen nog op `.`, hier zijn ze verzonnen ingevuld),
`boundaries.geojson` heeft de vorm van de CBS Wijk- en Buurtkaart omgezet naar GeoJSON (het
origineel is GeoPackage/Shapefile in RD New, EPSG:28992), en `segments.csv`/`members.csv` volgen
de opzet van de bewoners- en ledenanalyse per segment die bibliotheken van hun
segmentatieleverancier krijgen. Welke echte formaten de import leest, staat in de documentatie
van routekit.
"""


def build(route_dir: pathlib.Path, seed: int = 20261125) -> None:
    """Write the fictional area files of the sample route into ``route_dir / "area"``."""
    rng = np.random.default_rng(seed)
    out = pathlib.Path(route_dir) / "area"
    out.mkdir(parents=True, exist_ok=True)
    segments = _segments(rng)
    members = _members(segments, rng)
    geometry = _geometry()
    kwb = _kwb(segments, geometry, rng)
    tables = {
        "segment_scheme": _scheme(),
        "areas": _areas(),
        "segments": segments,
        "members": members,
        "persons_by_sex_age": _persons(kwb, segments, members, rng),
        "kerncijfers_kwb": kwb,
        "behaviour": _behaviour(members, rng),
        "national_reference": _national(np.random.default_rng(seed + 1)),
    }
    for name, df in tables.items():
        df.to_csv(out / f"{name}.csv", **CSV)
    (out / "boundaries.geojson").write_text(
        json.dumps(_boundaries(geometry), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (out / "README.md").write_text(README, encoding="utf-8")
