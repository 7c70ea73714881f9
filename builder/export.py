"""The data export: JSON in the contract (``claims.schema.json``) and a CSV beside it.

The JSON carries every model field (the schema lists the required ones and allows
more); the CSV has a row per mention and claim, for spreadsheets. The site carries the
JSON gzip-compressed (:func:`export_files`).
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import operator
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields, is_dataclass
from datetime import date
from pathlib import Path
from typing import Any

from builder import urls
from builder.ledger import Ledger
from builder.models import Article, Claim, Corpus, Mention, RetiredClaim, Story

SCHEMA_VERSION = 1
SCHEMA_PATH = Path(__file__).resolve().parent / "claims.schema.json"

CSV_COLUMNS = (
    "story", "claim", "status", "article", "outlet", "kind", "text", "speaker",
    "value", "unit", "qualifier", "subject", "date", "start", "end", "mention",
)


_SCALARS = frozenset({str, int, float, bool, type(None)})
# a model class -> its fields' names, in order, and a getter of their values (one call)
_FIELDS: dict[type, tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]]]] = {}


def _plain(value: Any) -> Any:
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is tuple or kind is list:
        return [v if type(v) in _SCALARS else _plain(v) for v in value]
    if kind in _FIELDS or (is_dataclass(value) and not isinstance(value, type)):
        return _record(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _record(obj: Any) -> dict[str, Any]:
    """A model object as a dict of plain data, its fields in their order."""
    known = _FIELDS.get(type(obj))
    if known is None:
        names = tuple(f.name for f in fields(obj))
        getter = operator.attrgetter(*names)
        known = _FIELDS[type(obj)] = (names, getter if len(names) > 1 else lambda o: (getter(o),))
    names, values = known
    return {name: v if type(v) in _SCALARS else _plain(v) for name, v in zip(names, values(obj))}


def story_record(story: Story) -> dict[str, Any]:
    return {**_record(story), "url": urls.story_url(story.id)}


def article_record(article: Article) -> dict[str, Any]:
    return _record(article)


def mention_record(mention: Mention) -> dict[str, Any]:
    return _record(mention)


def claim_record(claim: Claim) -> dict[str, Any]:
    """The claim with its variants, discrepancies (each with its sides) and, for a
    contested figure, who gives which value."""
    return _record(claim)


def retired_record(retired: RetiredClaim) -> dict[str, Any]:
    return _record(retired)


def _record_lists(corpus: Corpus) -> dict[str, Iterator[dict[str, Any]]]:
    """The export's lists of records, each made as it is read."""
    return {
        "stories": map(story_record, corpus.stories),
        "articles": map(article_record, corpus.articles),
        "mentions": map(mention_record, corpus.mentions),
        "claims": map(claim_record, corpus.claims),
        "retired": map(retired_record, corpus.retired),
    }


def to_json_data(corpus: Corpus) -> dict[str, Any]:
    """The export as plain data, in the contract's shape."""
    return {"schema_version": SCHEMA_VERSION, **{k: list(v) for k, v in _record_lists(corpus).items()}}


def to_json(corpus: Corpus) -> bytes:
    """The export as JSON, one record (story, article, mention, claim, retired id) a line:
    it diffs and greps line by line, at three quarters of the size of indented JSON."""
    return b"".join(json_chunks(corpus))


_BATCH = 500  # records encoded at a time


def json_chunks(corpus: Corpus) -> Iterator[bytes]:
    """:func:`to_json`'s bytes, a few hundred records at a time, each record made and
    encoded as it is reached: the export is never held whole, as Python data or text."""
    def compact(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    yield f"{{\n{json.dumps('schema_version')}: {compact(SCHEMA_VERSION)}".encode("utf-8")
    for key, records in _record_lists(corpus).items():
        yield f",\n{json.dumps(key)}: [".encode("utf-8")
        first = True
        while batch := list(itertools.islice(records, _BATCH)):
            yield (("\n" if first else ",\n") + ",\n".join(map(compact, batch))).encode("utf-8")
            first = False
        yield b"]" if first else b"\n]"
    yield b"\n}\n"


def to_csv(corpus: Corpus) -> bytes:
    """A row per mention and claim it belongs to (a long quotation that several shorter
    ones match belongs to several claims); a mention in no claim still gets a row."""
    articles = {a.id: a for a in corpus.articles}
    claims_of: dict[str, list[Claim]] = {}
    for claim in corpus.claims:
        for mention_id in claim.mentions:
            claims_of.setdefault(mention_id, []).append(claim)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for m in corpus.mentions:
        article = articles[m.article]
        for claim in claims_of.get(m.id) or [None]:
            writer.writerow(_neutral(
                article.story, claim.id if claim else "", claim.status if claim else "",
                m.article, article.outlet, m.kind, m.text, m.speaker or "",
                "" if m.value is None else f"{m.value:g}", m.unit or "", m.qualifier or "",
                m.subject or "", m.date or "", m.start, m.end, m.id,
            ))
    return out.getvalue().encode("utf-8")


# A spreadsheet reads a cell starting with one of these as a formula (OWASP, CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def neutral_cell(cell: object) -> object:
    """A text cell that a spreadsheet would run as a formula, prefixed with ``'``; numbers kept."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def _neutral(*cells: object) -> tuple[object, ...]:
    return tuple(neutral_cell(c) for c in cells)


def export_files(corpus: Corpus, ids: Ledger | None = None) -> dict[str, bytes]:
    """The downloads the site carries, by site path: the data, and the id ledger if given.
    The JSON is gzip-compressed (``urls.DATA_JSON``): it carries every article's text, and
    compressed it is a tenth of its size, smaller than the CSV."""
    files = {urls.DATA_JSON: gzipped(json_chunks(corpus)), urls.DATA_CSV: to_csv(corpus)}
    if ids is not None:
        files[urls.DATA_IDS] = ids.to_bytes(compact=True)
    return files


def gzipped(chunks: Iterable[bytes]) -> bytes:
    """The bytes of ``chunks`` gzip-compressed, the same bytes on every build (no time or file
    name in the header): what ``gzip.compress(b"".join(chunks), 9, mtime=0)`` gives, made
    chunk by chunk so that the whole uncompressed text is never held."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31: zlib writes the gzip header, mtime 0
    return b"".join([*(deflate.compress(chunk) for chunk in chunks), deflate.flush()])


def validate(data: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` where the export breaks the contract."""
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
