#!/usr/bin/python3
# FICTIEF / FICTIONAL: everything this script writes is invented demo data. The cooperative, its
# venues, staff, member firms, people, e-mail addresses and phone numbers do not exist.
#
# Generates the bundled demo network of Tafelplanner in this folder:
#   demo.toml              configuration (network, sectors, venues, places, staff)
#   leden.csv              member list, "Dutch Excel" style (Windows-1252, `;`, `sep=;`, CRLF)
#   agenda.ics             the cooperative's calendar, 2026-12-01 .. 2027-03-31
#   beschikbaarheid.json   availability answers of most members
#   README.md              what the files are (with the counts of this run)
#
# Deterministic: a fixed seed, standard library only, no clock reads. Run it from anywhere:
#   /usr/bin/python3 config/demo/generate.py
# and it rewrites the files above byte for byte the same.

import datetime as dt
import json
import os
import random
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261201
NETWORK = "Coöperatie Vakwerk Gelderse Vallei"
DOMAIN = "vakwerk-gv.example.nl"
PERIOD_FROM = dt.date(2026, 12, 1)
PERIOD_TO = dt.date(2027, 3, 31)
CHRISTMAS = ("2026-12-19", "2027-01-03")  # school Christmas holiday 2026/27
FICTION_NL = ("FICTIEF: alle gegevens zijn verzonnen demodata voor Tafelplanner; "
              "personen, bedrijven, locaties, e-mailadressen en telefoonnummers bestaan niet.")
FICTION_EN = ("FICTIONAL: invented demo data for Tafelplanner; no real people, firms, venues, "
              "addresses or numbers.")

# --------------------------------------------------------------------------------------------
# Sectors (the same synonym lists as config/example.toml, plus the spellings leden.csv uses)

SECTORS = {
    "bouw": ("Bouw", [
        "bouwbedrijf", "aannemer", "aannemerij", "aannemersbedrijf", "bouwnijverheid",
        "burgerlijke en utiliteitsbouw", "b&u", "utiliteitsbouw", "woningbouw", "renovatie",
        "timmerbedrijf", "timmerwerk", "metselbedrijf", "construction", "building",
        # extra in the demo
        "bouw & onderhoud", "bouw en onderhoud", "dakdekker", "dakdekkersbedrijf",
        "timmerfabriek", "restauratie"]),
    "installatie": ("Installatie", [
        "installatietechniek", "installatiebedrijf", "installateur",
        "werktuigbouwkundige installaties", "klimaattechniek", "loodgieter", "loodgietersbedrijf",
        "cv", "verwarming", "warmtepompen", "sanitair", "w-installatie", "werktuigbouw",
        "installation", "hvac", "plumbing",
        # extra in the demo
        "cv-installateur", "duurzame installaties", "koudetechniek"]),
    "elektrotechniek": ("Elektrotechniek", [
        "elektrotechnisch", "elektrotechnische installaties", "elektro", "elektra",
        "elektricien", "e-installatie", "elektrotechnisch installatiebedrijf", "zonnepanelen",
        "solar", "laadpalen", "electrical", "electrical engineering", "electrician",
        # extra in the demo
        "elektrotechnisch bureau", "zonne-energie", "domotica"]),
}

# --------------------------------------------------------------------------------------------
# Places: 4-digit postcode areas and towns (approximate centres), and the area code per town.

AREAS = {  # town: (town lat, town lon, area code, [(postcode area, lat, lon)])
    "Ede": (52.0402, 5.6649, "0318", [
        ("6711", 52.0436, 5.6610), ("6712", 52.0470, 5.6720), ("6713", 52.0540, 5.6650),
        ("6714", 52.0480, 5.6480), ("6715", 52.0360, 5.6480), ("6716", 52.0290, 5.6380),
        ("6717", 52.0310, 5.6760), ("6718", 52.0330, 5.6900)]),
    "Bennekom": (52.0010, 5.6770, "0318", [("6721", 52.0010, 5.6770)]),
    "Otterlo": (52.1000, 5.7720, "0318", [("6731", 52.1000, 5.7720)]),
    "Harskamp": (52.1330, 5.7590, "0318", [("6732", 52.1330, 5.7590)]),
    "Wekerom": (52.1110, 5.7090, "0318", [("6733", 52.1110, 5.7090)]),
    "Lunteren": (52.0850, 5.6200, "0318", [("6741", 52.0850, 5.6200)]),
    "Ederveen": (52.0540, 5.5720, "0318", [("6744", 52.0540, 5.5720)]),
    "De Klomp": (52.0450, 5.5860, "0318", [("6745", 52.0450, 5.5860)]),
    "Barneveld": (52.1400, 5.5850, "0342", [
        ("3771", 52.1400, 5.5850), ("3772", 52.1320, 5.6020), ("3773", 52.1500, 5.5720)]),
    "Kootwijkerbroek": (52.1510, 5.6670, "0342", [("3774", 52.1510, 5.6670)]),
    "Voorthuizen": (52.1850, 5.6060, "0342", [("3781", 52.1850, 5.6060)]),
    "Veenendaal": (52.0286, 5.5589, "0318", [
        ("3901", 52.0286, 5.5589), ("3902", 52.0190, 5.5480), ("3903", 52.0150, 5.5700),
        ("3904", 52.0350, 5.5780), ("3905", 52.0400, 5.5450), ("3906", 52.0220, 5.5330)]),
    "Rhenen": (51.9590, 5.5680, "0317", [("3911", 51.9590, 5.5680)]),
    "Scherpenzeel": (52.0800, 5.4890, "033", [("3925", 52.0800, 5.4890)]),
    "Renswoude": (52.0730, 5.5400, "0318", [("3927", 52.0730, 5.5400)]),
    "Woudenberg": (52.0810, 5.4160, "033", [("3931", 52.0810, 5.4160)]),
    "Wageningen": (51.9700, 5.6650, "0317", [
        ("6701", 51.9700, 5.6650), ("6702", 51.9730, 5.6720), ("6703", 51.9780, 5.6600),
        ("6704", 51.9830, 5.6850), ("6705", 51.9750, 5.6900), ("6706", 51.9680, 5.6450),
        ("6707", 51.9650, 5.6500), ("6708", 51.9850, 5.6480), ("6709", 51.9780, 5.6400)]),
    "Amersfoort": (52.1561, 5.3878, "033", [("3821", 52.1700, 5.4130)]),
}
# A town deliberately missing from the places table (one member lives there: a realistic
# `unresolved_location` warning).
UNCONFIGURED_TOWN = ("Achterveld", "3791", "0342")

# --------------------------------------------------------------------------------------------
# Venues (fictional buildings at invented addresses)

VENUES = [
    dict(id="vakwerkhuis-ede", name="Vakwerkhuis Ede", address="Gildeweg 12, 6716 BL Ede",
         lat=52.0305, lon=5.6425,
         aliases=["Vakwerkhuis", "Vakwerkhuis, Ede", "Vakwerkhuis Ede, Gildeweg 12, 6716 BL Ede",
                  "Gildeweg 12 Ede", "Coöperatie Vakwerk, Gildeweg 12, Ede"],
         rooms=[("Gelderse Zaal", 14), ("Valleizaal", 12), ("Werkplaatslokaal", 10)]),
    dict(id="hooiberg-barneveld", name="Zalencentrum De Hooiberg",
         address="Hooibergstraat 4, 3771 KT Barneveld", lat=52.1385, lon=5.5880,
         aliases=["De Hooiberg", "De Hooiberg Barneveld", "Zalencentrum De Hooiberg Barneveld",
                  "Zalencentrum De Hooiberg, Hooibergstraat 4, 3771 KT Barneveld"],
         rooms=[("Deelzaal", 12), ("Kamer Veluwe", 10)]),
    dict(id="compagnie-veenendaal", name="Bedrijvencentrum De Compagnie",
         address="Compagnieweg 21, 3903 LM Veenendaal", lat=52.0210, lon=5.5700,
         aliases=["De Compagnie", "De Compagnie Veenendaal", "Bedrijvencentrum De Compagnie Veenendaal",
                  "Bedrijvencentrum De Compagnie, Compagnieweg 21, Veenendaal"],
         rooms=[("Vergaderruimte 1", 12), ("Vergaderruimte 2", 10)]),
    dict(id="binnenveld-wageningen", name="Vakschool Binnenveld",
         address="Binnenveldseweg 7, 6708 PX Wageningen", lat=51.9850, lon=5.6480,
         aliases=["Vakschool Binnenveld Wageningen", "Vakschool Wageningen",
                  "Vakschool Binnenveld, Binnenveldseweg 7, 6708 PX Wageningen"],
         rooms=[("Lokaal 2.01", 14), ("Praktijklokaal", 12)]),
    dict(id="veldhuis-scherpenzeel", name="Partycentrum 't Veldhuis",
         address="Veldhuisweg 30, 3925 BA Scherpenzeel", lat=52.0805, lon=5.4920,
         aliases=["'t Veldhuis", "Het Veldhuis", "Het Veldhuis Scherpenzeel",
                  "Partycentrum 't Veldhuis, Scherpenzeel"],
         rooms=[("Grote Zaal", 14), ("Serre", 10)]),
]

# --------------------------------------------------------------------------------------------
# Planning rules (the values of config/example.toml), standalone windows, closed periods

BUFFER_MIN = 15
PLANNING_TOML = """# Candidate moments and group rules (as in config/example.toml). Sessions sit at the edges of
# the working day: they end by `morning_end` or start from `evening_start`; a session attached to
# an event ends `buffer_min` before it starts or starts `buffer_min` after it ends.
[planning]
buffer_min = 15
duration_min = 60
duration_max = 90
duration_step = 15
start_step_min = 15
morning_end = "08:30"
evening_start = "16:00"
earliest_start = "06:30"
latest_end = "22:00"
min_group = 8
max_group = 12
max_travel_km = 40
staff_gap_min = 30

# Standalone moments, besides those attached to the calendar's events.
[[planning.windows]]
days = ["di", "do", "vr"]
start = "07:00"
end = "08:30"
venues = ["compagnie-veenendaal", "vakwerkhuis-ede"]

[[planning.windows]]
days = ["ma", "di", "wo", "do"]
start = "16:00"
end = "19:00"
venues = ["vakwerkhuis-ede", "hooiberg-barneveld"]

# No sessions in school holidays (Dutch public holidays are excluded automatically).
[[closed_periods]]
name = "Kerstvakantie"
from = "2026-12-19"
to = "2027-01-03"

[[closed_periods]]
name = "Voorjaarsvakantie regio midden"
from = "2027-02-20"
to = "2027-02-28"
regions = ["midden"]

# Installers are on call for frozen pipes and failing heat pumps in the coldest weeks.
[[busy_seasons]]
name = "Vorstperiode storingsdiensten"
sector = "installatie"
from = "2027-01-11"
to = "2027-01-22"
"""

# --------------------------------------------------------------------------------------------
# Facilitators and knowledge experts

XMAS_EXCEPTION = dict(frm=CHRISTMAS[0], to=CHRISTMAS[1], note="kerstvakantie")
STAFF = [
    dict(id="fac-marieke", name="Marieke Hoogendoorn", role="facilitator",
         email="marieke.hoogendoorn@example.nl", phone="+31612340101",
         availability=[("di", "17:00", "21:30"), ("do", "06:45", "09:00")],
         exceptions=[XMAS_EXCEPTION]),
    dict(id="fac-ruud", name="Ruud van Essen", role="facilitator",
         email="ruud.vanessen@example.nl", phone="+31612340102",
         availability=[("do", "15:30", "21:00"), ("vr", "06:45", "09:00")],
         exceptions=[XMAS_EXCEPTION,
                     dict(frm="2027-02-22", to="2027-02-26", note="wintersport")]),
    dict(id="fac-samira", name="Samira Bakkali", role="facilitator",
         email="samira.bakkali@example.nl", phone="+31612340103",
         availability=[("wo", "16:30", "21:30"), ("di", "06:45", "09:00")],
         exceptions=[XMAS_EXCEPTION]),
    dict(id="fac-henkjan", name="Henk-Jan Schouten", role="facilitator",
         email="henkjan.schouten@example.nl", phone="+31612340104",
         availability=[("ma", "16:00", "20:00"), ("do", "16:00", "21:00"),
                       ("wo", "06:45", "09:00")],
         exceptions=[XMAS_EXCEPTION, dict(frm="2027-03-15", to="2027-03-19", note="cursus")]),
    dict(id="fac-esther", name="Esther van 't Hul", role="facilitator",
         email="esther.vanthul@example.nl", phone="+31612340105",
         availability=[("di", "16:00", "21:30"), ("vr", "07:00", "09:00")],
         exceptions=[XMAS_EXCEPTION]),
    dict(id="exp-wouter", name="Wouter Dijkhuizen", role="expert",
         email="wouter.dijkhuizen@example.nl", phone="+31612340201",
         availability=[("di", "17:00", "20:00"), ("wo", "17:00", "20:00")],
         exceptions=[XMAS_EXCEPTION]),
    dict(id="exp-fatima", name="Fatima Ouali", role="expert",
         email="fatima.ouali@example.nl", phone="+31612340202",
         availability=[("do", "07:00", "09:00"), ("do", "16:00", "19:00")],
         exceptions=[XMAS_EXCEPTION]),
    dict(id="exp-bas", name="Bas Verhoef", role="expert",
         email="bas.verhoef@example.com", phone="+31612340203",
         availability=[("vr", "07:00", "08:45"), ("wo", "16:30", "20:00")],
         exceptions=[XMAS_EXCEPTION]),
]

# --------------------------------------------------------------------------------------------
# Calendar: the events (dates are computed so the availability answers can refer to them)

WEEKDAYS = ["ma", "di", "wo", "do", "vr", "za", "zo"]


def nth_weekday(year, month, weekday, n):
    """n-th (1-based; -1 = last) ISO weekday (0 = Monday) of a month."""
    if n > 0:
        d = dt.date(year, month, 1)
        d += dt.timedelta(days=(weekday - d.weekday()) % 7)
        return d + dt.timedelta(weeks=n - 1)
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    d = nxt - dt.timedelta(days=1)
    return d - dt.timedelta(days=(d.weekday() - weekday) % 7)


QUARTER_MONTHS = [(2026, 12), (2027, 1), (2027, 2), (2027, 3)]
BOUWBORREL_DATES = [nth_weekday(y, m, 3, 2) for y, m in QUARTER_MONTHS]   # 2nd Thursday
ONTBIJT_DATES = [nth_weekday(y, m, 3, 1) for y, m in QUARTER_MONTHS]      # 1st Thursday
VAKAVOND_DATES = [nth_weekday(y, m, 2, 3) for y, m in QUARTER_MONTHS]     # 3rd Wednesday

# --------------------------------------------------------------------------------------------
# People and firms

FIRST_NAMES = [
    "Jan", "Henk", "Gerrit", "Willem", "Dirk", "Bert", "Kees", "Johan", "Erik", "Mark", "Jeroen",
    "Bas", "Thijs", "Sander", "Ruben", "Niels", "Joost", "Arjan", "Wim", "Hans", "Marco",
    "Dennis", "Martijn", "Jorien", "Annemiek", "Ilse", "Sanne", "Evert", "Teun", "Gijs",
    "Hendrik", "Aart", "Rik", "René", "Noël", "Gérard", "Zoë", "Anouk", "Joëlle", "Hüseyin",
    "Mehmet", "Ömer", "Yusuf", "Mohamed", "Karim", "Piotr", "Tomasz", "Jürgen", "André",
    "Frédérique", "Maarten", "Wouter", "Lars", "Stijn", "Bram", "Daan", "Koen", "Rutger",
    "Geert", "Harm", "Evelien", "Marloes", "Cor", "Ad", "Rens", "Jelle", "Chloë", "Loïs",
    "Hans-Peter", "Jan-Willem", "Gert-Jan", "Berend", "Wessel", "Roel", "Sjoerd",
]
LAST_NAMES = [  # (tussenvoegsel, achternaam)
    ("", "Jansen"), ("van", "Dijk"), ("de", "Vries"), ("van der", "Heijden"), ("", "Bakker"),
    ("", "Visser"), ("van den", "Berg"), ("", "Hendriks"), ("", "Mulder"), ("de", "Graaf"),
    ("van", "Beek"), ("", "Kok"), ("van", "Ee"), ("", "Brouwer"), ("van", "Manen"),
    ("", "Veldhuizen"), ("", "Hazeleger"), ("van de", "Kamp"), ("", "Hoogakker"),
    ("van 't", "Land"), ("", "Schuiteman"), ("", "Koudijs"), ("van", "Ravenhorst"),
    ("ter", "Maat"), ("", "Blaauw"), ("", "Wolswinkel"), ("", "Ruizendaal"), ("van", "Holland"),
    ("", "Valk"), ("", "Vlastuin"), ("", "Boeijenga"), ("", "Hagen"), ("de", "Kruijf"),
    ("", "Ganzevles"), ("van", "Ginkel"), ("", "Lagerweij"), ("", "Overeem"),
    ("van", "Lunteren"), ("", "Pater"), ("", "Kuijt"), ("", "Öztürk"), ("", "Çelik"),
    ("", "Yilmaz"), ("", "Kaya"), ("", "El Idrissi"), ("", "Bouzid"), ("", "Kowalczyk"),
    ("", "Wójcik"), ("", "Nowak"), ("", "Müller"), ("", "Béguin"), ("", "Doornenbal"),
    ("van", "Woudenberg"), ("", "Hardeman"), ("", "Schimmel"), ("", "Kamphorst"),
    ("van", "Hunnik"), ("", "Bos"), ("", "Evers"), ("", "Top"), ("", "Lokhorst"),
    ("van", "Schaik"), ("", "Bouwhuis"), ("", "Slotboom"), ("", "Rozendaal"), ("de", "Ruiter"),
    ("", "Roseboom"), ("van", "Asselt"), ("", "Kramer"), ("", "Hoekman"), ("van 't", "Erve"),
    ("", "Wildeboer"), ("", "Van Middendorp"), ("in 't", "Veld"), ("", "Bloemendaal"),
    ("", "Mekking"), ("", "Methorst"), ("", "Heijkoop"), ("", "Pul"), ("van", "Kooten"),
    ("", "Scheffer"), ("", "Geurts"), ("van", "Hardeveld"), ("", "Aalbers"), ("", "Teunissen"),
]
NOUNS = ["De Eik", "De Linde", "'t Gilde", "De Vallei", "De Hoeksteen", "Het Anker", "De Zwaluw",
         "De Eendracht", "De Pijler", "Het Bouwhuis", "De Schakel", "De Kapel",
         "Het Knooppunt", "De Wieken"]

# Company name patterns per sector, each with the ways such a firm writes its branche.
# {L} surname with capitalised tussenvoegsel ("Van Dijk"), {l} as after a first name ("van Dijk"),
# {F} first name, {T} town, {N} a name.
COMPANY_PATTERNS = {
    "bouw": [
        ("Bouwbedrijf {L}", ["Bouwbedrijf", "Bouw", "BOUW", "bouw"]),
        ("Aannemersbedrijf {L} B.V.", ["Aannemersbedrijf", "Aannemer", "Aannemerij",
                                       "Burgerlijke en utiliteitsbouw"]),
        ("{L} Bouw & Onderhoud", ["Bouw & Onderhoud", "Bouw"]),
        ("Timmerbedrijf {F} {l}", ["Timmerbedrijf", "Bouw"]),
        ("{L} Renovatie", ["Renovatie", "Woningbouw"]),
        ("Bouwbedrijf {N}", ["Bouw", "B&U", "Woningbouw"]),
        ("{L} Vakmanschap V.O.F.", ["Aannemer", "Bouw", "Metselbedrijf"]),
        ("Aannemersbedrijf {N}", ["Aannemersbedrijf", "B&U"]),
        ("{L} Bouwservice", ["Bouw", "Woningbouw"]),
        ("Dakdekkersbedrijf {L}", ["Dakdekkersbedrijf"]),
        ("{L} Restauratie & Bouw", ["Restauratie", "Bouw"]),
        ("Metselbedrijf {L}", ["Metselbedrijf"]),
    ],
    "installatie": [
        ("Installatiebedrijf {L}", ["Installatiebedrijf", "Installatie", "installatie"]),
        ("{L} Installatietechniek B.V.", ["Installatietechniek"]),
        ("Loodgietersbedrijf {L}", ["Loodgietersbedrijf", "Loodgieter", "Sanitair"]),
        ("{L} Klimaattechniek", ["Klimaattechniek", "Warmtepompen"]),
        ("Warmtetechniek {T}", ["CV", "Verwarming", "Warmtepompen"]),
        ("{L} & Zn. Installaties", ["Installateur", "W-installatie"]),
        ("Installatiebureau {N}", ["Installatietechniek", "W-installatie"]),
        ("{L} Warmte & Water", ["CV-installateur", "Sanitair", "Verwarming"]),
        ("{T} Installatieservice", ["Installateur", "CV-installateur"]),
        ("{L} Duurzame Installaties", ["Duurzame installaties", "Warmtepompen"]),
    ],
    "elektrotechniek": [
        ("Elektrotechniek {L}", ["Elektrotechniek", "elektrotechniek"]),
        ("{L} Elektra", ["Elektra", "Elektricien"]),
        ("E-Tech {T}", ["E-installatie", "Elektro"]),
        ("Elektrotechnisch Bureau {L}", ["Elektrotechnisch bureau"]),
        ("Zon & Stroom {T}", ["Zonnepanelen", "Elektrotechniek"]),
        ("{L} Laadoplossingen", ["Laadpalen"]),
        ("Elektrobedrijf {L} V.O.F.", ["Elektro", "Elektricien"]),
        ("{L} Elektrotechniek B.V.", ["Elektrotechnische installaties",
                                     "Elektrotechnisch installatiebedrijf"]),
        ("{T} Elektro", ["Elektro", "E-installatie"]),
        ("{L} Domotica & Elektra", ["Domotica"]),
    ],
}

NOTES = ["Voorkeur voor ochtend", "Lid sinds 2019", "Bellen na 17:00 uur", "Nieuw lid (2026)",
         "Via ledenavond aangemeld", "Oud-bestuurslid", "Opvolging speelt; zoon werkt mee",
         "Leerbedrijf; 2 BBL-leerlingen", "Contact via secretariaat; niet op vrijdag",
         "Wil graag meer weten over verzuim", "Zoekt personeel (monteur)",
         "Alleen mailen, niet bellen", "Lid sinds 2008"]
# One remark with a line break inside the field, as Excel writes Alt+Enter.
MULTILINE_NOTE = "Ledenpas verlopen\nnieuwe pas aangevraagd 2026"


class Gen:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.used_mobiles = set()
        self.used_landlines = set()
        self.used_emails = set()
        self.used_companies = set()
        self.used_names = set()
        self.surname_uses = {}

    def mobile(self):
        while True:
            nsn = "6" + str(self.rng.randint(1, 5)) + "".join(
                str(self.rng.randint(0, 9)) for _ in range(7))
            if nsn not in self.used_mobiles and not nsn.startswith("61234"):
                self.used_mobiles.add(nsn)
                return nsn

    def landline(self, area):
        area_digits = area[1:]
        while True:
            n_sub = 9 - len(area_digits)
            first = str(self.rng.randint(4, 6))
            nsn = area_digits + first + "".join(
                str(self.rng.randint(0, 9)) for _ in range(n_sub - 1))
            if nsn not in self.used_landlines:
                self.used_landlines.add(nsn)
                return nsn

    def person(self):
        """A new (first, tussenvoegsel, last name); surnames are spread so few repeat."""
        while True:
            first = self.rng.choice(FIRST_NAMES)
            least = min(self.surname_uses.get(n, 0) for n in LAST_NAMES)
            pool = [n for n in LAST_NAMES if self.surname_uses.get(n, 0) == least]
            infix, last = self.rng.choice(pool)
            if (first, last) not in self.used_names:
                self.used_names.add((first, last))
                self.surname_uses[(infix, last)] = least + 1
                return first, infix, last

    def company(self, sector, first, infix, last, town):
        """A unique company name and the branche it writes in the member list."""
        full_last = (infix[0].upper() + infix[1:] + " " + last) if infix else last
        after_first = (infix + " " + last) if infix else last
        for _ in range(100):
            pat, branches = self.rng.choice(COMPANY_PATTERNS[sector])
            name = pat.format(L=full_last, l=after_first, F=first, T=town,
                              N=self.rng.choice(NOUNS))
            if name not in self.used_companies:
                self.used_companies.add(name)
                return name, self.rng.choice(branches)
        raise RuntimeError("no unique company name")

    def email(self, first, infix, last, company):
        def slug(s):
            s = unicodedata.normalize("NFKD", s)
            s = "".join(c for c in s if not unicodedata.combining(c))
            return "".join(c for c in s.lower() if c.isalnum())
        comp = slug(company.replace("B.V.", "").replace("V.O.F.", ""))[:24]
        surname = slug(infix + last)
        options = [
            f"{slug(first)}.{surname}@example.nl",
            f"info.{comp}@example.nl",
            f"{slug(first)[0]}.{surname}@example.nl",
            f"{slug(first)}{slug(last)}@example.com",
            f"planning.{comp}@example.nl",
            f"{slug(first)}.{comp}@example.nl",
            # capitals as people type them; addresses compare case-insensitively
            f"{slug(first).capitalize()}.{(infix + last).replace(' ', '')}@Example.nl",
        ]
        weights = [30, 20, 15, 15, 5, 10, 5]
        for _ in range(20):
            e = self.rng.choices(options, weights)[0]
            if e.lower() not in self.used_emails:
                self.used_emails.add(e.lower())
                return e
        e = f"{slug(first)}.{slug(last)}{self.rng.randint(2, 99)}@example.com"
        self.used_emails.add(e.lower())
        return e


def fmt_mobile(nsn, style):
    d8 = nsn[1:]
    return {
        "dash": f"06-{d8}",
        "space": f"06 {d8}",
        "plain": f"06{d8}",
        "blocks": f"06 {d8[:4]} {d8[4:]}",
        "intl_blocks": f"+31 6 {d8[:4]} {d8[4:]}",
        "intl": f"+316{d8}",
        "zerozero": f"00316{d8}",
        "dash_groups": f"06-{d8[:3]} {d8[3:6]} {d8[6:]}",
        "excel_lost_zero": f"6{d8}",          # Excel dropped the leading zero
        "pairs": f"06 {d8[:2]} {d8[2:4]} {d8[4:6]} {d8[6:]}",
    }[style]


MOBILE_STYLES = (["dash"] * 14 + ["space"] * 6 + ["plain"] * 10 + ["blocks"] * 5 +
                 ["intl_blocks"] * 5 + ["intl"] * 4 + ["zerozero"] * 2 + ["dash_groups"] * 2 +
                 ["excel_lost_zero"] * 1 + ["pairs"] * 2)


def fmt_landline(nsn, area, style):
    a = area  # "0318" or "033"
    sub = nsn[len(a) - 1:]
    if len(sub) == 6:
        return {
            "paren": f"({a}) {sub}",
            "dash": f"{a}-{sub}",
            "pairs": f"{a} {sub[:2]} {sub[2:4]} {sub[4:]}",
            "intl": f"+31 {a[1:]} {sub[:3]} {sub[3:]}",
            "plain": f"{a}{sub}",
        }[style]
    return {  # 033 + 7 digits
        "paren": f"({a}) {sub[:3]} {sub[3:5]} {sub[5:]}",
        "dash": f"{a}-{sub}",
        "pairs": f"{a} {sub[:3]} {sub[3:5]} {sub[5:]}",
        "intl": f"+31 {a[1:]} {sub[:3]} {sub[3:]}",
        "plain": f"{a}{sub}",
    }[style]


LANDLINE_STYLES = ["paren"] * 4 + ["dash"] * 4 + ["pairs"] * 2 + ["intl"] * 1 + ["plain"] * 1

# Member groups: (sector, group, count, towns, answers?) — `group` drives the availability
# answer. Groups are clusters of firms near one venue that share an edge-of-day window, so
# tables can be formed; the scattered, ineligible and silent ones make sure not everyone fits.
GROUPS = [
    ("bouw", "B_BAR", 14, ["Barneveld"] * 5 + ["Voorthuizen", "Kootwijkerbroek", "Lunteren"] * 2),
    ("bouw", "B_EDE", 13, ["Ede"] * 5 + ["Bennekom", "Wageningen", "Otterlo", "Wekerom"]),
    ("bouw", "B_VEE", 10, ["Veenendaal"] * 4 + ["Scherpenzeel", "Renswoude", "Woudenberg",
                                                "Ederveen", "Rhenen"]),
    ("bouw", "B_SCAT", 4, ["Ede", "Barneveld", "Amersfoort", "Veenendaal"]),
    ("bouw", "INEL", 6, ["Ede", "Barneveld", "Veenendaal", "Lunteren", "Scherpenzeel", "Wageningen"]),
    ("bouw", "SILENT", 3, ["Ede", "Barneveld", "Veenendaal"]),
    ("installatie", "I_VEE", 12, ["Veenendaal"] * 5 + ["Ederveen", "De Klomp", "Rhenen",
                                                       "Renswoude", "Ede"]),
    ("installatie", "I_EDE", 11, ["Ede"] * 5 + ["Bennekom", "Wageningen", "Lunteren", "Otterlo",
                                               "Harskamp"]),
    ("installatie", "I_SCAT", 5, ["Barneveld", "Voorthuizen", "Woudenberg", "Amersfoort",
                                  "Wageningen"]),
    ("installatie", "INEL", 5, ["Ede", "Veenendaal", "Barneveld", "Bennekom", "Wageningen"]),
    ("installatie", "SILENT", 5, ["Ede", "Veenendaal", "Barneveld", "Lunteren", "Rhenen"]),
    ("elektrotechniek", "E_WAG", 12, ["Wageningen"] * 5 + ["Bennekom"] * 2 + ["Ede"] * 3 + ["Rhenen"]),
    ("elektrotechniek", "E_BAR", 9, ["Barneveld"] * 3 + ["Voorthuizen", "Kootwijkerbroek",
                                                         "Harskamp", "Lunteren"]),
    ("elektrotechniek", "E_SCAT", 2, ["Veenendaal", "Scherpenzeel"]),
    ("elektrotechniek", "INEL", 4, ["Ede", "Barneveld", "Veenendaal", "Wageningen"]),
    ("elektrotechniek", "SILENT", 2, ["Ede", "Veenendaal"]),
    ("", "OTHER", 3, ["Ede", "Barneveld", "Veenendaal"]),
]

# How each ineligible member is ineligible, in order of appearance per sector.
INELIGIBLE_KINDS = {
    "bouw": ["zzp", "zzp", "big:32", "big:45", "hr:18", "no_contact"],
    "installatie": ["zzp", "big:38", "hr:24", "hr:12,5", "no_contact"],
    "elektrotechniek": ["zzp", "big:27", "hr:21", "big:60"],
}
OTHER_SECTORS = ["Schildersbedrijf", "Hoveniersbedrijf", ""]


def postcode_letters(rng):
    letters = "ABCDEEGHJKLMNPRSTVWXZ"
    while True:
        s = rng.choice(letters) + rng.choice(letters)
        if s not in ("SA", "SD", "SS"):
            return s


def build_members(g):
    rng = g.rng
    members = []
    for sector, group, count, towns in GROUPS:
        for i in range(count):
            town = towns[i % len(towns)]
            first, infix, last = g.person()
            m = dict(sector=sector, group=group, first=first, infix=infix, last=last, town=town,
                     hr="nee", employees=None, note="", kind="ok")
            if group == "INEL":
                m["kind"] = INELIGIBLE_KINDS[sector][i]
            # employees
            kind = m["kind"]
            if kind == "zzp":
                m["employees"] = "1"
            elif kind.startswith("big:"):
                m["employees"] = kind[4:]
            elif kind.startswith("hr:"):
                m["employees"] = kind[3:]
                m["hr"] = "ja"
            else:
                r = rng.random()
                if r < 0.06:
                    m["employees"] = rng.choice(["12,5", "3,5", "7,5", "18,5"])
                elif r < 0.10:
                    m["employees"] = ""  # unknown: not a reason to exclude
                else:
                    m["employees"] = str(rng.choice(
                        [2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 8, 8, 9, 10, 11, 12, 14, 15, 16, 18, 20,
                         22, 24, 25]))
            members.append(m)

    # One firm with two owners (brothers) in the Barneveld bouw cluster: same company, two
    # people; they must never sit at the same table.
    b_bar = [m for m in members if m["group"] == "B_BAR"]
    brothers = (b_bar[2], b_bar[3])
    brothers[1]["last"], brothers[1]["infix"] = brothers[0]["last"], brothers[0]["infix"]
    brothers[1]["first"] = "Berend" if brothers[0]["first"] != "Berend" else "Wessel"
    brothers[1]["town"] = brothers[0]["town"]

    # companies, contact data, location
    for idx, m in enumerate(members):
        sector = m["sector"] or "bouw"
        if m is brothers[1]:
            continue
        m["company"], m["branche"] = g.company(sector, m["first"], m["infix"], m["last"],
                                               m["town"])
        if m["group"] == "OTHER":
            label = OTHER_SECTORS[[x for x in members if x["group"] == "OTHER"].index(m)]
            full_last = (m["infix"][0].upper() + m["infix"][1:] + " " + m["last"]) if m["infix"] else m["last"]
            m["company"] = {"Schildersbedrijf": f"Schildersbedrijf {full_last}",
                            "Hoveniersbedrijf": f"Hoveniersbedrijf {full_last}",
                            "": f"{full_last} Vastgoedonderhoud"}[label]
            m["branche"] = label
    brothers[1]["company"] = brothers[0]["company"] = "Gebr. " + (
        (brothers[0]["infix"].capitalize() + " " if brothers[0]["infix"] else "")
        + brothers[0]["last"]) + " Bouw"
    brothers[1]["branche"] = brothers[0]["branche"]
    brothers[1]["employees"] = brothers[0]["employees"]
    brothers[1]["note"] = "Mede-eigenaar; zie ook broer"

    # a company name with quotes (CSV doubled quotes)
    quoted = next(m for m in members if m["group"] == "B_EDE" and m["company"] != brothers[0]["company"])
    quoted["company"] = 'Bouwbedrijf "De Eendracht" ' + quoted["last"]

    for idx, m in enumerate(members):
        town = m["town"]
        tlat, tlon, area, pcs = AREAS[town]
        # postcode
        r = rng.random()
        pc4, _, _ = rng.choice(pcs)
        letters = postcode_letters(rng)
        if r < 0.07:
            m["postcode"] = ""  # town only
        elif r < 0.17:
            m["postcode"] = f"{pc4}{letters}"
        elif r < 0.21:
            m["postcode"] = f"{pc4} {letters.lower()}"
        else:
            m["postcode"] = f"{pc4} {letters}"
        m["pc4"] = pc4 if m["postcode"] else ""
        m["town_written"] = town if rng.random() > 0.05 else town.upper()
        # phones
        m["mobile_nsn"] = None
        m["landline_nsn"] = None
        m["mobile_raw"] = ""
        m["phone_raw"] = ""
        if m["kind"] == "no_contact":
            m["landline_nsn"] = g.landline(area)
            m["phone_raw"] = fmt_landline(m["landline_nsn"], area, rng.choice(LANDLINE_STYLES))
            m["email"] = ""
            continue
        r = rng.random()
        has_mobile = r < 0.90
        if has_mobile:
            m["mobile_nsn"] = g.mobile()
            m["mobile_raw"] = fmt_mobile(m["mobile_nsn"], rng.choice(MOBILE_STYLES))
        if rng.random() < 0.45 or not has_mobile:
            m["landline_nsn"] = g.landline(area)
            m["phone_raw"] = fmt_landline(m["landline_nsn"], area, rng.choice(LANDLINE_STYLES))
        # email: most have one; a few (with a mobile) do not
        if has_mobile and rng.random() < 0.08:
            m["email"] = ""
        else:
            m["email"] = g.email(m["first"], m["infix"], m["last"], m["company"])
        r = rng.random()
        if not has_mobile:
            m["whatsapp"] = rng.choice(["", "", "nee"])
        elif r < 0.72:
            m["whatsapp"] = "ja"
        elif r < 0.77:
            m["whatsapp"] = rng.choice(["Ja", "j", "x"])
        elif r < 0.90:
            m["whatsapp"] = ""
        else:
            m["whatsapp"] = "nee"
        # HR column spelled in several ways; empty = unknown
        if m["hr"] == "nee":
            r = rng.random()
            m["hr"] = "nee" if r < 0.70 else ("Nee" if r < 0.78 else ("n" if r < 0.84 else ""))
        if not m["note"] and rng.random() < 0.25:
            m["note"] = rng.choice(NOTES)
    for m in members:
        m.setdefault("whatsapp", "")

    # Realistic mix-ups: one firm put its landline in the "Mobiel" column (and has email), one
    # its mobile in "Telefoon" only.
    swap1 = next(m for m in members if m["group"] == "I_SCAT" and m["email"] and m["mobile_nsn"])
    swap1["landline_nsn"] = swap1["landline_nsn"] or g.landline(AREAS[swap1["town"]][2])
    swap1["mobile_raw"] = fmt_landline(swap1["landline_nsn"], AREAS[swap1["town"]][2], "dash")
    swap1["phone_raw"] = ""
    g.used_mobiles.discard(swap1["mobile_nsn"])
    swap1["mobile_nsn"] = None
    swap1["whatsapp"] = ""
    swap2 = next(m for m in members if m["group"] == "E_WAG" and m["email"] and m["mobile_nsn"]
                 and not m["landline_nsn"])
    swap2["phone_raw"] = swap2["mobile_raw"]
    swap2["mobile_raw"] = ""
    swap2["mobile_in_phone"] = True

    next(m for m in members if m["group"] == "I_EDE")["note"] = MULTILINE_NOTE

    # One member in a town missing from the places table.
    lost = next(m for m in members if m["group"] == "B_BAR" and m not in brothers)
    town, pc4, area = UNCONFIGURED_TOWN
    lost["town"] = lost["town_written"] = town
    lost["postcode"] = f"{pc4} {postcode_letters(rng)}"
    lost["pc4"] = pc4
    if lost["landline_nsn"]:
        lost["landline_nsn"] = g.landline(area)
        lost["phone_raw"] = fmt_landline(lost["landline_nsn"], area, "paren")

    # Member numbers: increasing with gaps (members leave), file sorted by member number.
    rng.shuffle(members)
    n = 1000
    for m in members:
        n += rng.randint(1, 9)
        m["lidnummer"] = str(n)
    return members


# --------------------------------------------------------------------------------------------
# Sector mapping and eligibility, as the importer does it (used for the counts in README.md)

def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return "".join(c for c in s if c not in " -_.")


def map_sector(branche):
    n = norm(branche)
    if not n:
        return None
    for name, (label, syns) in SECTORS.items():
        if n in {norm(name), norm(label)} | {norm(x) for x in syns}:
            return name
    return None


def eligibility(m):
    if map_sector(m["branche"]) is None:
        return "unknown_sector"
    if not m["email"] and not m["mobile_nsn"] and not m.get("mobile_in_phone"):
        return "no_contact"
    if m["employees"]:
        e = float(m["employees"].replace(",", "."))
        if e < 2:
            return "too_few_employees"
        if e > 25:
            return "too_many_employees"
    if m["hr"].lower() in ("ja", "j", "x", "yes", "1"):
        return "has_hr_staff"
    return None


# --------------------------------------------------------------------------------------------
# Availability answers

def dates_window(dates, start, end):
    return [dict(date=d.isoformat(), start=start, end=end) for d in dates]


def weekly(*triples):
    return [dict(day=d, start=s, end=e) for d, s, e in triples]


XMAS_ANSWER = dict(**{"from": "2026-12-21", "to": "2027-01-01"}, note="kerstvakantie")
SKI_ANSWER = dict(**{"from": "2027-02-20", "to": "2027-02-28"}, note="wintersport")


def answer_for(m, rng):
    g = m["group"]
    a = {}
    r = rng.random()
    if g == "B_BAR":   # bouwborrel Thursday 17:30-19:30 at De Hooiberg: table before or after
        if r < 0.50:
            a["weekly"] = weekly(("do", "16:00", "21:00"))
        elif r < 0.65:
            a["weekly"] = weekly(("do", "15:30", "21:00"), ("di", "18:00", "21:30"))
        elif r < 0.80:
            a["dates"] = dates_window(BOUWBORREL_DATES, "16:00", "21:00")
        elif r < 0.90:
            a["weekly"] = weekly(("do", "16:00", "17:30"))
        else:
            a["weekly"] = weekly(("do", "19:30", "21:30"))
    elif g in ("B_EDE", "I_EDE"):  # ledenavond Tuesday at Vakwerkhuis Ede, 19:30
        if r < 0.60:
            a["weekly"] = weekly(("di", "17:30", "21:30"))
        elif r < 0.75:
            a["weekly"] = weekly(("di", "17:00", "19:30"), ("ma", "16:30", "18:30"))
        elif r < 0.90:
            a["weekly"] = weekly(("di", "18:00", "21:30"), ("do", "07:00", "08:30"))
        else:
            a["weekly"] = weekly(("di", "16:30", "22:00"), ("wo", "16:30", "19:00"))
    elif g == "B_VEE":  # early Friday at De Compagnie, Veenendaal
        if r < 0.60:
            a["weekly"] = weekly(("vr", "06:45", "08:30"))
        elif r < 0.80:
            a["weekly"] = weekly(("vr", "07:00", "08:30"), ("wo", "07:00", "08:30"))
        else:
            a["weekly"] = weekly(("vr", "06:30", "08:30"), ("di", "06:30", "08:00"))
    elif g == "I_VEE":  # installateursontbijt first Thursday 08:30 at De Compagnie: table before
        if r < 0.55:
            a["weekly"] = weekly(("do", "06:45", "08:30"))
        elif r < 0.75:
            a["weekly"] = weekly(("do", "07:00", "08:30"), ("di", "07:00", "08:30"))
        elif r < 0.90:
            a["dates"] = dates_window(ONTBIJT_DATES, "06:30", "10:00")
        else:
            a["weekly"] = weekly(("do", "06:30", "08:30"), ("vr", "16:00", "18:00"))
    elif g == "E_WAG":  # elektro vakavond third Wednesday 19:00 at Vakschool Binnenveld
        if r < 0.60:
            a["weekly"] = weekly(("wo", "17:00", "21:30"))
        elif r < 0.80:
            a["weekly"] = weekly(("wo", "17:30", "21:00"), ("ma", "16:00", "18:00"))
        else:
            a["dates"] = dates_window(VAKAVOND_DATES, "17:00", "21:30")
    elif g == "E_BAR":  # Monday late afternoon in Barneveld (no event): just enough for a table
        if r < 0.6:
            a["weekly"] = weekly(("ma", "16:00", "19:00"))
        elif r < 0.85:
            a["weekly"] = weekly(("ma", "16:00", "17:30"), ("do", "16:00", "18:00"))
        else:
            a["weekly"] = weekly(("ma", "15:30", "18:30"), ("za", "08:00", "12:00"))
    elif g in ("B_SCAT", "I_SCAT", "E_SCAT", "OTHER"):
        a["weekly"] = rng.choice([
            weekly(("ma", "12:00", "13:30")),                      # lunch: not at a day edge
            weekly(("wo", "10:00", "12:00"), ("vr", "13:00", "15:30")),
            weekly(("za", "08:00", "12:00")),
            weekly(("ma", "16:00", "18:00")),
            weekly(("vr", "16:30", "18:30")),
        ])
    elif g == "INEL":
        a["weekly"] = rng.choice([weekly(("di", "17:30", "21:30")), weekly(("do", "16:00", "20:30")),
                                  weekly(("do", "06:45", "08:30"))])
    else:
        return None
    ex = []
    r = rng.random()
    if r < 0.40:
        ex.append(XMAS_ANSWER)
    if rng.random() < 0.12:
        ex.append(SKI_ANSWER)
    if ex:
        a["exceptions"] = ex
    return a


def build_answers(members, rng):
    answers = []
    silent_ineligible = {"bouw": 2, "installatie": 2, "elektrotechniek": 2}
    other_answered = 0
    for m in sorted(members, key=lambda x: int(x["lidnummer"])):
        if m["group"] == "SILENT":
            continue
        if not m["email"] and not m["mobile_nsn"] and not m.get("mobile_in_phone"):
            continue  # nothing to key on (and nobody could have asked them)
        if m["group"] == "INEL" and silent_ineligible[m["sector"]] > 0 and rng.random() < 0.5:
            silent_ineligible[m["sector"]] -= 1
            continue
        if m["group"] == "OTHER":
            if other_answered == 2:
                continue
            other_answered += 1
        a = answer_for(m, rng)
        if a is None:
            continue
        key = {}
        if m["email"]:
            key["email"] = m["email"]
        else:
            key["mobile"] = "+31" + m["mobile_nsn"]
        key["lidnummer"] = m["lidnummer"]
        answers.append({**key, **a})
        m["answered"] = True
    return answers


def expand(answer):
    """The concrete local intervals [(date, start, end)] an answer stands for."""
    out = []
    excluded = set()
    for e in answer.get("exceptions", []):
        d = dt.date.fromisoformat(e["from"])
        while d <= dt.date.fromisoformat(e["to"]):
            excluded.add(d)
            d += dt.timedelta(days=1)
    d = PERIOD_FROM
    while d <= PERIOD_TO:
        if d not in excluded:
            for w in answer.get("weekly", []):
                if WEEKDAYS.index(w["day"]) == d.weekday():
                    out.append((d, w["start"], w["end"]))
        d += dt.timedelta(days=1)
    for w in answer.get("dates", []):
        d = dt.date.fromisoformat(w["date"])
        if d not in excluded:
            out.append((d, w["start"], w["end"]))
    return out


# --------------------------------------------------------------------------------------------
# Writers

def toml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def toml_list(items, indent, width=96):
    lines, cur = [], "["
    for i, it in enumerate(items):
        piece = toml_str(it) + (", " if i < len(items) - 1 else "]")
        if len(cur) + len(piece) > width - indent and cur != "[":
            lines.append(cur.rstrip())
            cur = " " * indent + piece
        else:
            cur += piece
    lines.append(cur)
    return "\n".join(lines)


def write_toml(path):
    L = []
    w = L.append
    w("# FICTIEF — Tafelplanner demo-netwerk. Alle gegevens zijn verzonnen: de coöperatie, haar")
    w("# locaties, begeleiders, leden, e-mailadressen en telefoonnummers bestaan niet.")
    w("# " + FICTION_EN)
    w("# Generated by config/demo/generate.py; edit the script, not this file.")
    w("#")
    w("# The bundled demo network: a fictional cooperative of small construction and installation")
    w("# firms around Ede, Barneveld and Veenendaal. Use with:")
    w("#   tafelplanner --config config/demo/demo.toml check-config")
    w("#   tafelplanner --config config/demo/demo.toml import members config/demo/leden.csv \\")
    w(f"#       --network \"{NETWORK}\"")
    w("#   tafelplanner --config config/demo/demo.toml import events config/demo/agenda.ics \\")
    w(f"#       --network \"{NETWORK}\"")
    w("#   tafelplanner --config config/demo/demo.toml import availability \\")
    w(f"#       config/demo/beschikbaarheid.json --network \"{NETWORK}\"")
    w("# Relative paths are relative to this file's folder: the database lands in demo-state/ at")
    w("# the repository root (ignored by git).")
    w("")
    w('database = "../../demo-state/demo.db"')
    w("")
    w("# Keys and the local outbox (messages are written there: the demo sends nothing).")
    w("# Default: the database file's folder, i.e. demo-state/.")
    w('# state_dir = "../../demo-state"')
    w("")
    w('public_url = "http://127.0.0.1:8080"')
    w('timezone = "Europe/Amsterdam"')
    w("")
    w("# The demo calendar runs to 2027-03-31; look far enough ahead to see all of it.")
    w("horizon_days = 125")
    w('listen = "127.0.0.1:8080"')
    w("")
    w("# FICTIEF: this cooperative does not exist.")
    w("[[networks]]")
    w(f"name = {toml_str(NETWORK)}")
    w(f"sender_name = {toml_str(NETWORK)}")
    w(f'sender_email = "praktijktafels@{DOMAIN}"')
    w("")
    w("# Sectors and the names member lists use for them (matched case- and accent-insensitively,")
    w("# ignoring spaces, '-', '_' and '.'). leden.csv writes them in many ways; 'Schildersbedrijf'")
    w("# and 'Hoveniersbedrijf' are deliberately not configured (those members become ineligible).")
    for name, (label, syns) in SECTORS.items():
        w(f"[sectors.{name}]")
        w(f"label = {toml_str(label)}")
        w("synonyms = " + toml_list(syns, 12))
        w("")
    w("[eligibility]")
    w("min_employees = 2        # inclusive")
    w("max_employees = 25       # inclusive")
    w("exclude_hr_staff = true  # firms with their own HR staff are not the target group")
    w("")
    w("# leden.csv uses the standard Dutch header names; these are extra spellings other exports use.")
    w("[import.headers]")
    w('company = ["firma", "lidbedrijf"]')
    w('employees = ["personeel", "aantal mdw"]')
    w('whatsapp_consent = ["whatsapp ok"]')
    w("")
    w("# Venues (FICTIEF: invented buildings at invented addresses). Aliases are the other ways")
    w("# agenda.ics writes them in LOCATION.")
    for v in VENUES:
        w("[[venues]]")
        w(f"id = {toml_str(v['id'])}")
        w(f"name = {toml_str(v['name'])}")
        w(f"address = {toml_str(v['address'])}")
        w('region = "midden"      # school-holiday region, for closed_periods')
        w(f"lat = {v['lat']:.4f}")
        w(f"lon = {v['lon']:.4f}")
        w("aliases = " + toml_list(v["aliases"], 11))
        rooms = [f"{{ name = {toml_str(n)}, capacity = {c} }}" for n, c in v["rooms"]]
        w("rooms = [ " + ",\n          ".join(rooms) + " ]")
        w("")
    w(PLANNING_TOML)
    w("# Places for members without coordinates: 4-digit postcode areas, then towns")
    w("# (approximate centres). Achterveld (3791) is left out on purpose: one member lives there.")
    for town, (tlat, tlon, _, pcs) in AREAS.items():
        for pc, lat, lon in pcs:
            w(f'[[places]]\npostcode = "{pc}"  # {town}\nlat = {lat:.4f}\nlon = {lon:.4f}')
    for town, (tlat, tlon, _, _) in AREAS.items():
        w(f"[[places]]\ntown = {toml_str(town)}\nlat = {tlat:.4f}\nlon = {tlon:.4f}")
    w("")
    w("# Facilitators and knowledge experts (FICTIEF: invented people, example.nl addresses).")
    w("# Weekly availability at the edges of the working day; exceptions are inclusive dates.")
    for s in STAFF:
        w("[[staff]]")
        w(f"id = {toml_str(s['id'])}")
        w(f"name = {toml_str(s['name'])}")
        w(f"role = {toml_str(s['role'])}")
        w(f"email = {toml_str(s['email'])}")
        w(f"phone = {toml_str(s['phone'])}")
        av = [f'{{ day = "{d}", start = "{a}", end = "{b}" }}' for d, a, b in s["availability"]]
        w("availability = [ " + (",\n                 ".join(av)) + " ]")
        ex = [f'{{ from = "{e["frm"]}", to = "{e["to"]}", available = false, note = {toml_str(e["note"])} }}'
              for e in s["exceptions"]]
        w("exceptions = [ " + (",\n               ".join(ex)) + " ]")
        w("")
    w("# Messages: no SMTP account and no WhatsApp number are configured, so every message is")
    w("# written to demo-state/outbox/ (one .eml per mail, one .json per WhatsApp request).")
    w("[messaging]")
    w('templates = "../templates"')
    w('privacy_url = "http://127.0.0.1:8080/privacy"')
    w('reply_local = "uitnodiging"')
    w('reply_domain = "vakwerk-gv.example.nl"')
    w("")
    text = "\n".join(L).rstrip("\n") + "\n"
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


CSV_HEADERS = ["Bedrijfsnaam", "Voornaam", "Tussenvoegsel", "Achternaam", "E-mailadres", "Mobiel",
               "Telefoon", "Branche", "Aantal medewerkers", "Eigen HR", "Postcode", "Plaats",
               "Toestemming WhatsApp", "Lidnummer", "Opmerking"]


def csv_field(s):
    if any(c in s for c in ';"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def write_csv(path, members):
    rows = ["sep=;", ";".join(CSV_HEADERS)]
    for m in members:
        vals = [m["company"], m["first"], m["infix"], m["last"], m["email"], m["mobile_raw"],
                m["phone_raw"], m["branche"], m["employees"], m["hr"], m["postcode"],
                m["town_written"], m["whatsapp"], m["lidnummer"], m["note"]]
        rows.append(";".join(csv_field(v) for v in vals))
    text = "\r\n".join(rows) + "\r\n"
    with open(path, "wb") as f:
        f.write(text.encode("cp1252"))  # raises if a character is not in Windows-1252


def ics_escape(s):
    return (s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def ics_fold(line):
    """Folds a content line at 75 octets, never inside a UTF-8 sequence."""
    out, cur, n = [], "", 0
    limit = 75
    for ch in line:
        b = len(ch.encode("utf-8"))
        if n + b > limit:
            out.append(cur)
            cur, n, limit = " ", 1, 75
        cur += ch
        n += b
    out.append(cur)
    return "\r\n".join(out)


def write_ics(path):
    stamp = "20261120T090000Z"
    tz = "TZID=Europe/Amsterdam"
    desc_tail = "\n\n" + FICTION_NL
    L = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Cooperatie Vakwerk Gelderse Vallei//Agenda fictief demo//NL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:" + ics_escape(f"Agenda {NETWORK} (fictief)"),
        "X-WR-CALDESC:" + ics_escape(
            "FICTIEF: demo-agenda van een verzonnen coöperatie voor Tafelplanner "
            "(ledenavonden en branchebijeenkomsten, december 2026 t/m maart 2027). Alle "
            "personen, bedrijven, locaties en adressen zijn verzonnen."),
        "X-WR-TIMEZONE:Europe/Amsterdam",
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Amsterdam",
        "X-LIC-LOCATION:Europe/Amsterdam",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]
    organizer = f"ORGANIZER;CN=\"{NETWORK}\":mailto:secretariaat@{DOMAIN}"

    def event(uid, summary, location, start, end, desc, extra=(), all_day=False, utc=False,
              categories=None, seq=0):
        e = ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{stamp}"]
        for p in extra:
            if p.startswith("RECURRENCE-ID"):
                e.append(p)
        if all_day:
            e += [f"DTSTART;VALUE=DATE:{start}", f"DTEND;VALUE=DATE:{end}"]
        elif utc:
            e += [f"DTSTART:{start}", f"DTEND:{end}"]
        else:
            e += [f"DTSTART;{tz}:{start}", f"DTEND;{tz}:{end}"]
        e += [p for p in extra if not p.startswith("RECURRENCE-ID")]
        e.append("SUMMARY:" + ics_escape(summary))
        if location:
            e.append("LOCATION:" + ics_escape(location))
        e.append("DESCRIPTION:" + ics_escape(desc + desc_tail))
        if categories:
            e.append("CATEGORIES:" + categories)
        e.append(organizer)
        if seq:
            e.append(f"SEQUENCE:{seq}")
        e.append("STATUS:CONFIRMED")
        e.append("TRANSP:" + ("TRANSPARENT" if all_day else "OPAQUE"))
        e.append("END:VEVENT")
        return e

    ledenavond_uid = f"ledenavond-2026@{DOMAIN}"
    L += event(
        ledenavond_uid, "Ledenavond Coöperatie Vakwerk",
        "Vakwerkhuis Ede, Gildeweg 12, 6716 BL Ede",
        "20260929T193000", "20260929T213000",
        "Maandelijkse ledenavond, elke laatste dinsdag van de maand (seizoen september "
        "t/m juni). Inloop met koffie vanaf 19:15; sprekers en ledennieuws. In de kerstvakantie "
        "geen ledenavond; die van februari is verplaatst i.v.m. de voorjaarsvakantie.",
        extra=["RRULE:FREQ=MONTHLY;BYDAY=-1TU;UNTIL=20270629T173000Z",
               f"EXDATE;{tz}:20261229T193000"],
        categories="Ledenavond")
    L += event(
        ledenavond_uid, "Ledenavond Coöperatie Vakwerk (verplaatst)",
        "Vakwerkhuis, Ede",
        "20270216T193000", "20270216T213000",
        "Let op: een week eerder dan gebruikelijk i.v.m. de voorjaarsvakantie. "
        "Thema: werving en behoud van monteurs.",
        extra=[f"RECURRENCE-ID;{tz}:20270223T193000"], categories="Ledenavond", seq=1)
    L += event(
        f"installateursontbijt-2026@{DOMAIN}", "Installateursontbijt",
        "Bedrijvencentrum De Compagnie, Compagnieweg 21, Veenendaal",
        "20261203T083000", "20261203T100000",
        "Ontbijtsessie voor installateurs, elke eerste donderdag van de maand: "
        "ontbijt, kort vakinhoudelijk onderwerp (warmtepompen, F-gassen, ventilatie) en "
        "netwerken. Om 10:00 uur weer op de bus.",
        extra=["RRULE:FREQ=MONTHLY;BYDAY=1TH;COUNT=4"], categories="Installatie")
    L += event(
        f"bouwborrel-2026@{DOMAIN}", "Bouwborrel",
        "Zalencentrum De Hooiberg, Hooibergstraat 4, 3771 KT Barneveld",
        "20261210T173000", "20261210T193000",
        "Borrel voor aannemers en bouwbedrijven, elke tweede donderdag van de maand. "
        "Bitterballen van de coöperatie.",
        extra=["RRULE:FREQ=MONTHLY;INTERVAL=1;BYDAY=2TH;UNTIL=20270311T183000Z"],
        categories="Bouw")
    L += event(
        f"vakavond-elektro-2026@{DOMAIN}", "Vakavond elektrotechniek",
        "Vakschool Binnenveld Wageningen",
        "20261216T190000", "20261216T213000",
        "Vakavond voor elektrotechnische bedrijven, elke derde woensdag: NEN 1010, "
        "laadinfrastructuur, netcongestie en thuisbatterijen.",
        extra=["RRULE:FREQ=MONTHLY;BYDAY=3WE;COUNT=4"], categories="Elektrotechniek")
    L += event(
        f"nieuwjaarsbijeenkomst-2027@{DOMAIN}", "Nieuwjaarsbijeenkomst",
        "Landgoed De Wildwal, Wildwalweg 3, Lunteren",
        "20270107T170000", "20270107T200000",
        "Nieuwjaarsbijeenkomst voor alle leden met partners. Buffet vanaf 18:00 uur. "
        "Aanmelden via het secretariaat.",
        categories="Ledenbijeenkomst")
    L += event(
        f"cursusdag-2027-02@{DOMAIN}", "Cursusdag Veilig werken aan warmtepompen en zonnestroom",
        "Vakschool Binnenveld, Binnenveldseweg 7, 6708 PX Wageningen",
        "20270205", "20270206",
        "Hele dag, 08:30-16:30, met lunch. Voor monteurs en leidinggevenden; "
        "opgave per bedrijf.",
        all_day=True, categories="Cursus")
    L += event(
        f"alv-2027@{DOMAIN}", "Algemene ledenvergadering (ALV)",
        "Partycentrum 't Veldhuis, Scherpenzeel",
        "20270325T183000Z", "20270325T210000Z",
        "Algemene ledenvergadering: jaarverslag 2026, begroting 2027, "
        "bestuursverkiezing. Stukken volgen per e-mail.",
        utc=True, categories="ALV")
    L.append("END:VCALENDAR")
    text = "\r\n".join(ics_fold(x) for x in L) + "\r\n"
    with open(path, "wb") as f:
        f.write(text.encode("utf-8"))


def write_availability(path, answers):
    doc = {
        "_fictief": FICTION_NL,
        "_fictional": FICTION_EN,
        "network": NETWORK,
        "timezone": "Europe/Amsterdam",
        "period": {"from": PERIOD_FROM.isoformat(), "to": PERIOD_TO.isoformat()},
        "answers": answers,
    }
    # One answer per line, so the file reads (and diffs) like a table.
    head = json.dumps({k: v for k, v in doc.items() if k != "answers"}, ensure_ascii=False,
                      indent=2)
    lines = [json.dumps(a, ensure_ascii=False) for a in answers]
    text = head[:-2] + ',\n  "answers": [\n    ' + ",\n    ".join(lines) + "\n  ]\n}\n"
    json.loads(text)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def counts(members, answers):
    c = {"sector": {}, "eligible": {}, "reasons": {}, "whatsapp": 0, "answered": 0,
         "answered_eligible": 0, "no_email": 0, "no_mobile": 0}
    for m in members:
        s = map_sector(m["branche"]) or "(onbekend)"
        reason = eligibility(m)
        c["sector"][s] = c["sector"].get(s, 0) + 1
        if reason is None:
            c["eligible"][s] = c["eligible"].get(s, 0) + 1
        else:
            c["reasons"][reason] = c["reasons"].get(reason, 0) + 1
        if m["mobile_nsn"] and m["whatsapp"].lower() in ("ja", "j", "x", "yes"):
            c["whatsapp"] += 1
        if m.get("answered"):
            c["answered"] += 1
            if reason is None:
                c["answered_eligible"] += 1
        if not m["email"]:
            c["no_email"] += 1
        if not m["mobile_nsn"] and not m.get("mobile_in_phone"):
            c["no_mobile"] += 1
    return c


def coverage(members, answers):
    """Per event-attached table moment: eligible members of the sector whose answer covers it."""
    by_key = {}
    for m in members:
        if m["email"]:
            by_key[m["email"]] = m
        if m["mobile_nsn"]:
            by_key["+31" + m["mobile_nsn"]] = m
    # The 60-minute table nearest each event (longer ones reach further from it).
    moments = []
    for d in ONTBIJT_DATES:  # 08:30
        moments.append(("installatie", "De Compagnie, voor het ontbijt", d, "07:15", "08:15"))
    for d in BOUWBORREL_DATES:  # 17:30-19:30
        moments.append(("bouw", "De Hooiberg, voor de borrel", d, "16:15", "17:15"))
        moments.append(("bouw", "De Hooiberg, na de borrel", d, "19:45", "20:45"))
    for d in VAKAVOND_DATES:  # 19:00
        moments.append(("elektrotechniek", "Binnenveld, voor de vakavond", d, "17:45", "18:45"))
    for d in [dt.date(2027, 1, 26), dt.date(2027, 2, 16), dt.date(2027, 3, 30)]:  # 19:30
        moments.append(("bouw", "Vakwerkhuis, voor de ledenavond", d, "18:15", "19:15"))
        moments.append(("installatie", "Vakwerkhuis, voor de ledenavond", d, "18:15", "19:15"))
    # standalone edge-of-day moments (no event), in one ordinary week
    moments.append(("bouw", "De Compagnie (los moment)", dt.date(2027, 2, 5), "07:00", "08:30"))
    moments.append(("elektrotechniek", "De Hooiberg (los moment)", dt.date(2027, 2, 1), "16:00",
                    "17:30"))
    moments.append(("installatie", "De Hooiberg (los moment)", dt.date(2027, 2, 1), "16:00",
                    "17:30"))
    moments.sort(key=lambda x: (x[2], x[3], x[0]))
    out = []
    for sector, where, d, s, e in moments:
        n = 0
        for a in answers:
            m = by_key[a.get("email") or a.get("mobile")]
            if map_sector(m["branche"]) != sector or eligibility(m):
                continue
            if any(day == d and ws <= s and e <= we for day, ws, we in expand(a)):
                n += 1
        out.append((d, s, e, sector, where, n))
    return out


def write_readme(path, members, answers):
    c = counts(members, answers)
    cov = coverage(members, answers)
    sectors = ["bouw", "installatie", "elektrotechniek", "(onbekend)"]
    rows = "\n".join(f"| {s} | {c['sector'].get(s, 0)} | {c['eligible'].get(s, 0)} |" for s in sectors)
    reasons = ", ".join(f"`{k}` {v}" for k, v in sorted(c["reasons"].items()))
    cov_rows = "\n".join(f"| {d.isoformat()} {s}–{e} | {sector} | {where} | {n} |"
                         for d, s, e, sector, where, n in cov)
    venues = "\n".join(f"| `{v['id']}` | {v['name']} | {v['address']} | "
                       + ", ".join(f"{n} ({cap})" for n, cap in v["rooms"]) + " |" for v in VENUES)
    staff = "\n".join(
        f"| `{s['id']}` | {s['name']} | {s['role']} | "
        + "; ".join(f"{d} {a}–{b}" for d, a, b in s["availability"]) + " |" for s in STAFF)
    text = f"""# Demo network: Coöperatie Vakwerk Gelderse Vallei (FICTIEF)

**Alle gegevens in deze map zijn verzonnen.** The cooperative, its venues and addresses, the
facilitators and experts, the ~120 member firms and their owners, every e-mail address (only
`example.nl` / `example.com`) and every phone number are invented. Any likeness to a real firm
or person is coincidence. Phone numbers are *valid-looking* Dutch numbers (so libphonenumber
accepts them), not numbers of anyone.

The demo shows Tafelplanner end to end before a real availability poll exists: a cooperative of
small construction, installation and electrical firms around Ede, Barneveld and Veenendaal, its
member list as a Dutch Excel export, its calendar for December 2026 – March 2027, and the
availability answers of most members.

| file | what it is |
| --- | --- |
| `demo.toml` | complete configuration: the network, sectors and synonyms, eligibility, 5 venues, postcode areas and towns, 5 facilitators and 3 knowledge experts |
| `leden.csv` | the member list (Dutch Excel style, see below) |
| `agenda.ics` | the cooperative's calendar (iCalendar) |
| `beschikbaarheid.json` | availability answers, as if an availability poll had been held |
| `generate.py` | writes all of the above (and this README) |

```sh
build/adapters/cli/tafelplanner --config config/demo/demo.toml check-config
build/adapters/cli/tafelplanner --config config/demo/demo.toml import members config/demo/leden.csv \\
    --network "{NETWORK}"
build/adapters/cli/tafelplanner --config config/demo/demo.toml import events config/demo/agenda.ics \\
    --network "{NETWORK}"
build/adapters/cli/tafelplanner --config config/demo/demo.toml import availability \\
    config/demo/beschikbaarheid.json --network "{NETWORK}"
build/adapters/cli/tafelplanner --config config/demo/demo.toml plan --from 2026-12-01 --to 2027-03-31
```

What the importers say about these files, by design: the member import takes all 120 rows with
four warnings (`unknown_sector` for the painter, the gardener and the empty sector;
`unresolved_location` for Achterveld); the event import reports the Nieuwjaarsbijeenkomst's
location as `unmatched_location`; every availability answer matches a member. The calendar's
events are expanded from *today* over `horizon_days`, so the demo shows its full quarter when
run before December 2026 (later runs see fewer or no events; the member data does not age).

The database goes to `demo-state/demo.db` at the repository root (ignored by git).

## How the files are made

`/usr/bin/python3 config/demo/generate.py` (standard library only, fixed seed, no clock reads)
rewrites every file here byte for byte the same. Change the script, not the files. The script
also checks itself: the CSV is encoded with Python's `cp1252` codec, which refuses any character
Windows-1252 cannot hold.

## `demo.toml`

Same keys as `config/example.toml`. `horizon_days = 125`, so that the whole demo quarter is in
view from the end of November 2026. The sector synonym lists are those of `config/example.toml`
plus a few spellings the member list uses (`Bouw & Onderhoud`, `Dakdekkersbedrijf`,
`Restauratie`, `CV-installateur`, `Duurzame installaties`, `Domotica`, `Elektrotechnisch
bureau`). `Schildersbedrijf` and `Hoveniersbedrijf` are deliberately *not* configured.
`[planning]` has the rules of `config/example.toml` (60–90 minutes, 8–12 people, 15 minutes
between a table and its event); standalone moments are early mornings (di/do/vr 07:00–08:30)
at De Compagnie and the Vakwerkhuis, and late afternoons (ma–do 16:00–19:00) at the Vakwerkhuis
and De Hooiberg. Closed: the Christmas holiday and the spring holiday of region *midden* (all
venues are in region `midden`); a busy season keeps installers free 2027-01-11 – 2027-01-22.

Venues (all fictional; the aliases are the LOCATION spellings `agenda.ics` uses):

| id | name | address | rooms (capacity) |
| --- | --- | --- | --- |
{venues}

Staff (weekly windows; every one of them is away in the Christmas holiday
{CHRISTMAS[0]} – {CHRISTMAS[1]}, two have one more week off):

| id | name | role | weekly availability |
| --- | --- | --- | --- |
{staff}

## `leden.csv`

A member list as Dutch Excel on Windows saves it ("CSV (gescheiden door lijstscheidingsteken)"):

- **Windows-1252**, not UTF-8, no BOM; a first line `sep=;`; `;` as separator; CRLF line ends.
- Header: `{';'.join(CSV_HEADERS)}`. `Lidnummer` and `Opmerking` are not Tafelplanner fields:
  they are kept as attributes.
- Quoting where needed: a company name with double quotes (`"Bouwbedrijf ""De Eendracht"" …"`),
  remarks with a `;` inside, and one remark with a line break inside the field (so that record
  spans two physical lines).
- Sectors written in many ways (`Bouw`, `Aannemersbedrijf`, `B&U`, `Installatietechniek`,
  `CV`, `E-installatie`, `Elektra`, …); one `Schildersbedrijf`, one `Hoveniersbedrijf` and one
  empty sector, which the importer reports as `unknown_sector` (imported, not eligible).
- Employees as whole numbers, as decimals with a comma (`12,5`), empty (unknown), and outside
  2–25 (`1`, `27`, `30`+); `Eigen HR` as `ja` / `nee` / `Nee` / `n` / empty.
- Phone numbers in many notations: `06-12345678`, `06 1234 5678`, `+31 6 1234 5678`,
  `0031612345678`, `+31612345678`, a mobile number whose leading zero Excel dropped
  (`612345678`), landlines such as `(0318) 612345`, `0342-412345`, `033 456 12 34`. All are
  valid Dutch numbers (06 + 8 digits; area codes 0318 Ede/Veenendaal, 0342 Barneveld, 0317
  Wageningen/Rhenen, 033 Scherpenzeel/Woudenberg/Amersfoort). Some members have no e-mail, some no
  mobile; one put a landline in `Mobiel` and one a mobile number in `Telefoon`; two have only a
  landline (`no_contact`).
- Postcodes as `6711 AB`, `6711AB` and `6711 ab`; some rows have only a town; one firm is in
  Achterveld, which the places table lacks (an `unresolved_location` warning). Some towns in
  capitals (`EDE`).
- `Toestemming WhatsApp` mostly `ja` (also `Ja`, `j`, `x`), some `nee`, some empty (= no consent).
- One firm has two owners (two brothers, two rows, same `Bedrijfsnaam`): they are two members
  and may never sit at the same table.
- Names with accents that Windows-1252 can hold (René, Noël, Zoë, Öztürk, Çelik, Wójcik, Müller,
  Béguin) and Dutch tussenvoegsels (`van`, `de`, `van der`, `van 't`, `in 't`, `ter`).
  **Not here:** names with letters Windows-1252 lacks, such as the Turkish dotless ı in
  *Yıldız*/*Yılmaz* (a Windows Excel export would have turned it into `?`). The file spells
  *Yilmaz*; the importer's `ı` case is covered by the UTF-8 test fixtures under `tests/`.

Counts (as the importer's rules classify them; `eligible` = 2–25 employees, no own HR staff,
known sector, an e-mail address or a mobile number):

| sector | members | eligible |
| --- | --- | --- |
{rows}
| **total** | **{len(members)}** | **{sum(c['eligible'].values())}** |

Ineligible: {reasons}. With WhatsApp consent (a consent value and a mobile number):
{c['whatsapp']}. Without e-mail: {c['no_email']}; without a mobile number: {c['no_mobile']}.

## `beschikbaarheid.json`

Availability answers, as the availability poll would have collected them: {len(answers)} of the
{len(members)} members ({c['answered_eligible']} of them eligible) answered. UTF-8 JSON:

```json
{{
  "network": "{NETWORK}",
  "timezone": "Europe/Amsterdam",
  "period": {{ "from": "2026-12-01", "to": "2027-03-31" }},
  "answers": [
    {{ "email": "jan.devries@example.nl", "lidnummer": "1004",
      "weekly": [ {{ "day": "di", "start": "17:30", "end": "21:30" }} ],
      "dates": [ {{ "date": "2027-01-14", "start": "16:00", "end": "20:30" }} ],
      "exceptions": [ {{ "from": "2026-12-21", "to": "2027-01-01", "note": "kerstvakantie" }} ] }}
  ]
}}
```

- Each answer names its member by `email` (as written in `leden.csv`; compare
  case-insensitively) or, for members without e-mail, by `mobile` in E.164 (`+316…`, the form
  the importer stores). `lidnummer` is the `Lidnummer` column, for people reading the file.
- `weekly`: windows on every such weekday within `period` (days `ma di wo do vr za zo`, as in
  the staff configuration); `dates`: windows on one date. Times are local (`timezone`), `HH:MM`,
  end after start on the same day. An answer has `weekly`, `dates` or both.
- `exceptions`: inclusive date ranges on which the member is not available at all (they remove
  weekly *and* dated windows on those days).
- The member's availability is the union of the windows that remain. `_fictief` / `_fictional`
  only mark the data as invented.

The answers form clusters: firms near one venue that share an edge-of-day window, mostly next
to an event they attend, so several tables per sector can be formed — bouw around Barneveld
(Thursday, the bouwborrel), Ede (Tuesday, the ledenavond) and Veenendaal (Friday morning);
installatie around Veenendaal (Thursday morning, the installateursontbijt) and Ede (Tuesday);
elektrotechniek around Wageningen (Wednesday, the vakavond) and Barneveld (Monday, just enough).
Others answered windows at midday or on Saturday, or a window only a handful of their sector
share, are ineligible, or did not answer; the biggest clusters hold more people than one table
seats (and two brothers of one firm may not share a table), so not everyone fits. For each
table moment, the number of *eligible* members of its sector whose answer covers it (before
travel limits, company clashes and room capacity):

| moment | sector | where | eligible members available |
| --- | --- | --- | --- |
{cov_rows}

## `agenda.ics`

iCalendar 2.0, UTF-8, CRLF line ends, lines folded at 75 octets, a `VTIMEZONE` for
Europe/Amsterdam and `X-WR-TIMEZONE`; the calendar description (`X-WR-CALDESC`) and every event's
`DESCRIPTION` say the data is fictional. UIDs are stable (`…@{DOMAIN}`).

| UID | what | when | LOCATION (venue) |
| --- | --- | --- | --- |
| `ledenavond-2026` | Ledenavond | last Tuesday of the month 19:30–21:30 (tables fit 17:45–19:15), `RRULE:FREQ=MONTHLY;BYDAY=-1TU`, season 2026-09-29 – 2027-06-29 (so it crosses the October DST change); `EXDATE` 2026-12-29 (Christmas holiday); the 2027-02-23 occurrence moved to 2027-02-16 (`RECURRENCE-ID`, `SEQUENCE:1`, written with an alias) | Vakwerkhuis Ede |
| `installateursontbijt-2026` | Installateursontbijt | first Thursday 08:30–10:00, `COUNT=4` (a table fits 06:45–08:15 before it, with the 15 minutes' `buffer_min`) | De Compagnie, Veenendaal |
| `bouwborrel-2026` | Bouwborrel | second Thursday 17:30–19:30, `UNTIL` 2027-03-11 (tables fit 16:00–17:15 before it or from 19:45 after it) | De Hooiberg, Barneveld |
| `vakavond-elektro-2026` | Vakavond elektrotechniek | third Wednesday 19:00–21:30, `COUNT=4` (a table fits 17:15–18:45) | Vakschool Binnenveld, Wageningen |
| `nieuwjaarsbijeenkomst-2027` | Nieuwjaarsbijeenkomst | 2027-01-07 17:00–20:00 | *Landgoed De Wildwal, Lunteren* — deliberately **not** a configured venue (reported as unmatched, kept without venue) |
| `cursusdag-2027-02` | Cursusdag | 2027-02-05, all day (`VALUE=DATE`) | Vakschool Binnenveld, Wageningen |
| `alv-2027` | Algemene ledenvergadering | 2027-03-25 19:30–22:00, written in UTC (`18:30Z`) | 't Veldhuis, Scherpenzeel |
"""
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    g = Gen(SEED)
    members = build_members(g)
    answers = build_answers(members, random.Random(SEED + 1))
    write_toml(os.path.join(HERE, "demo.toml"))
    write_csv(os.path.join(HERE, "leden.csv"), members)
    write_ics(os.path.join(HERE, "agenda.ics"))
    write_availability(os.path.join(HERE, "beschikbaarheid.json"), answers)
    write_readme(os.path.join(HERE, "README.md"), members, answers)
    c = counts(members, answers)
    print(f"members {len(members)}, per sector {c['sector']}, eligible {c['eligible']}, "
          f"ineligible {c['reasons']}, whatsapp consent {c['whatsapp']}, "
          f"answers {len(answers)} ({c['answered_eligible']} eligible)")


if __name__ == "__main__":
    main()
