"""Clearly synthetic news articles of a chosen length, for throughput measurements.

Real articles of ~700 words are what a day of world news looks like, but the
shared corpus is small and must not be copied. These are composed from
template sentences written for this file, about invented places (``Varnel``,
``Ostrava Ridge``...) and invented parties, so that nobody can mistake them
for reporting. They exercise the same machinery as news: numbers with harm
words, dates, attributions, places, quotes.

    python -m benchmarks.synthetic OUT_DIR --count 50 --words 700        # .txt files
    python -m benchmarks.synthetic OUT.jsonl --count 1000 --words 700    # one JSONL file
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

PLACES = ("Varnel", "Ostrava Ridge", "Kelmet", "the Dorva valley", "Saltmere", "Irun Pass", "Belko", "Tamsin Ford")
REGIONS = ("Northmarch province", "the Lowen district", "East Calder region", "Harth county")
PARTIES = ("the Coastal Front", "the Highland Union", "government troops", "the Free Militia", "border units")
SOURCES = (
    "a spokesperson for the regional health office",
    "the local governor",
    "an aid agency working in the area",
    "witnesses who spoke by phone",
    "the ministry of the interior",
    "a monitoring group based abroad",
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

TEMPLATES = (
    "At least {n} people were killed and {m} injured when shells hit {place} on {day}, {source} said.",
    "{Source} said {n} civilians, including {k} children, had died in the attack on {place}.",
    "The fighting around {place} in {region} forced about {big} residents to leave their homes.",
    "{Party} said it had detained {n} fighters near {place} on {month} {date}.",
    "Officials in {region} gave a higher toll of {m} dead, but the figure could not be verified.",
    "Reporters who reached {place} on {day} saw damaged houses and a closed market.",
    "{Party} denied responsibility and blamed {party2} for the strike on the bridge.",
    "According to {source}, {n} people remain missing after the flooding of the lower town.",
    "The convoy carried food and medicine for roughly {big} people sheltering in {place}.",
    "Talks between {party} and {party2} are expected to resume in {month}, a mediator said.",
    "Hospitals in {region} treated {m} wounded overnight, {source} told reporters.",
    "Residents described hearing explosions from the direction of {place} shortly after midnight.",
    "On {month} {date}, {party} announced a curfew across {region}.",
    "{Source} said that {k} aid workers had been briefly held at a checkpoint outside {place}.",
    "The ceasefire agreed in {month} has been broken several times, both sides say.",
    "Schools in {place} have been closed for {k} weeks, and teachers have not been paid.",
    "Neither {party} nor {party2} commented on the report, which cited {n} deaths since {month}.",
    "Satellite images reviewed by {source} appear to show {k} destroyed buildings in {place}.",
)


def _fill(rng: random.Random, template: str) -> str:
    party, party2 = rng.sample(PARTIES, 2)
    source = rng.choice(SOURCES)
    values = {
        "n": rng.randint(2, 90),
        "m": rng.randint(3, 250),
        "k": rng.randint(2, 15),
        "big": rng.choice((1200, 3500, 8000, 15000, 40000)),
        "place": rng.choice(PLACES),
        "region": rng.choice(REGIONS),
        "party": party,
        "party2": party2,
        "Party": party[0].upper() + party[1:],
        "source": source,
        "Source": source[0].upper() + source[1:],
        "month": rng.choice(MONTHS),
        "day": rng.choice(DAYS),
        "date": rng.randint(1, 28),
    }
    return template.format(**values)


def article(rng: random.Random, words: int = 700) -> str:
    """A headline, a blank line and paragraphs of 3-5 template sentences, about ``words`` words long."""
    title = f"Fighting near {rng.choice(PLACES)} leaves civilians without shelter (synthetic)"
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences = [_fill(rng, t) for t in rng.sample(TEMPLATES, rng.randint(3, 5))]
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def articles(count: int, words: int = 700, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [article(rng, words) for _ in range(count)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, help="a folder (one .txt per article) or a .jsonl file")
    ap.add_argument("--count", type=int, default=50)
    ap.add_argument("--words", type=int, default=700)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    texts = articles(a.count, a.words, a.seed)
    if a.out.suffix == ".jsonl":
        a.out.parent.mkdir(parents=True, exist_ok=True)
        with a.out.open("w", encoding="utf-8") as fh:
            for i, text in enumerate(texts):
                fh.write(json.dumps({"text": text, "url": f"https://example.invalid/synthetic/{i}"}) + "\n")
    else:
        a.out.mkdir(parents=True, exist_ok=True)
        for i, text in enumerate(texts):
            (a.out / f"synthetic-{i:06d}.txt").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
