"""A synthetic archive made from real article text, for the benchmark.

Each synthetic story recombines the paragraphs of the seed articles: every article
keeps its own headline and most of its paragraphs (so quotations, figures and
dates still align across outlets), numbers are scaled per story, and capitalised
words that recur in the seeds (people, places, outlets) are renamed consistently
within a story from a pool of invented names, so no two stories are alike. Each
article is Markdown with front matter, as a newsroom's archive keeps it: headline,
date and outlet, the n-th article of every story from the n-th of a few invented
outlets (the seeds name none).
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

INVENTED = (
    "Aldana Brook Castell Dorin Evander Falk Garrow Holm Ilves Jarek Kestrel Lindqvist Moravec "
    "Norberg Okafor Pellinen Quist Rasmussen Solberg Tamm Ueda Varga Wexler Yildiz Zeller Abara "
    "Bexley Corvin Dunmore Eskola Ferrante Galloway Halden Iversen Jovanic Kallas Lorne Maren"
).split()
OUTLETS = ("Northgate Ledger", "Harbour Evening Post", "Valley Courier", "Capital Wire Daily",
           "Lakeshore Tribune", "Western Sentinel", "Riverside Gazette")
_DATE_LINE = re.compile(r"^date \S+ ")  # a seed whose first line is a date line, then the headline
_NAME = re.compile(r"\b[A-Z][a-z]{3,}\b")
_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d{2,}\b")


@dataclass(frozen=True, slots=True)
class SeedArticle:
    headline: str
    paragraphs: tuple[str, ...]


def read_seeds(folder: Path) -> list[SeedArticle]:
    """Headline and paragraphs of each seed, front matter and metadata lines left out."""
    seeds = []
    for path in sorted(folder.iterdir()):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            text = text.split("---", 2)[2]
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if len(lines) > 2:
            seeds.append(SeedArticle(lines[0], tuple(lines[1:])))
    return seeds


def _recurring_names(seeds: list[SeedArticle]) -> list[str]:
    counts = Counter(w for s in seeds for p in s.paragraphs for w in _NAME.findall(p))
    return sorted(w for w, n in counts.items() if n >= 3)


def _vary_number(match: re.Match[str], factor: float) -> str:
    raw = match.group(0)
    value = int(raw.replace(",", ""))
    if 1900 <= value <= 2100 and "," not in raw:  # a year: keep it
        return raw
    varied = max(1, round(value * factor))
    return f"{varied:,}" if "," in raw else str(varied)


def write_archive(seeds_dir: Path, out: Path, stories: int, per_story: int = 5, seed: int = 7) -> int:
    """Write ``stories`` story folders of ``per_story`` articles; returns the word count."""
    seeds = read_seeds(seeds_dir)
    names = _recurring_names(seeds)
    rng = random.Random(seed)
    words = 0
    start = date(2024, 1, 1)
    for s in range(stories):
        rename = dict(zip(names, rng.sample(INVENTED, k=min(len(names), len(INVENTED)))))
        factor = rng.uniform(0.5, 1.5)
        day = start + timedelta(days=s)

        def vary(text: str) -> str:
            text = _NAME.sub(lambda m: rename.get(m.group(0), m.group(0)), text)
            return _NUMBER.sub(lambda m: _vary_number(m, factor), text)

        folder = out / f"story-{s:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        for a in range(per_story):
            base = seeds[a % len(seeds)]
            paragraphs = [p for p in base.paragraphs if rng.random() > 0.15] or list(base.paragraphs)
            body = "\n\n".join(vary(p) for p in paragraphs)  # Markdown: a blank line between paragraphs
            headline = _DATE_LINE.sub("", vary(base.headline)).replace('"', "'")
            text = (f'---\ntitle: "{headline}"\ndate: {day.isoformat()}\n'
                    f'outlet: {OUTLETS[a % len(OUTLETS)]}\n---\n{body}\n')
            (folder / f"s{s:04d}-a{a}.md").write_text(text, encoding="utf-8")
            words += len(headline.split()) + len(body.split())
    return words
