"""The JSON API's shapes, for validation and a complete OpenAPI document.

Reports follow ../shared/spec/report-v1.md field for field. Every model allows
extra keys: the spec lets fields be added, and a field added by a newer
pipeline must reach API clients rather than be silently dropped here.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

#: No NUL character (PostgreSQL text cannot hold one), and something besides whitespace.
NO_NUL = r"^[^\x00]*$"
TEXT_PATTERN = r"^[^\x00]*[^\x00\s][^\x00]*$"


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class GroundedModel(_Open):
    start: int = Field(description="character offset into document.text (inclusive)")
    end: int = Field(description="character offset into document.text (exclusive)")
    quote: str = Field(description="document.text[start:end]")


class DocumentModel(_Open):
    id: str = Field(description="SHA-256 hex of the raw input bytes")
    source: str
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    byline: str | None = None
    published: str | None = None
    language: str = "en"
    text: str


class FigureModel(GroundedModel):
    id: str
    category: str
    value: int | None
    low: int | None
    high: int | None
    qualifier: str
    subgroup: str | None
    unit: str
    part_of: str | None
    event: str | None
    attributed_to: str | None


class DateModel(GroundedModel):
    value: str
    granularity: str


class PlaceModel(GroundedModel):
    name: str
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    gazetteer_id: str | None = None


class EntityModel(GroundedModel):
    label: str


class TotalModel(_Open):
    value: int | None
    low: int | None
    high: int | None
    figures: list[str]


class EventModel(GroundedModel):
    id: str
    kind: str
    date: str | None
    place: str | None
    figures: list[str]
    totals: dict[str, TotalModel]


class ActModel(GroundedModel):
    kind: str
    actor: str | None
    date: str | None


class OutletModel(_Open):
    name: str
    owner: str | None
    funding: str | None
    affiliation: str | None
    source: str


class AttributionModel(GroundedModel):
    source: str


class TechniqueModel(GroundedModel):
    label: str
    score: float
    reason: str = ""


class CheckModel(_Open):
    kind: str
    ok: bool
    message: str
    refs: list[str]


class FramingModel(_Open):
    genre: str | None = None
    genre_cues: list[str] = []
    sponsorship: GroundedModel | None = None
    outlet: OutletModel | None = None
    attributions: list[AttributionModel] = []
    unattributed_share: float | None = None
    techniques: list[TechniqueModel] = []
    checks: list[CheckModel] = []


class ReportModel(_Open):
    """One analysed document (report-v1)."""

    schema_: str = Field(alias="schema", serialization_alias="schema")
    pipeline: str
    document: DocumentModel
    figures: list[FigureModel]
    dates: list[DateModel]
    places: list[PlaceModel]
    entities: list[EntityModel]
    events: list[EventModel]
    acts: list[ActModel]
    framing: FramingModel


class AnalyzeRequest(BaseModel):
    """Text to analyse, with what the caller knows about it (stored as given, never fetched)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(
        min_length=1,
        pattern=TEXT_PATTERN,
        description="the article text (not only whitespace, no NUL); every offset of the report refers to it",
    )
    title: str | None = Field(default=None, max_length=1000, pattern=NO_NUL)
    publisher: str | None = Field(default=None, max_length=1000, pattern=NO_NUL)
    published: str | None = Field(
        default=None, max_length=100, pattern=NO_NUL, description="YYYY-MM-DD (or YYYY-MM, YYYY); else ignored"
    )
    url: str | None = Field(
        default=None, max_length=4000, pattern=NO_NUL, description="recorded only: the server never fetches it"
    )


class DocumentSummaryModel(_Open):
    id: str
    source: str
    title: str | None
    publisher: str | None
    published: str | None
    url: str | None
    genre: str | None
    sponsored: bool
    ingested_at: str
    claims: int


class IngestResult(BaseModel):
    id: str
    outcome: str = Field(description="new, updated or unchanged")
    document: str = Field(description="path of the document's page")
    incidents: list[str]


class ClaimModel(_Open):
    document_id: str
    publisher: str | None
    title: str | None
    genre: str | None
    sponsored: bool
    event: str | None
    figure: str
    category: str
    value: int | None
    low: int | None
    high: int | None
    qualifier: str
    subgroup: str | None
    unit: str
    part_of: str | None
    attributed_to: str | None
    quote: str
    start: int
    end: int


class EstimateModel(_Open):
    low: int | None
    best: int | None
    high: int | None
    low_sources: list[str]
    high_sources: list[str]
    best_sources: list[str]
    rule: str
    documents: int
    independent_sources: int
    subgroup_only: bool


class FlagModel(_Open):
    kind: str
    category: str
    message: str
    ratio: float


class IncidentModel(_Open):
    """An incident across documents: every claim with its source, estimates per category, flags."""

    id: str
    place: str | None
    admin1: str | None
    country: str | None
    gazetteer_id: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    date: str | None
    date_start: str | None
    date_end: str | None
    date_precision: str | None
    kinds: list[str]
    confidence: float
    reason: str
    documents: list[str]
    claims: list[ClaimModel]
    estimates: dict[str, EstimateModel]
    flags: list[FlagModel]
    copies: dict[str, str]


class SearchHitModel(BaseModel):
    document_id: str
    title: str | None
    publisher: str | None
    source: str
    snippet: str = Field(description="matched words between U+27E6 and U+27E7")


class StatsModel(_Open):
    backend: str
    schema_version: int
    documents: int
    reports: int
    events: int
    claims: int
    incidents: int
    failures: int
    decisions: int
    pipelines: dict[str, int]
    stale_reports: int


class MergeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ids: list[str] = Field(min_length=2, max_length=100, description="incident ids or unique id prefixes")
    note: str = Field(default="", max_length=2000)


class SplitRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    members: list[str] = Field(min_length=1, max_length=1000, description="document id prefixes or DOC:EVENT keys")
    note: str = Field(default="", max_length=2000)


class DecisionResult(BaseModel):
    incident: str = Field(description="id of the incident the decision produced")


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorModel(BaseModel):
    error: ErrorDetail


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}
