"""Records of the fictional sample route "De Sleutel" (stakeholders to contact moments).

Everything is invented: Bibliotheek De Sleutel, the municipality Sleutelwaard, its
people and organisations. The tables are written through :class:`routekit.workspace.Route`,
so every record is validated exactly as a user's would be.

Built-in patterns the notebooks can find:

* themes differ: ``eenzaamheid`` has many allies, ``leefbaarheid-heidebroek`` several
  influential opponents, ``laaggeletterdheid`` sits in between;
* the network has three clusters (city care/welfare, the Heidebroek village, education
  and literacy); the Vrijwilligerscentrale is the broker between all three (highest
  betweenness), and resident Mohamed El Amrani is the only link to the mosque and a bridge
  between literacy and care in Oost; the library is one partner among many, not the hub;
* Dorpshuis 't Lindehof (Lindewaard) is nearly isolated;
* Heidebroek leans on one very active resident, Anneke Bos, and the plan leans on her
  and on the library (ownership concentration);
* the POST-O canvas of ``laaggeletterdheid`` is left half empty on purpose, and goal
  ``g3`` is deliberately not measurable.
"""

from __future__ import annotations

import pathlib

import numpy as np

from routekit.workspace import Route

__all__ = ["build"]

E, L, H = "eenzaamheid", "laaggeletterdheid", "leefbaarheid-heidebroek"
CENTRUM, OOST, WEST, ZUID = "WK990101", "WK990102", "WK990103", "WK990104"
AMBACHTSVEEN, HEIDEBROEK, LINDEWAARD = "WK990105", "WK990106", "WK990107"


def _rows(columns: str, table: list[tuple]) -> list[dict]:
    """Turn a compact table (space-separated column names, tuples) into dicts."""
    names = columns.split()
    return [dict(zip(names, row, strict=True)) for row in table]


# --------------------------------------------------------------------------------------
# Step 4b: stakeholders
# --------------------------------------------------------------------------------------

STAKEHOLDERS = _rows("id name kind sector area contact binding binding_note", [
    # the library itself
    ("bibliotheek", "Bibliotheek De Sleutel", "organisation", "library", CENTRUM,
     "Marleen de Bruin (directeur)", "necessity",
     "Moet laten zien dat de bibliotheek een ontmoetingsplek is, niet alleen een uitleenpunt."),
    ("sascha", "Sascha (community librarian)", "person", "library", CENTRUM, None, "passion",
     "Wil inwoners zelf laten organiseren in plaats van een voorgekauwd programma."),
    # municipality
    ("wethouder", "Wethouder Karin Verhoef (Sociaal Domein en Cultuur)", "person",
     "municipality", None, None, "necessity",
     "Wil voor de verkiezingen zichtbare resultaten tegen eenzaamheid."),
    ("gem-sociaal", "Gemeente Sleutelwaard – team Sociaal Domein", "organisation",
     "municipality", None, "Ruud Hendriks (beleidsadviseur)", "necessity",
     "Voert het beleidsplan sociaal domein uit; zoekt partners in de wijken."),
    ("gem-financien", "Gemeente Sleutelwaard – team Financiën en Subsidies", "organisation",
     "municipality", None, "Petra van Leeuwen (subsidieadviseur)", "necessity",
     "Moet bezuinigen en wil meetbare resultaten per subsidie-euro."),
    ("gem-kernen", "Gemeente Sleutelwaard – kernenteam Dorpen", "organisation",
     "municipality", None, "Bas Kramer (dorpencoördinator)", "necessity",
     "Beheert het leefbaarheidsbudget voor de drie dorpen."),
    # education and literacy
    ("bs-regenboog", "Basisschool De Regenboog", "organisation", "education", OOST,
     "Esra Demir (intern begeleider)", "necessity",
     "Veel ouders spreken thuis geen Nederlands; taalachterstand bij de start in groep 3."),
    ("bs-heidepad", "Basisschool 't Heidepad", "organisation", "education", HEIDEBROEK,
     "Koen Vermeulen (directeur)", "necessity",
     "Het leerlingaantal daalt; de school wil een hart van het dorp blijven."),
    ("sleutelwaard-college", "Sleutelwaard College (vmbo/havo)", "organisation", "education",
     WEST, "Annemiek Post (zorgcoördinator)", "necessity",
     "Leesmotivatie van vmbo-leerlingen is laag; maatschappelijke stage moet ingevuld."),
    ("taalhuis", "Taalhuis Sleutelwaard", "organisation", "education", CENTRUM,
     "Yvonne Bakker (coördinator)", "passion",
     "Vrijwilligers die graag taalmaatje zijn; zoekt deelnemers buiten het centrum."),
    ("taal-telt", "Stichting Taal Telt", "organisation", "education", None,
     "Harm Dijkstra (regioadviseur)", "passion",
     "Regionale stichting tegen laaggeletterdheid met training en lesmateriaal."),
    # care
    ("huisarts-smit", "Huisarts Ineke Smit", "person", "care", HEIDEBROEK, None, "necessity",
     "Ziet in haar dorpspraktijk ouderen die vooral gezelschap zoeken."),
    ("gezondheidscentrum-oost", "Gezondheidscentrum Sleutelstad Oost", "organisation", "care",
     OOST, "Fatma Yilmaz (praktijkondersteuner ouderen)", "necessity",
     "Spreekuren vol met vragen die geen medische vragen zijn."),
    ("thuiszorg", "Thuiszorg Sleutelzorg", "organisation", "care", None,
     "Wilma Verbeek (wijkverpleegkundige)", "necessity",
     "Wijkverpleging komt achter de voordeur en ziet wie alleen is."),
    # welfare
    ("welzijn", "Welzijn Sleutelwaard", "organisation", "welfare", None,
     "Dennis Kok (ouderenadviseur)", "necessity",
     "Heeft de gemeentelijke opdracht voor welzijnswerk en ouderenadvies."),
    ("samen-verder", "Stichting Samen Verder", "organisation", "welfare", WEST,
     "Robert Schouten (directeur)", "necessity",
     "Eigen ontmoetingsprogramma voor ouderen; vreest voor haar subsidie."),
    ("vrijwilligerscentrale", "Vrijwilligerscentrale Sleutelwaard", "organisation", "welfare",
     CENTRUM, "Ilse Jacobs (consulent)", "passion",
     "Koppelt vrijwilligers aan organisaties in stad en dorpen."),
    ("wijkcentrum-schakel", "Wijkcentrum De Schakel", "organisation", "welfare", OOST,
     "Sanne Visser (beheerder)", "passion",
     "Open huis voor de wijk, met ruimte voor initiatieven van bewoners."),
    ("woonstichting", "Woonstichting Sleutelhof", "organisation", "business", None,
     "Sandra Peeters (wijkconsulent)", "necessity",
     "Veel oudere huurders die alleen wonen; prestatieafspraken met de gemeente."),
    # associations, culture, faith
    ("ouderenbond", "Ouderenbond Sleutelwaard", "organisation", "associations", None,
     "Jan Willems (voorzitter)", "passion",
     "Actieve leden die iets willen betekenen voor leeftijdgenoten."),
    ("seniorensoos-ambachtsveen", "Seniorensoos Ambachtsveen", "group", "residents",
     AMBACHTSVEEN, "Truus Hermans", "passion",
     "Wekelijks kaarten en koffie; de groep wordt kleiner en ouder."),
    ("cultuurhuis", "Cultuurhuis De Bron", "organisation", "culture", CENTRUM,
     "Maarten Huisman (programmeur)", "passion",
     "Muziek, theater en cursussen; wil een breder publiek."),
    ("historische-kring", "Historische Kring Heidebroek", "organisation", "culture", HEIDEBROEK,
     "Wim van der Linden (secretaris)", "passion",
     "Verzamelt foto's en verhalen van het dorp."),
    ("kerk", "Protestantse Gemeente De Ark", "organisation", "faith", ZUID,
     "Ds. Marieke Brouwer", "passion",
     "Wekelijkse soeptafel voor wie niet alleen wil eten."),
    ("moskee", "Stichting Moskee Al Noor", "organisation", "faith", OOST,
     "Hassan Ouali (bestuurslid)", "necessity",
     "Vrouwen en ouderen uit de gemeenschap vragen om taalles en hulp met formulieren."),
    ("vv-heidebroek", "v.v. Heidebroek Vooruit", "organisation", "associations", HEIDEBROEK,
     "Gert Kuipers (voorzitter)", "necessity",
     "Kantine is de huiskamer van het dorp en een belangrijke inkomstenbron."),
    ("dorpsraad", "Dorpsraad Heidebroek", "organisation", "associations", HEIDEBROEK,
     "Henk Mulder (voorzitter)", "necessity",
     "Heeft een dorpsvisie 2030 en wil dat het dorp leefbaar blijft."),
    ("dorpshuis-lindewaard", "Dorpshuis 't Lindehof", "organisation", "associations",
     LINDEWAARD, "Jolanda Smits (beheerder)", "necessity",
     "Draait op een handvol vrijwilligers; voelt zich vergeten naast Heidebroek."),
    # residents
    ("henk-mulder", "Henk Mulder (voorzitter Dorpsraad Heidebroek)", "person", "residents",
     HEIDEBROEK, None, "necessity",
     "Wil de dorpsvisie uitvoeren, maar zonder extra vergaderingen."),
    ("anneke-bos", "Anneke Bos", "person", "residents", HEIDEBROEK, None, "both",
     "Beheert de dorpsapp, draait de koffieochtend en het Repair Café; de spil van het dorp."),
    ("jongerenraad", "Jongerenraad Heidebroek", "group", "residents", HEIDEBROEK,
     "Daan Hoekstra (17)", "passion",
     "Wil een eigen plek in het dorp en meepraten over plannen."),
    ("mohamed", "Mohamed El Amrani", "person", "residents", OOST, None, "passion",
     "Taalvrijwilliger en sleutelfiguur in Oost; kent de wijk en de moskee."),
    ("gerda", "Gerda Janssen", "person", "residents", ZUID, None, "necessity",
     "Mantelzorger voor haar man; mist zelf contact met anderen."),
    # business and media
    ("ondernemers", "Ondernemersvereniging Sleutelstad Centrum", "organisation", "business",
     CENTRUM, "Peter de Wit (voorzitter)", "necessity",
     "Leegstand in het centrum; zoekt meer bezoekers en personeel."),
    ("dorpswinkel", "Dorpswinkel Heidebroek", "organisation", "business", HEIDEBROEK,
     "Linda Mulder (eigenaar)", "necessity",
     "Laatste winkel in het dorp; het prikbord is het dorpsnieuws."),
    ("krant", "Sleutelwaards Nieuwsblad", "organisation", "media", None,
     "Tom Verhagen (redacteur)", "passion",
     "Huis-aan-huisblad met een rubriek over lokale initiatieven."),
])


# --------------------------------------------------------------------------------------
# Positions: stakeholder, theme, influence 1-5, attitude -2..2, interest 1-5, trust 1-5
# --------------------------------------------------------------------------------------

POSITIONS = _rows("stakeholder theme influence attitude interest trust", [
    ("bibliotheek", E, 4, 2, 5, 4), ("bibliotheek", L, 4, 2, 5, 4), ("bibliotheek", H, 3, 1, 3, 3),
    ("sascha", E, 2, 2, 5, 5), ("sascha", L, 2, 2, 4, 5), ("sascha", H, 2, 2, 4, 4),
    ("wethouder", E, 5, 1, 4, 3), ("wethouder", L, 5, 0, 2, 3), ("wethouder", H, 4, -1, 2, 2),
    ("gem-sociaal", E, 4, 2, 4, 4), ("gem-sociaal", L, 4, 1, 4, 3),
    ("gem-financien", E, 5, -1, 2, 2), ("gem-financien", L, 5, -1, 2, 2),
    ("gem-financien", H, 5, -2, 2, 2),
    ("gem-kernen", H, 3, 0, 3, 3),
    ("bs-regenboog", L, 2, 1, 3, 3),
    ("bs-heidepad", H, 2, 1, 3, 3), ("bs-heidepad", L, 2, 1, 2, 3),
    ("sleutelwaard-college", L, 3, 0, 2, 2), ("sleutelwaard-college", E, 2, 1, 2, 3),
    ("taalhuis", L, 3, 2, 5, 4),
    ("taal-telt", L, 3, 2, 4, 4),
    ("huisarts-smit", E, 3, 1, 3, 3), ("huisarts-smit", H, 3, 1, 2, 3),
    ("gezondheidscentrum-oost", E, 4, 2, 4, 4), ("gezondheidscentrum-oost", L, 3, 1, 3, 3),
    ("thuiszorg", E, 3, 1, 4, 3),
    ("welzijn", E, 4, 2, 5, 4), ("welzijn", L, 3, 1, 3, 3),
    ("samen-verder", E, 3, -1, 4, 1), ("samen-verder", L, 2, 0, 2, 2),
    ("vrijwilligerscentrale", E, 2, 1, 3, 4), ("vrijwilligerscentrale", L, 2, 1, 3, 4),
    ("vrijwilligerscentrale", H, 1, 0, 1, 3),
    ("wijkcentrum-schakel", E, 2, 2, 4, 4), ("wijkcentrum-schakel", L, 2, 1, 3, 4),
    ("woonstichting", E, 3, 1, 3, 3), ("woonstichting", H, 4, -1, 3, 2),
    ("woonstichting", L, 2, 0, 1, 3),
    ("ouderenbond", E, 3, 2, 5, 4),
    ("seniorensoos-ambachtsveen", E, 1, 2, 3, 3),
    ("cultuurhuis", E, 2, 0, 2, 3),
    ("historische-kring", H, 1, 1, 3, 4),
    ("kerk", E, 2, 2, 4, 4),
    ("moskee", L, 2, 1, 3, 2), ("moskee", E, 2, 1, 2, 2),
    ("vv-heidebroek", H, 3, -2, 3, 2),
    ("dorpsraad", H, 4, 1, 5, 3),
    ("dorpshuis-lindewaard", H, 1, -1, 2, 2), ("dorpshuis-lindewaard", E, 1, 1, 2, 2),
    ("henk-mulder", H, 4, 0, 4, 3),
    ("anneke-bos", H, 3, 2, 5, 5), ("anneke-bos", E, 2, 2, 4, 4),
    ("jongerenraad", H, 1, 2, 5, 3), ("jongerenraad", E, 1, 1, 2, 3),
    ("mohamed", L, 2, 2, 5, 4), ("mohamed", E, 1, 1, 2, 3),
    ("gerda", E, 1, 2, 5, 3),
    ("ondernemers", L, 2, 0, 1, 2), ("ondernemers", E, 2, 1, 1, 3),
    ("dorpswinkel", H, 2, -1, 2, 3),
    ("krant", E, 3, 1, 2, 3), ("krant", L, 3, 1, 2, 3), ("krant", H, 3, 0, 2, 3),
])


# --------------------------------------------------------------------------------------
# Forces (Lewin): theme, direction, strength 1-5, description, stakeholder, action
# --------------------------------------------------------------------------------------

FORCES = _rows("theme direction strength description stakeholder action", [
    (E, "driving", 4, "Ouderenbond en Welzijn Sleutelwaard willen samen een vast "
     "ontmoetingsprogramma in de wijken", "welzijn", None),
    (E, "driving", 4, "Huisartsen en de POH-ouderen zien veel eenzame ouderen en willen kunnen "
     "doorverwijzen naar activiteiten", "gezondheidscentrum-oost",
     "Afspraak met de POH over doorverwijzen naar de leesgroep en de koffieochtend"),
    (E, "driving", 4, "Eenzaamheid is een speerpunt in het beleidsplan sociaal domein van de "
     "gemeente", "gem-sociaal", None),
    (E, "driving", 3, "De vestigingen in de dorpen zijn vertrouwde, laagdrempelige plekken "
     "dichtbij huis", "bibliotheek", None),
    (E, "driving", 3, "Veel vitale senioren willen zelf iets organiseren voor leeftijdgenoten",
     "vrijwilligerscentrale", "Vacature 'gastvrouw/gastheer koffieochtend' uitzetten"),
    (E, "driving", 2, "Kerk De Ark heeft al een wekelijkse soeptafel met een trouwe groep "
     "bezoekers", "kerk", None),
    (E, "restraining", 5, "Wie het meest eenzaam is, komt het minst de deur uit en is het "
     "moeilijkst te bereiken", None,
     "Thuiszorg en ouderenadviseur nodigen persoonlijk uit; ophaalservice met vrijwilligers"),
    (E, "restraining", 3, "Stichting Samen Verder ziet de bibliotheek als concurrent van haar "
     "eigen ontmoetingsprogramma", "samen-verder",
     "Gesprek over taakverdeling en een gezamenlijke activiteitenkalender"),
    (E, "restraining", 3, "Subsidie voor activiteiten is maar voor één jaar toegezegd",
     "gem-financien", None),
    (E, "restraining", 3, "Schaamte: niemand wil 'eenzaam' genoemd worden, een activiteit met "
     "dat woord trekt niemand", None,
     "Spreek over ontmoeten, lezen en verhalen, niet over eenzaamheid"),
    (L, "driving", 4, "Taalhuis en Stichting Taal Telt hebben ervaren taalvrijwilligers en "
     "lesmateriaal", "taalhuis", None),
    (L, "driving", 4, "De digitale overheid (DigiD, toeslagen) maakt hulp dichtbij huis "
     "noodzakelijk", None, None),
    (L, "driving", 3, "Sleutelfiguren zoals Mohamed El Amrani en de moskee bereiken "
     "nieuwkomers in Oost", "mohamed", None),
    (L, "driving", 3, "Huisartsen herkennen laaggeletterdheid en willen een warme overdracht",
     "gezondheidscentrum-oost",
     "Training 'signaleren en doorverwijzen' voor de praktijkassistenten"),
    (L, "driving", 2, "Basisschool De Regenboog wil ouders betrekken via voorleesochtenden",
     "bs-regenboog", None),
    (L, "restraining", 5, "Laaggeletterdheid is onzichtbaar en gaat samen met schaamte; mensen "
     "melden zich niet zelf", None,
     "Werven via vertrouwde plekken: school, moskee, huisarts en wijkcentrum"),
    (L, "restraining", 4, "De gemeente financiert het Taalhuis per jaar en rekent af op "
     "aantallen cursisten", "gem-financien",
     "Met team Sociaal Domein een rapportage maken met cijfers én verhalen"),
    (L, "restraining", 3, "Te weinig vrijwilligers die digitale vaardigheden kunnen "
     "overbrengen", "vrijwilligerscentrale", None),
    (L, "restraining", 3, "Cursussen zijn alleen in de hoofdvestiging, niet in de dorpen",
     "bibliotheek", None),
    (L, "restraining", 2, "Werkgevers zien laaggeletterdheid niet als hun probleem",
     "ondernemers", None),
    (H, "driving", 5, "Anneke Bos en een kleine groep bewoners nemen veel initiatief "
     "(dorpsapp, koffieochtend, Repair Café)", "anneke-bos",
     "Per activiteit een tweede trekker werven"),
    (H, "driving", 3, "De Jongerenraad wil een eigen plek en heeft ideeën voor het dorp",
     "jongerenraad", None),
    (H, "driving", 3, "De vestiging Heidebroek ligt midden in het dorp en is ook op zaterdag "
     "open", "bibliotheek", None),
    (H, "driving", 3, "De dorpsraad heeft een dorpsvisie 2030 met een lijst wensen",
     "dorpsraad", None),
    (H, "driving", 2, "De Historische Kring wil dorpsverhalen verzamelen en laten zien",
     "historische-kring", None),
    (H, "restraining", 5, "De gemeente bezuinigt op de kernen; minder openingsuren voor de "
     "vestiging Heidebroek ligt op tafel", "gem-financien",
     "Bezoekcijfers en verhalen van inwoners voor de gemeenteraad verzamelen"),
    (H, "restraining", 4, "Alles hangt op een paar vrijwilligers; overbelasting ligt op de loer",
     "anneke-bos", None),
    (H, "restraining", 3, "De voetbalvereniging ziet een ontmoetingsplek in de bibliotheek als "
     "concurrent van de kantine", "vv-heidebroek",
     "De kantine als tweede locatie voor de dorpsavond aanbieden"),
    (H, "restraining", 3, "De woonstichting stelt onderhoud en nieuwbouw in Heidebroek uit",
     "woonstichting", None),
    (H, "restraining", 2, "Oud zeer tussen Heidebroek en Lindewaard over de verdeling van "
     "voorzieningen", "dorpshuis-lindewaard", None),
])


# --------------------------------------------------------------------------------------
# Step 4c: relations. Three clusters; broker: vrijwilligerscentrale; mohamed bridges Oost.
# source, target, kind, directed, strength, theme, note
# --------------------------------------------------------------------------------------

_ = None
RELATIONS = _rows("source target kind directed strength theme note", [
    # municipality
    ("gem-financien", "bibliotheek", "funding", True, 5, _, "Jaarlijkse subsidie"),
    ("gem-financien", "welzijn", "funding", True, 4, _, "Subsidie welzijnswerk"),
    ("gem-financien", "taalhuis", "funding", True, 3, L, "Jaarsubsidie Taalhuis"),
    ("gem-financien", "gem-kernen", "influence", True, 3, H, "Bezuinigingsopdracht kernen"),
    ("wethouder", "gem-sociaal", "influence", True, 4, _, None),
    ("wethouder", "gem-financien", "influence", True, 3, _, None),
    ("wethouder", "krant", "information", False, 3, _, "Vaste column"),
    ("gem-sociaal", "welzijn", "influence", True, 3, E, "Opdrachtgever welzijnswerk"),
    ("gem-sociaal", "samen-verder", "funding", True, 3, E, None),
    ("gem-sociaal", "gem-kernen", "information", False, 3, _, None),
    ("gem-kernen", "dorpsraad", "funding", True, 2, H, "Leefbaarheidsbudget"),
    ("gem-kernen", "dorpshuis-lindewaard", "funding", True, 1, _,
     "Kleine bijdrage in de energiekosten; verder weinig contact"),
    ("woonstichting", "gem-sociaal", "collaboration", False, 3, _, "Prestatieafspraken"),
    ("ouderenbond", "wethouder", "influence", True, 3, E, "Lobby voor ontmoetingsplekken"),
    ("samen-verder", "wethouder", "influence", True, 2, E, "Lobby voor eigen programma"),
    ("henk-mulder", "wethouder", "influence", True, 3, H, "Dorpsvisie 2030 aangeboden"),
    # city care and welfare cluster
    ("welzijn", "gezondheidscentrum-oost", "collaboration", False, 4, E, "Welzijn op recept"),
    ("welzijn", "thuiszorg", "collaboration", False, 4, E, None),
    ("welzijn", "ouderenbond", "collaboration", False, 3, E, "Ouderenadvies en huisbezoek"),
    ("welzijn", "wijkcentrum-schakel", "collaboration", False, 5, _, "Beheer van het wijkcentrum"),
    ("welzijn", "samen-verder", "conflict", False, 3, E, "Concurreren om dezelfde subsidie"),
    ("welzijn", "woonstichting", "collaboration", False, 2, _, None),
    ("thuiszorg", "gezondheidscentrum-oost", "collaboration", False, 4, _, None),
    ("thuiszorg", "gerda", "information", True, 2, E, "Wijkverpleging bij haar man"),
    ("thuiszorg", "samen-verder", "collaboration", False, 2, _, None),
    ("thuiszorg", "seniorensoos-ambachtsveen", "information", False, 2, E, None),
    ("gerda", "kerk", "collaboration", False, 3, E, "Vrijwilliger bij de soeptafel"),
    ("kerk", "ouderenbond", "information", False, 2, _, None),
    ("ouderenbond", "seniorensoos-ambachtsveen", "collaboration", False, 3, E, None),
    ("samen-verder", "woonstichting", "collaboration", False, 3, E, "Koffie met de huismeester"),
    ("woonstichting", "wijkcentrum-schakel", "funding", True, 2, _, None),
    ("cultuurhuis", "ouderenbond", "collaboration", False, 2, E, "Muziekmiddagen"),
    ("gezondheidscentrum-oost", "wijkcentrum-schakel", "information", False, 3, _, None),
    # education and literacy cluster
    ("taalhuis", "taal-telt", "collaboration", False, 5, L, "Training taalvrijwilligers"),
    ("taal-telt", "taalhuis", "funding", True, 2, L, "Projectgeld digitale inclusie"),
    ("taalhuis", "bs-regenboog", "collaboration", False, 3, L, None),
    ("taalhuis", "mohamed", "collaboration", False, 4, L, "Taalmaatje"),
    ("taalhuis", "sleutelwaard-college", "collaboration", False, 2, L, "NT2 voor ouders"),
    ("mohamed", "moskee", "collaboration", False, 4, L, None),
    ("bs-regenboog", "sleutelwaard-college", "information", False, 2, _, "Overstap groep 8"),
    ("taal-telt", "sleutelwaard-college", "information", True, 2, L, None),
    ("ondernemers", "taalhuis", "information", False, 1, L, None),
    ("ondernemers", "sleutelwaard-college", "collaboration", False, 2, _, "Stageplaatsen"),
    ("ondernemers", "krant", "funding", True, 2, _, "Advertenties"),
    ("sleutelwaard-college", "cultuurhuis", "collaboration", False, 2, _, "Cultuureducatie"),
    # Heidebroek village cluster: much runs through Anneke Bos
    ("anneke-bos", "dorpsraad", "collaboration", False, 5, H, "Secretaris"),
    ("anneke-bos", "henk-mulder", "collaboration", False, 4, H, None),
    ("anneke-bos", "jongerenraad", "collaboration", False, 4, H, "Begeleidt de Jongerenraad"),
    ("anneke-bos", "bs-heidepad", "collaboration", False, 3, H, "Oudervereniging"),
    ("anneke-bos", "historische-kring", "collaboration", False, 3, H, None),
    ("anneke-bos", "dorpswinkel", "collaboration", False, 3, H, "Prikbord en dorpsapp"),
    ("anneke-bos", "huisarts-smit", "information", False, 3, E,
     "Meldt ouderen die alleen thuis zitten"),
    ("anneke-bos", "bibliotheek", "collaboration", False, 4, H,
     "Koffieochtend in de vestiging Heidebroek"),
    ("henk-mulder", "dorpsraad", "collaboration", False, 5, H, "Voorzitter"),
    ("dorpsraad", "vv-heidebroek", "conflict", False, 3, H, "Onenigheid over de kantine"),
    ("dorpswinkel", "vv-heidebroek", "funding", True, 2, _, "Sponsor"),
    ("jongerenraad", "vv-heidebroek", "information", False, 2, _, None),
    ("jongerenraad", "bs-heidepad", "information", False, 1, _, None),
    ("bs-heidepad", "historische-kring", "collaboration", False, 2, H, "Projectweek dorp"),
    ("historische-kring", "dorpsraad", "collaboration", False, 2, H, None),
    ("dorpswinkel", "dorpsraad", "information", False, 2, _, None),
    ("huisarts-smit", "dorpsraad", "information", False, 2, H, None),
    # the library and Sascha: one partner among many
    ("bibliotheek", "sascha", "collaboration", False, 5, _, None),
    ("bibliotheek", "taalhuis", "collaboration", False, 4, L, "Taalhuis in de hoofdvestiging"),
    ("bibliotheek", "welzijn", "collaboration", False, 3, E, None),
    ("bibliotheek", "krant", "information", True, 2, _, "Persberichten"),
    ("bibliotheek", "cultuurhuis", "collaboration", False, 2, _, None),
    ("sascha", "ouderenbond", "information", False, 3, E, None),
    ("sascha", "anneke-bos", "information", False, 3, H, None),
    ("krant", "ouderenbond", "information", False, 2, _, None),
    ("krant", "dorpsraad", "information", False, 3, H, "Rubriek 'Uit de dorpen'"),
    # brokers between the clusters
    ("vrijwilligerscentrale", "welzijn", "collaboration", False, 4, _, None),
    ("vrijwilligerscentrale", "taalhuis", "collaboration", False, 4, L,
     "Werving taalvrijwilligers"),
    ("vrijwilligerscentrale", "sleutelwaard-college", "collaboration", False, 3, _,
     "Maatschappelijke stage"),
    ("vrijwilligerscentrale", "anneke-bos", "information", False, 3, H, None),
    ("vrijwilligerscentrale", "dorpsraad", "information", False, 2, H,
     "Vacatures van de dorpsraad op de vacaturebank"),
    ("vrijwilligerscentrale", "jongerenraad", "collaboration", False, 2, H,
     "Vrijwilligerswerk voor jongeren"),
    ("vrijwilligerscentrale", "thuiszorg", "collaboration", False, 2, E, "Vervoer ouderen"),
    ("mohamed", "wijkcentrum-schakel", "collaboration", False, 4, L, "Taalcafé in het wijkcentrum"),
    ("mohamed", "gezondheidscentrum-oost", "information", False, 3, L,
     "Helpt patiënten met formulieren en verwijst door"),
])


# --------------------------------------------------------------------------------------
# Step 3: conversations
# --------------------------------------------------------------------------------------

CONVERSATIONS = [
    {"id": "c01", "date": "2026-01-20", "theme": E, "format": "individual",
     "participants": ["sascha", "ouderenbond"],
     "summary": "Kennismaking met Jan Willems van de Ouderenbond. Sascha vroeg vooral door: "
                "'Wanneer voelde u zich voor het laatst echt welkom ergens?' Jan vertelde dat "
                "veel leden na het overlijden van hun partner afhaken. Ze willen niet naar "
                "'een activiteit voor eenzame mensen', wel naar iets waar ze zelf iets kunnen "
                "bijdragen.",
     "action_points": ["Jan zoekt drie leden die willen meedenken",
                       "Sascha koppelt terug wat het team intern kan oppakken"],
     "follow_up": "2026-02-10"},
    {"id": "c02", "date": "2026-02-03", "theme": E, "format": "group",
     "participants": ["sascha", "seniorensoos-ambachtsveen", "gerda"],
     "summary": "Koffieochtend in de vestiging Ambachtsveen met de Seniorensoos. Met de "
                "gespreksstarter 'Wat zou u hier graag zelf willen doen?' kwam het idee van "
                "een leesgroep met verhalen van vroeger. Gerda vertelde hoe zwaar mantelzorg "
                "is en dat ze een uur voor zichzelf mist.",
     "action_points": ["Proefbijeenkomst leesgroep in maart",
                       "Truus Hermans wil de eerste keer gastvrouw zijn"],
     "follow_up": "2026-03-03"},
    {"id": "c03", "date": "2026-02-17", "theme": L, "format": "group",
     "participants": ["sascha", "mohamed", "taalhuis", "moskee"],
     "summary": "Gesprek in Wijkcentrum De Schakel. Sascha hield zich bewust in en vroeg wat "
                "er al gebeurt. Mohamed helpt buren wekelijks met brieven van de gemeente; "
                "vrouwen uit de moskee willen oefenen met Nederlands praten, liefst dichtbij "
                "en met kinderopvang. Het Taalhuis kan vrijwilligers leveren, maar niet de "
                "plek.",
     "action_points": ["Taalcafé Oost starten in het wijkcentrum",
                       "Mohamed en het Taalhuis zijn samen trekker"],
     "follow_up": "2026-03-10"},
    {"id": "c04", "date": "2026-03-05", "theme": H, "format": "group",
     "participants": ["sascha", "anneke-bos", "henk-mulder", "jongerenraad", "vv-heidebroek"],
     "summary": "Dorpsgesprek in de vestiging Heidebroek. Iedereen schreef op een kaartje wat "
                "hij mist in het dorp. Jongeren willen een eigen hoek, ouderen een plek om "
                "koffie te drinken. De voetbalvereniging vond dat daar de kantine al voor is. "
                "Bijna alle ideeën kwamen bij Anneke terecht, dat is een aandachtspunt.",
     "action_points": ["Dorpsavond 'Heidebroek in 2030' in mei",
                       "Per idee een tweede trekker zoeken",
                       "Gesprek met de voetbalvereniging over samenwerking"],
     "follow_up": "2026-04-02"},
    {"id": "c05", "date": "2026-03-19", "theme": E, "format": "group",
     "participants": ["sascha", "gezondheidscentrum-oost", "welzijn"],
     "summary": "De POH-ouderen en de ouderenadviseur zien dezelfde mensen. Ze willen kunnen "
                "doorverwijzen naar iets concreets en dichtbij. Sascha vroeg wat er nodig is "
                "om een verwijzing ook echt te laten slagen: een vast gezicht dat iemand de "
                "eerste keer ontvangt.",
     "action_points": ["Welzijn op recept uitwerken met vaste gastvrouwen",
                       "Folder in eenvoudige taal voor de wachtkamer"],
     "follow_up": "2026-05-01"},
    {"id": "c06", "date": "2026-04-09", "theme": L, "format": "group",
     "participants": ["sascha", "gem-sociaal", "gem-financien"],
     "summary": "Overleg over de subsidie voor het Taalhuis. Financiën wil aantallen, Sociaal "
                "Domein ziet de waarde van kleine groepen dichtbij huis. Afgesproken is te "
                "rapporteren met cijfers en met verhalen van deelnemers.",
     "action_points": ["Format voor een rapportage met cijfers en verhalen"],
     "follow_up": None},
    {"id": "c07", "date": "2026-04-23", "theme": H, "format": "group",
     "participants": ["sascha", "jongerenraad"],
     "summary": "Met vijf leden van de Jongerenraad. Op de vraag 'Wat zou je zelf willen "
                "organiseren?' kwamen een gamemiddag voor jong en oud en een eigen hoek in de "
                "vestiging. Ze willen het zelf regelen, maar zonder dat Anneke alles moet "
                "goedkeuren.",
     "action_points": ["Jongerenraad maakt een plan voor de jongerenhoek"],
     "follow_up": "2026-06-04"},
    {"id": "c08", "date": "2026-05-12", "theme": E, "format": "group",
     "participants": ["sascha", "samen-verder", "welzijn"],
     "summary": "Gesprek over taakverdeling met Stichting Samen Verder en Welzijn "
                "Sleutelwaard. Samen Verder bleef wantrouwig over de rol van de bibliotheek. "
                "Het gesprek leverde nog geen afspraken op; wel het voorstel om één "
                "gezamenlijke activiteitenkalender te maken.",
     "action_points": ["Sascha stuurt een voorstel voor een gezamenlijke kalender"],
     "follow_up": "2026-09-15"},
]


# --------------------------------------------------------------------------------------
# Step 4a: segments of interest (codes from data/sample-route/area/segment_scheme.csv)
# --------------------------------------------------------------------------------------

SEGMENT_SELECTIONS = _rows("theme segment area reason added", [
    (E, "K01", WEST, "Alleenwonende ouderen na verlies van een partner; in West even gewoon "
     "als in de hele gemeente (index rond 100), maar de bibliotheek bereikt er weinig: nog geen "
     "1 op de 10 huishoudens is lid", "2026-01-28"),
    (E, "H04", AMBACHTSVEEN, "Oudere dorpelingen; de Seniorensoos wordt kleiner en de vestiging "
     "is dichtbij", "2026-02-05"),
    (L, "G01", OOST, "Nieuwkomers die de taal nog leren; sterk vertegenwoordigd in Oost",
     "2026-02-20"),
    (L, "F", OOST, "Huishoudens met een krappe beurs; veel digitale formulieren voor toeslagen",
     "2026-02-20"),
    (H, "E01", HEIDEBROEK, "Jonge gezinnen in de nieuwbouw die nog weinig aansluiting hebben bij "
     "het dorp", "2026-03-12"),
])


# --------------------------------------------------------------------------------------
# Step 4d: personas (one per theme)
# --------------------------------------------------------------------------------------

PERSONAS = [
    {"id": "riet", "name": "Riet van Dijk", "theme": E, "segment": "K01", "area": WEST,
     "age_band": "75+", "household": "alleenstaand (weduwe)", "income_level": "low",
     "education_level": "low", "digital_skills": "low",
     "media_use": "televisie, huis-aan-huisblad, telefoon met haar dochter",
     "channels": ["huis-aan-huisblad", "huisarts/wijkverpleging", "mond-tot-mondreclame"],
     "quote": "Ik wil niet naar een club voor zielige mensen. Maar een boek bespreken, dat "
              "lijkt me wel wat.",
     "bio": "Riet (79) woont sinds de dood van haar man alleen in een flat in Sleutelstad "
            "West. Haar dochter woont in een andere provincie. Ze leest veel, maar praat soms "
            "dagen met niemand. De wijkverpleegkundige komt twee keer per week.",
     "passions": ["lezen", "handwerken", "verhalen van vroeger"],
     "necessities": ["contact met anderen", "vervoer naar activiteiten"],
     "needs": ["een vast gezicht dat haar de eerste keer ontvangt",
               "iets bijdragen in plaats van alleen ontvangen"],
     "barriers": ["slecht ter been", "schaamte", "informatie alleen online"],
     "participation": "offline", "community_role": "by",
     "conversations": ["c01", "c05"], "source": "segment"},
    {"id": "samira", "name": "Samira Haddad", "theme": L, "segment": "G01", "area": OOST,
     "age_band": "25-44", "household": "gezin met jonge kinderen", "income_level": "low",
     "education_level": "low", "digital_skills": "middle",
     "media_use": "WhatsApp, video's en tv in de eigen taal",
     "channels": ["WhatsApp", "school", "religieuze gemeenschap", "wijkcentrum"],
     "quote": "Op mijn telefoon kan ik alles, behalve de brieven van de gemeente begrijpen.",
     "bio": "Samira (34) kwam vier jaar geleden naar Nederland en woont met haar man en twee "
            "kinderen in Sleutelstad Oost. Ze spreekt redelijk Nederlands, maar lezen en "
            "schrijven gaan moeizaam. Voor formulieren vraagt ze hulp aan Mohamed.",
     "passions": ["koken", "haar kinderen helpen met school"],
     "necessities": ["formulieren en toeslagen", "werk vinden"],
     "needs": ["oefenen met praten in een veilige groep", "kinderopvang tijdens de les",
               "hulp dichtbij huis"],
     "barriers": ["schaamte", "geen oppas", "onbekend met de bibliotheek"],
     "participation": "both", "community_role": "for",
     "conversations": ["c03"], "source": "segment"},
    {"id": "lotte", "name": "Lotte Verbruggen", "theme": H, "segment": "E01", "area": HEIDEBROEK,
     "age_band": "25-44", "household": "gezin met jonge kinderen", "income_level": "middle",
     "education_level": "middle", "digital_skills": "high",
     "media_use": "Instagram, ouder-apps, WhatsApp-groepen",
     "channels": ["Instagram", "WhatsApp", "school", "consultatiebureau"],
     "quote": "We wonen hier nu twee jaar, maar ik ken alleen de buren van het schoolplein.",
     "bio": "Lotte (31) verhuisde met haar partner en twee peuters naar de nieuwbouw aan de "
            "rand van Heidebroek. Ze werkt drie dagen in de stad. Ze wil graag meedoen in het "
            "dorp, maar de verenigingen voelen als een gesloten kring.",
     "passions": ["buiten spelen met de kinderen", "moestuinieren"],
     "necessities": ["opvang en school dichtbij", "contact met andere ouders"],
     "needs": ["activiteiten op zaterdag of 's avonds", "een klus met een begin en een eind"],
     "barriers": ["weinig tijd", "kent de ongeschreven regels van het dorp niet"],
     "participation": "both", "community_role": "of",
     "conversations": ["c04", "c07"], "source": "segment"},
]


# --------------------------------------------------------------------------------------
# Step 5: POST-O (full for eenzaamheid, partial for laaggeletterdheid)
# --------------------------------------------------------------------------------------

POST_O = [
    {"theme": E,
     "people": {
         "personas": ["riet"],
         "participation": "Vooral offline: koffie, een boek en een vast gezicht. Online alleen "
                          "via kinderen of de telefoon.",
         "channels": ["huis-aan-huisblad", "huisarts/wijkverpleging", "mond-tot-mondreclame",
                      "lokale radio"],
         "digital_skills": "Laag; een tablet wordt soms gebruikt om met kleinkinderen te "
                           "beeldbellen.",
         "notes": "De meest eenzame ouderen bereik je via thuiszorg, huisarts en buren."},
     "objectives": {
         "library": "De vestigingen worden erkend als ontmoetingsplek in het beleid tegen "
                    "eenzaamheid.",
         "community": "Ergens bij horen en iets kunnen bijdragen, zonder het etiket 'eenzaam'.",
         "shared": "Eind 2027 een vast, door deelnemers gedragen ontmoetingsprogramma in West "
                   "en Ambachtsveen.",
         "roles": "Deelnemers zijn gastvrouw/gastheer; de bibliotheek biedt ruimte, collectie "
                  "en netwerk; welzijn en huisarts verwijzen."},
     "strategy": {
         "positioning": "Niet 'tegen eenzaamheid', maar 'lezen, verhalen en koffie'.",
         "programme": "Leesgroep Verhalen van vroeger, Koffie & Krant, welzijn op recept, "
                      "ophaalservice.",
         "connection": "Vaste gastvrouwen koppelen nieuwe bezoekers aan een vaste tafel."},
     "technology": {
         "channels": ["huis-aan-huisblad", "lokale radio", "telefoonboom"],
         "tools": ["papieren programmakaart", "doorverwijskaart voor de POH"],
         "notes": "Geen online platform: de doelgroep zit er niet."},
     "organization": {
         "roles": "Sascha faciliteert; twee collega's van de vestigingen zijn vast aanspreekpunt.",
         "hours": "Sascha 8 uur per week; vestigingsmedewerkers 2 uur per week.",
         "space": "Leestafel hoofdvestiging (di/do-ochtend), vestiging Ambachtsveen "
                  "(woensdagmiddag).",
         "notes": "Vraagt om een andere houding aan de balie: tijd voor een praatje."}},
    {"theme": L,
     "people": {
         "personas": ["samira"],
         "participation": "Offline in een vertrouwde groep; WhatsApp voor afspraken.",
         "channels": ["WhatsApp", "school", "religieuze gemeenschap"]},
     "objectives": {
         "library": "Het Taalhuis en het Digisteunpunt bereiken inwoners buiten het centrum.",
         "community": "Zelf brieven begrijpen en de kinderen kunnen helpen met school."},
     "organization": {
         "space": "Wijkcentrum De Schakel, dinsdagochtend."}},
]


# --------------------------------------------------------------------------------------
# Step 6: knowledge creation (Lankes)
# --------------------------------------------------------------------------------------

KNOWLEDGE = [
    {"theme": E,
     "access": {"score": 4, "note": "Leestafels in twee vestigingen, grote-letterboeken en "
                                    "een telefoonboom; vervoer blijft lastig."},
     "knowledge": {"score": 3, "note": "Ouderenadviseur en POH delen hun kennis; verhalen "
                                       "van deelnemers worden nog niet vastgelegd."},
     "environment": {"score": 4, "note": "Vertrouwde, rustige plek met koffie; de "
                                         "hoofdvestiging is op zaterdag te druk."},
     "motivation": {"score": 2, "note": "Deelnemers komen graag maar nemen nog weinig zelf "
                                        "op; gastvrouwen zijn nog in opleiding."},
     "stage": "shared_activity",
     "notes": "Volgende stap: deelnemers kiezen zelf de boeken en het thema van de maand."},
    {"theme": H,
     "access": {"score": 3, "note": "Dorpsapp en prikbord bereiken velen, nieuwbouwgezinnen "
                                    "nog niet."},
     "knowledge": {"score": 2, "note": "Veel ideeën, weinig kennis over subsidies en "
                                       "vergunningen; de Historische Kring heeft archief."},
     "environment": {"score": 4, "note": "De vestiging is neutraal terrein tussen dorpsraad "
                                         "en voetbalvereniging."},
     "motivation": {"score": 5, "note": "Enthousiasme is groot, maar rust op één persoon; "
                                       "soms is afremmen nodig om anderen ruimte te geven."},
     "stage": "knowledge_creation",
     "notes": "Gedeeld eigenaarschap ontstaat pas als trekkers elkaar kunnen vervangen."},
]


# --------------------------------------------------------------------------------------
# Step 7: project plan
# --------------------------------------------------------------------------------------

GOALS = [
    {"id": "g1", "theme": E,
     "text": "Eind 2027 komen 120 ouderen uit Sleutelstad West en Ambachtsveen minstens één "
             "keer per maand naar een ontmoeting in of rond de bibliotheek",
     "measure": "Unieke deelnemers per wijk (presentielijsten van gastvrouwen)",
     "deadline": "2027-12-31", "owners": ["sascha", "welzijn", "ouderenbond"]},
    {"id": "g2", "theme": L,
     "text": "In 2027 volgen 80 inwoners van Sleutelstad Oost een taal- of digitaal traject "
             "dichtbij huis, van wie 40 via een sleutelfiguur of vertrouwde plek",
     "measure": "Deelnemers Taalcafé en Digisteunpunt, met de manier waarop ze binnenkwamen",
     "deadline": "2027-12-31", "owners": ["taalhuis", "mohamed"]},
    {"id": "g3", "theme": H, "text": "Heidebroek wordt gezelliger en levendiger",
     "owners": ["anneke-bos", "dorpsraad"]},
    {"id": "g4", "theme": H,
     "text": "Per 1 juli 2027 heeft elke activiteit in Heidebroek minstens twee trekkers uit "
             "het dorp, van wie één jonger dan 30",
     "measure": "Aantal activiteiten met twee of meer trekkers (overzicht dorpsraad)",
     "deadline": "2027-07-01", "owners": ["dorpsraad", "jongerenraad"]},
]

ACTIVITIES = _rows("id goal name start end owners contributors status", [
    ("a01", "g1", "Leesgroep 'Verhalen van vroeger' in de vestiging Ambachtsveen",
     "2026-03-01", "2027-12-31", ["bibliotheek"],
     ["seniorensoos-ambachtsveen", "ouderenbond"], "running"),
    ("a02", "g1", "Koffie & Krant-ochtend in de hoofdvestiging", "2026-02-01", "2027-12-31",
     ["bibliotheek", "sascha"], ["welzijn", "vrijwilligerscentrale"], "running"),
    ("a03", "g1", "Welzijn op recept: de POH verwijst naar ontmoetingen", "2026-05-01",
     "2027-06-30", ["gezondheidscentrum-oost", "welzijn"], ["bibliotheek", "thuiszorg"],
     "planned"),
    ("a04", "g1", "Ophaalservice met vrijwilligers voor ouderen die moeilijk de deur uitkomen",
     "2026-09-01", "2027-12-31", ["vrijwilligerscentrale"],
     ["thuiszorg", "ouderenbond", "bibliotheek"], "planned"),
    ("a05", "g2", "Taalcafé Oost in Wijkcentrum De Schakel", "2026-03-15", "2027-12-31",
     ["mohamed", "taalhuis"], ["wijkcentrum-schakel", "moskee", "bibliotheek"], "running"),
    ("a06", "g2", "Digisteunpunt: hulp bij DigiD en toeslagen in de vestigingen", "2026-06-01",
     "2027-12-31", ["bibliotheek"], ["taalhuis", "vrijwilligerscentrale", "sascha"], "planned"),
    ("a07", "g2", "Voorleesochtenden voor ouders op Basisschool De Regenboog", "2026-09-01",
     "2027-07-15", ["bs-regenboog", "taalhuis"], ["taal-telt", "bibliotheek"], "planned"),
    ("a08", "g3", "Dorpsavond 'Heidebroek in 2030'", "2026-05-20", "2026-05-20",
     ["anneke-bos", "bibliotheek"], ["dorpsraad", "jongerenraad", "sascha"], "done"),
    ("a09", "g3", "Repair Café en koffieochtend in de vestiging Heidebroek", "2026-04-01",
     "2027-12-31", ["anneke-bos"], ["bibliotheek", "dorpswinkel"], "running"),
    ("a10", "g3", "Dorpsverhalen verzamelen en tentoonstellen", "2026-09-01", "2027-04-30",
     ["anneke-bos", "historische-kring"], ["bibliotheek", "bs-heidepad", "krant"], "planned"),
    ("a11", "g4", "Jongerenhoek in de vestiging Heidebroek, door en voor jongeren",
     "2026-10-01", "2027-06-30", ["jongerenraad", "anneke-bos"],
     ["bibliotheek", "vrijwilligerscentrale"], "planned"),
    ("a12", "g4", "Trekkerstraining: samen activiteiten organiseren", "2027-01-15",
     "2027-03-31", ["sascha"], ["dorpsraad", "vrijwilligerscentrale"], "planned"),
])

BUDGET = _rows("id activity description cost in_kind subsidy funder", [
    ("b01", "a01", "Grote-letterboeken en koffie leesgroep", 600, 0, 0, "bibliotheek"),
    ("b02", "a02", "Kranten, koffie en thee", 1200, 0, 0, "bibliotheek"),
    ("b03", "a02", "Inzet gastvrouwen en -heren (6 uur per week)", 0, 4700, 0,
     "vrijwilligerscentrale"),
    ("b04", "a03", "Coördinatie welzijn op recept", 6000, 0, 6000, "gem-sociaal"),
    ("b05", "a04", "Kilometervergoeding vrijwillige chauffeurs", 2400, 0, 1800, "gem-sociaal"),
    ("b06", "a05", "Lesmateriaal en koffie Taalcafé", 900, 1500, 900, "taal-telt"),
    ("b07", "a06", "Laptops en training vrijwilligers Digisteunpunt", 4500, 0, 3000,
     "gem-sociaal"),
    ("b08", "a08", "Dorpsavond: zaal, catering en materialen", 750, 400, 500, "gem-kernen"),
    ("b09", "a09", "Gereedschap en onderdelen Repair Café", 800, 0, 800, "gem-kernen"),
    ("b10", "a10", "Vormgeving en druk tentoonstelling dorpsverhalen", 1800, 600, 1000,
     "gem-kernen"),
    ("b11", "a11", "Inrichting jongerenhoek", 2500, 500, 1500, "gem-kernen"),
    ("b12", "a12", "Trainer trekkerstraining", 1500, 0, 0, "bibliotheek"),
    ("b13", None, "Uren community librarian (0,4 fte)", 28000, 0, 0, "bibliotheek"),
])

# id, goal, name, unit, target, reached share by mid-2026 (None: not measured yet), segment, area
_KPIS = [
    ("k01", "g1", "Unieke deelnemers 75+ aan ontmoetingen in West", "personen", 80, 0.35,
     "K01", WEST),
    ("k02", "g1", "Unieke deelnemers aan de leesgroep Ambachtsveen", "personen", 40, 0.55,
     "H04", AMBACHTSVEEN),
    ("k03", "g1", "Doorverwijzingen via de POH-ouderen", "verwijzingen", 30, None, "K", None),
    ("k04", "g2", "Deelnemers Taalcafé Oost", "personen", 50, 0.45, "G01", OOST),
    ("k05", "g2", "Hulpvragen Digisteunpunt", "hulpvragen", 300, None, "F", None),
    ("k06", "g4", "Activiteiten met minstens twee trekkers", "activiteiten", 6, 0.2, None,
     HEIDEBROEK),
    ("k07", "g4", "Jonge ouders uit de nieuwbouw die meedoen aan dorpsactiviteiten", "personen",
     25, 0.3, "E01", HEIDEBROEK),
]

RISKS = _rows("id description likelihood impact mitigation owner", [
    ("r1", "Alles in Heidebroek rust op Anneke Bos; valt zij uit, dan stoppen de activiteiten",
     4, 5, "Per activiteit een tweede trekker werven en taken zichtbaar verdelen", "dorpsraad"),
    ("r2", "De subsidie voor ontmoetingsactiviteiten wordt na 2026 niet verlengd", 3, 4,
     "Resultaten en verhalen vroeg delen met team Sociaal Domein en de wethouder", "sascha"),
    ("r3", "Deelnemers gaan ervan uit dat Sascha alles organiseert", 4, 3,
     "Rol als facilitator benoemen; draaiboeken en sleutels delen met trekkers", "bibliotheek"),
    ("r4", "Concurrentie met Stichting Samen Verder versnippert het aanbod voor ouderen", 3, 3,
     "Eén gezamenlijke activiteitenkalender voorstellen", "welzijn"),
    ("r5", "Laaggeletterden worden via de gebruikelijke kanalen niet bereikt", 4, 4,
     "Werven via sleutelfiguren, moskee, school en huisarts", "taalhuis"),
])

CONTACT_MOMENTS = _rows("id title start duration_minutes recurrence count location "
                        "participants", [
    ("cm1", "Stamtafel ontmoeting: partners en deelnemers", "2026-09-07T14:00", 90, "monthly",
     10, "Hoofdvestiging Sleutelstad",
     ["sascha", "welzijn", "ouderenbond", "gerda", "gezondheidscentrum-oost"]),
    ("cm2", "Dorpsoverleg Heidebroek", "2026-06-17T19:30", 120, "monthly", 12,
     "Vestiging Heidebroek", ["anneke-bos", "dorpsraad", "jongerenraad", "sascha"]),
    ("cm3", "Kwartaaloverleg taalnetwerk", "2026-07-02T10:00", 90, "quarterly", 6,
     "Wijkcentrum De Schakel", ["taalhuis", "taal-telt", "mohamed", "bs-regenboog", "sascha"]),
    ("cm4", "Evaluatie met leidinggevende en team", "2026-06-30T15:00", 60, "quarterly", 6,
     "Hoofdvestiging Sleutelstad", ["sascha", "bibliotheek"]),
])


def _kpis(rng: np.random.Generator) -> list[dict]:
    """KPI rows; actuals are the reached share of the target with a little seeded noise."""
    rows = []
    for kpi_id, goal, name, unit, target, share, segment, area in _KPIS:
        actual = None
        if share is not None:
            actual = float(max(0, round(target * share * rng.uniform(0.85, 1.15))))
        rows.append({"id": kpi_id, "goal": goal, "name": name, "unit": unit,
                     "target": float(target), "actual": actual, "segment": segment,
                     "area": area})
    return rows


def write_organisation(route: Route) -> None:
    """Step 2: Sascha's colleagues (a mix of supporters and sceptics) and her impact plan."""
    route.save("colleagues", _rows("id name role stance spoke_on pioneer note", [
        ("ingrid", "Ingrid Verbeek", "teamleider programmering", "supporter", "2026-01-20",
         False, "Gaf me de opdracht; wil elk kwartaal horen hoe het gaat."),
        ("henk", "Henk de Wit", "collectiespecialist", "sceptic", "2026-01-27", True,
         "'Weer een nieuw project.' Bang dat het collectiewerk blijft liggen; wil wel "
         "meedenken over boeken bij de thema's."),
        ("fatima", "Fatima Ouali", "baliemedewerker hoofdvestiging", "supporter",
         "2026-01-22", True, "Enthousiast; kent veel vaste bezoekers bij naam."),
        ("ruud", "Ruud Jansen", "marketingadviseur", "neutral", "2026-02-03", True,
         "Helpt met de doelgroepanalyse en de cijfers per wijk."),
        ("els", "Els Brouwer", "vestigingscoördinator Heidebroek", "neutral", "2026-02-05",
         True, "Ziet kansen in het dorp, maar heeft weinig uren."),
        ("tom", "Tom Verhoef", "mediacoach", "supporter", None, False, None),
        ("marja", "Marja Smits", "adviseur Taalhuis", "sceptic", None, False,
         "Vreest dat het Taalhuis opgaat in 'community'; eerst koffie drinken."),
    ]))
    route.save("impact_plan", [{
        "id": "plan",
        "role_description": (
            "Ik verbind collega's met het nieuwe denken over de bibliotheek als ontmoetingsplek "
            "en zoek samen met inwoners uit wat er leeft. Ik organiseer niet vóór mensen maar "
            "mét hen: ik luister, breng mensen en kennis bij elkaar en maak ruimte in de "
            "bibliotheek. Dit jaar richt ik me op eenzaamheid onder ouderen in Sleutelstad en "
            "op de leefbaarheid van Heidebroek."),
        "answers": {
            "vision": "Van uitleenfabriek naar ontmoetingsplek en kennisdelingsplaats voor jong "
                      "en oud, samen met inwoners.",
            "goals": "Meer activiteiten samen met inwoners; drie vestigingen in de dorpen die "
                     "het dorpsleven ondersteunen.",
            "colleagues": "Verdeeld: de balie is enthousiast, collectie en Taalhuis zijn "
                          "voorzichtig en vragen wat het kost.",
            "interest": "Ouderen en het dorpsleven; ik woon zelf in een dorp.",
            "meaning": "Een bibliotheek waar mensen elkaar vinden en zelf iets beginnen.",
            "themes": "Eenzaamheid onder ouderen, laaggeletterdheid en de leefbaarheid van "
                      "Heidebroek.",
            "assignment": "Bijdragen aan meedoen: taal, digitale vaardigheden en ontmoeting.",
            "visitors": "Veel ouderen komen voor de krant en een praatje aan de balie.",
            "when": "Als mensen zich samen verantwoordelijk voelen voor iets dat ze belangrijk "
                    "vinden.",
        },
        "impact": _rows("subject kind influence value", [
            ("Programmering hoofdvestiging", "situation", "direct",
             "Ruimte voor activiteiten die inwoners zelf bedenken"),
            ("Koffieochtend voor ouderen", "group", "direct",
             "Van aanbod naar een ontmoeting die deelnemers zelf dragen"),
            ("Teamleider programmering", "person", "direct",
             "Uren en ruimte om te experimenteren"),
            ("Collega's aan de balie", "group", "indirect",
             "Signaleren wie er vaak alleen komt"),
            ("Dorpsraad Heidebroek", "group", "indirect",
             "De bibliotheek als plek voor het dorpsgesprek"),
            ("Buurtteam Oost", "group", "indirect",
             "Inwoners wijzen op taal- en ontmoetingsactiviteiten"),
            ("Opdracht van de gemeente", "situation", "none",
             "Weten wat de gemeente vraagt, zodat ik erop aansluit"),
            ("Bezuiniging op het buurtwerk", "situation", "none",
             "Opvangen wat wegvalt: een plek om elkaar te zien"),
        ]),
    }])


def build(route_dir: pathlib.Path, seed: int = 20261125) -> None:
    """Write all records of the sample route into the existing route in *route_dir*.

    Parameters
    ----------
    route_dir : Path
        Folder of a route created with :meth:`Route.create` (``route.yaml`` present).
    seed : int
        Seed for the few generated numbers (KPI actuals).
    """
    rng = np.random.default_rng(seed)
    route = Route.open(route_dir)
    tables = {
        "stakeholders": STAKEHOLDERS, "positions": POSITIONS, "forces": FORCES,
        "relations": RELATIONS, "conversations": CONVERSATIONS,
        "segment_selections": SEGMENT_SELECTIONS, "personas": PERSONAS, "post_o": POST_O,
        "knowledge": KNOWLEDGE, "goals": GOALS, "activities": ACTIVITIES, "budget": BUDGET,
        "kpis": _kpis(rng), "risks": RISKS, "contact_moments": CONTACT_MOMENTS,
    }
    for kind, rows in tables.items():
        route.save(kind, [{k: v for k, v in row.items() if v is not None} for row in rows])
    write_organisation(route)
