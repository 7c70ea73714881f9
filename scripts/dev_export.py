"""Development aid until the real pipeline lands: a rough reader + extraction -> export JSON.

usage: .venv/bin/python scripts/dev_export.py seeds out.json
Then: .venv/bin/python ../shared/tools/score.py ../shared/gold/seeds.yml out.json
"""

import json
import re
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path

from builder.extract import extract_article
from builder.models import Article


def read(path: Path) -> Article:
    text = path.read_text(encoding="utf-8")
    published = None
    if text.startswith("---"):
        _, front, text = text.split("---", 2)
        m = re.search(r'date:\s*"?(\d{4}-\d{2}-\d{2})', front)
        published = date.fromisoformat(m.group(1)) if m else None
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    title = lines[0] if not published else ""
    m = re.match(r"date (\d{4}-\d{2}-\d{2}) ", lines[0])
    if m:
        published = date.fromisoformat(m.group(1))
    body_lines = lines if published and not m else lines[1:]
    return Article(id=path.stem, story="seeds", path=path.name, outlet=path.stem, title=title,
                   body="\n\n".join(body_lines), published=published or date(2025, 2, 9),
                   published_inferred=published is None)


def main() -> None:
    src, out = Path(sys.argv[1]), Path(sys.argv[2])
    articles = [read(p) for p in sorted(src.iterdir()) if p.suffix in {".txt", ".md"}]
    mentions = []
    for a in articles:
        for m in extract_article(a):
            d = asdict(m)
            assert a.body[m.start:m.end] == m.text
            mentions.append(d)
    export = {"schema_version": 1,
              "stories": [{"id": "seeds", "title": "seeds", "articles": [a.id for a in articles]}],
              "articles": [{**asdict(a), "published": a.published.isoformat() if a.published else None}
                           for a in articles],
              "mentions": mentions, "claims": []}
    out.write_text(json.dumps(export, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
