"""Incidents out of the ledger as CSV (ACLED / UCDP GED-like columns), JSON Lines or GeoJSON.

CSV has one row per incident and category, like a conflict dataset: the date
and its precision, the place with the gazetteer's region, country and
coordinates and a geo precision (1 locality, 2 region, 3 country; empty when
no gazetteer knew the place), and the low / best / high estimates with the
number of independent sources, the sources and their quotes. Every number
stays a claim: ``sources`` and ``quotes`` say who says it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from sourcewise.reconcile import IncidentView, headline_claims

CSV_COLUMNS = (
    "incident_id",
    "event_date",
    "date_precision",
    "place",
    "admin1",
    "country",
    "latitude",
    "longitude",
    "geo_precision",
    "category",
    "low",
    "best",
    "high",
    "number_of_sources",
    "sources",
    "quotes",
    "sources_differ",
    "confidence",
)


def csv_rows(view: IncidentView) -> Iterator[dict[str, Any]]:
    inc = view.incident
    flagged = {f.category for f in view.flags}
    for category, est in view.estimates.items():
        heads, _ = headline_claims(view.claims, category)
        publishers = []
        for c in heads:
            s = view.sources.get(c.document_id)
            name = (s.publisher if s and s.publisher else None) or c.document_id[:12]
            publishers.append(f"{name} ({c.attributed_to})" if c.attributed_to else name)
        yield {
            "incident_id": inc.id,
            "event_date": inc.date or "",
            "date_precision": inc.date_precision or "",
            "place": inc.place or "",
            "admin1": inc.admin1 or "",
            "country": inc.country or "",
            "latitude": "" if inc.lat is None else inc.lat,
            "longitude": "" if inc.lon is None else inc.lon,
            "geo_precision": inc.geo_precision or "",
            "category": category,
            "low": _blank(est.low),
            "best": _blank(est.best),
            "high": _blank(est.high),
            "number_of_sources": est.independent_sources,
            "sources": "; ".join(dict.fromkeys(publishers)),
            "quotes": " | ".join(dict.fromkeys(c.quote for c in heads)),
            "sources_differ": "yes" if category in flagged else "no",
            "confidence": inc.confidence,
        }


def _blank(v: int | None) -> object:
    return "" if v is None else v


def write_csv(views: Iterable[IncidentView], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for v in views:
        for row in csv_rows(v):
            writer.writerow(row)
            n += 1
    return n


def write_jsonl(views: Iterable[IncidentView], out: TextIO) -> int:
    n = 0
    for v in views:
        out.write(json.dumps(v.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def geojson_feature(view: IncidentView) -> dict[str, Any] | None:
    """A Point for an incident with coordinates (None without: GeoJSON needs a position)."""
    inc = view.incident
    if inc.lat is None or inc.lon is None:
        return None
    return {
        "type": "Feature",
        "id": inc.id,
        "geometry": {"type": "Point", "coordinates": [inc.lon, inc.lat]},
        "properties": {
            "incident_id": inc.id,
            "place": inc.place,
            "admin1": inc.admin1,
            "country": inc.country,
            "geo_precision": inc.geo_precision,
            "event_date": inc.date,
            "date_precision": inc.date_precision,
            "documents": len(inc.documents),
            "estimates": {k: {"low": e.low, "best": e.best, "high": e.high} for k, e in view.estimates.items()},
            "sources_differ": sorted({f.category for f in view.flags}),
        },
    }


def write_geojson(views: Iterable[IncidentView], out: TextIO) -> tuple[int, int]:
    """A FeatureCollection, streamed; returns (features written, incidents without coordinates)."""
    out.write('{"type": "FeatureCollection", "features": [')
    written = skipped = 0
    for v in views:
        feature = geojson_feature(v)
        if feature is None:
            skipped += 1
            continue
        out.write(("," if written else "") + "\n" + json.dumps(feature, ensure_ascii=False))
        written += 1
    out.write("\n]}\n")
    return written, skipped


def to_csv_string(views: Iterable[IncidentView]) -> str:
    buf = io.StringIO()
    write_csv(views, buf)
    return buf.getvalue()
