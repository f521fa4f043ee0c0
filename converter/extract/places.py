"""Places as cover pages name them: US states and territories (two-letter codes, which EDGAR and
dei share), countries (ISO codes for addresses, EDGAR codes for incorporation), exchanges."""

import csv
import re
from dataclasses import dataclass
from functools import cache

from ..resources import resource_path

STATES = {
    "alabama": "AL",
    "alaska": "AK",
    "arizona": "AZ",
    "arkansas": "AR",
    "california": "CA",
    "colorado": "CO",
    "connecticut": "CT",
    "delaware": "DE",
    "district of columbia": "DC",
    "florida": "FL",
    "georgia": "GA",
    "hawaii": "HI",
    "idaho": "ID",
    "illinois": "IL",
    "indiana": "IN",
    "iowa": "IA",
    "kansas": "KS",
    "kentucky": "KY",
    "louisiana": "LA",
    "maine": "ME",
    "maryland": "MD",
    "massachusetts": "MA",
    "michigan": "MI",
    "minnesota": "MN",
    "mississippi": "MS",
    "missouri": "MO",
    "montana": "MT",
    "nebraska": "NE",
    "nevada": "NV",
    "new hampshire": "NH",
    "new jersey": "NJ",
    "new mexico": "NM",
    "new york": "NY",
    "north carolina": "NC",
    "north dakota": "ND",
    "ohio": "OH",
    "oklahoma": "OK",
    "oregon": "OR",
    "pennsylvania": "PA",
    "rhode island": "RI",
    "south carolina": "SC",
    "south dakota": "SD",
    "tennessee": "TN",
    "texas": "TX",
    "utah": "UT",
    "vermont": "VT",
    "virginia": "VA",
    "washington": "WA",
    "west virginia": "WV",
    "wisconsin": "WI",
    "wyoming": "WY",
    "puerto rico": "PR",
    "guam": "GU",
    "virgin islands": "VI",
}
CODES = set(STATES.values())
_ABBREVIATIONS = {
    "calif": "CA",
    "cal": "CA",
    "del": "DE",
    "fla": "FL",
    "ga": "GA",
    "ill": "IL",
    "ind": "IN",
    "mass": "MA",
    "mich": "MI",
    "minn": "MN",
    "n.y": "NY",
    "n.j": "NJ",
    "pa": "PA",
    "penn": "PA",
    "tex": "TX",
    "va": "VA",
    "wash": "WA",
    "wis": "WI",
    "conn": "CT",
    "colo": "CO",
    "ariz": "AZ",
    "ore": "OR",
    "okla": "OK",
    "tenn": "TN",
    "md": "MD",
    "mo": "MO",
    "nev": "NV",
    "d.c": "DC",
}


def state_code(text: str) -> str | None:
    """Two-letter code for a state written as a name, an abbreviation or a code."""
    key = " ".join(text.replace(".", ". ").split()).strip(" .,").lower().replace(". ", ".")
    if key in STATES:
        return STATES[key]
    if key.upper() in CODES:
        return key.upper()
    return _ABBREVIATIONS.get(key.rstrip("."))


@dataclass(frozen=True)
class Country:
    iso: str  # ISO 3166-1 alpha-2, as dei:EntityAddressCountry takes it
    edgar: str  # EDGAR's state/country code, as dei:EntityIncorporationStateCountryCode takes it


@cache
def countries() -> dict[str, Country]:
    """Country names (lower case) and their codes, from the shipped data/countries.tsv."""
    with resource_path("data/countries.tsv").open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return {row["name"]: Country(row["iso"], row["edgar"]) for row in rows}


def country_of(text: str) -> Country | None:
    """The country a name stands for ("Ireland", "the Netherlands"), or None."""
    return countries().get(" ".join(text.split()).strip(" .,").lower())


def incorporation_code(text: str) -> str | None:
    """EDGAR's code for a state or country of incorporation ("Delaware": DE, "Ireland": L2)."""
    country = country_of(text)
    return state_code(text) or (country.edgar if country else None)


STATE_NAME_PATTERN = "|".join(sorted((n.replace(" ", r"\s+") for n in STATES), key=len, reverse=True))

_EXCHANGES = (
    ("nasdaq", "NASDAQ"),
    ("nyse american", "NYSEAMER"),
    ("nyse mkt", "NYSEAMER"),
    ("nyse amex", "NYSEAMER"),
    ("american stock exchange", "NYSEAMER"),
    ("amex", "NYSEAMER"),
    ("nyse arca", "NYSEArca"),
    ("new york stock exchange", "NYSE"),
    ("nyse", "NYSE"),
    ("chicago board options", "CBOE"),
    ("cboe", "CBOE"),
)

# An exchange's name as printed in prose ("The Nasdaq Capital Market", "the NYSE Amex").
EXCHANGE_NAME = re.compile("|".join(re.escape(key) for key, _ in _EXCHANGES), re.I)


def exchange_code(name: str) -> str | None:
    """EDGAR's code for an exchange written as its name ("The Nasdaq Stock Market LLC" -> NASDAQ)."""
    low = " ".join(name.lower().split())
    return next((code for key, code in _EXCHANGES if key in low), None)
