"""The id ledger: claim and discrepancy ids that stay valid as a story's coverage grows.

Content-derived ids are right for a first build; adding outlets can change the
content a claim's id is derived from. The ledger remembers every id a build
published, with what it stood for, so the next build can

1. give a claim the id of the earlier claim whose mentions it carries (most shared
   mentions wins; ties go to the smaller earlier id), each earlier id kept by one
   claim only;
2. give a new claim its content id, suffixed where that id was ever published for
   something else: an id is never reused;
3. retire an earlier id that no claim kept: *merged* into the claim that now carries
   most of its mentions (its url becomes a redirect), or *gone* (its articles were
   removed or no longer hold it; its url becomes a page saying what it was);
4. keep every earlier discrepancy anchor of a claim that no longer holds as
   *resolved*, with what it said and why it no longer holds.

Mentions are keyed by article, kind and text (offsets shift when an article is
edited elsewhere). The file is JSON with sorted keys and no clock: the same input
and ledger give the same ledger. Default place: ``<source>/.parallax/ids.json``
(ingest ignores dot folders), a file a newsroom keeps with its articles.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from builder.models import Article, Claim, Discrepancy, Mention, ResolvedDiscrepancy, RetiredClaim, Story
from builder.urls import claim_url

FORMAT = 1
LEDGER_DIR = ".parallax"
LEDGER_NAME = "ids.json"
ABOUT = ("Parallax id ledger: every claim and discrepancy id this story folder's site has "
         "published. Keep it with the articles (commit it, like a lock file): the next build "
         "reads it so that published links keep working.")


class LedgerError(Exception):
    """The ledger file exists but cannot be used (named in one line)."""


def default_path(source: Path) -> Path:
    return Path(source) / LEDGER_DIR / LEDGER_NAME


@dataclass(frozen=True, slots=True)
class Entry:
    """What one published claim id stood for, as the ledger keeps it."""

    story: str
    id: str
    kind: str
    title: str
    state: str  # live | merged | gone
    mentions: tuple[str, ...]  # mention keys, sorted
    discrepancies: Mapping[str, Mapping[str, Any]]  # id -> {type, summary, sides: variant ids}
    into: str | None = None  # merged: the id of the claim that carries it now
    last_seen: str | None = None  # ISO date: the newest article of the last build that had it
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "title": self.title, "state": self.state,
                "mentions": list(self.mentions),
                "discrepancies": {k: dict(v) for k, v in sorted(self.discrepancies.items())},
                "into": self.into, "last_seen": self.last_seen, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Ledger:
    entries: Mapping[tuple[str, str], Entry]  # (story, claim id) -> entry

    @classmethod
    def empty(cls) -> Ledger:
        return cls({})

    def of_story(self, story: str) -> list[Entry]:
        return [e for (s, _), e in sorted(self.entries.items()) if s == story]

    def to_bytes(self, *, compact: bool = False) -> bytes:
        """The ledger as JSON: indented (the file kept with the articles, read in diffs), or
        ``compact``, one id a line (the site's copy, a fifth smaller); both read back alike."""
        stories: dict[str, dict[str, Any]] = {}
        for (story, ident), entry in sorted(self.entries.items()):
            stories.setdefault(story, {})[ident] = entry.to_json()
        if not compact:
            data = {"about": ABOUT, "format": FORMAT, "stories": stories}
            return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")

        def line(value: Any) -> str:
            return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

        blocks = [f"{line(story)}:{{\n" + ",\n".join(f"{line(ident)}:{line(entry)}" for ident, entry in ids.items())
                  + "\n}" for story, ids in stories.items()]
        return (f'{{"about":{line(ABOUT)},"format":{FORMAT},"stories":{{\n' + ",\n".join(blocks)
                + "\n}}\n").encode("utf-8")


def read(path: Path | None) -> Ledger:
    """The ledger at ``path``; an empty one where there is no file (a first build)."""
    if path is None or not path.is_file():
        return Ledger.empty()
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise LedgerError(f"{path}: not a readable Parallax id ledger ({type(err).__name__}: {err})"
                          "; move it aside to start a new one") from err
    return parse(raw, path)


def parse(raw: bytes, path: Path | str = "ids.json") -> Ledger:
    """The ledger these bytes hold (``path`` names them in an error)."""
    try:
        data = json.loads(raw.decode("utf-8"))
        if data.get("format") != FORMAT:
            raise LedgerError(f"{path}: ledger format {data.get('format')!r}, expected {FORMAT}")
        entries = {}
        for story, claims in data["stories"].items():
            for ident, e in claims.items():
                entries[(story, ident)] = Entry(
                    story=story, id=ident, kind=e["kind"], title=e["title"], state=e["state"],
                    mentions=tuple(e["mentions"]), discrepancies=e.get("discrepancies") or {},
                    into=e.get("into"), last_seen=e.get("last_seen"), reason=e.get("reason"))
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as err:
        if isinstance(err, LedgerError):
            raise
        raise LedgerError(f"{path}: not a readable Parallax id ledger ({type(err).__name__}: {err})"
                          "; move it aside to start a new one") from err
    return Ledger(entries)


def write(ledger: Ledger, path: Path, written: bytes | None = None) -> None:
    """Write atomically: a temporary file in the same folder, then a rename. ``written``:
    ``ledger.to_bytes()``, where the caller has it already."""
    from builder.files import write_atomic

    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, ledger.to_bytes() if written is None else written)


def mention_key(m: Mention) -> str:
    return f"{m.article}\u241f{m.kind}\u241f{m.text}"


@dataclass(frozen=True, slots=True)
class Applied:
    """The claims with their kept ids, the retired ids, and the ledger to write."""

    claims: tuple[Claim, ...]
    retired: tuple[RetiredClaim, ...]
    ledger: Ledger


def apply(ledger: Ledger, stories: Sequence[Story], articles: Sequence[Article],
          mentions: Sequence[Mention], claims: Sequence[Claim]) -> Applied:
    """Steps 1-4 of the module docstring, story by story."""
    by_id = {m.id: m for m in mentions}
    newest = {s.id: max((a.published for a in articles if a.story == s.id and a.published), default=None)
              for s in stories}
    present = {a.id for a in articles}
    out_claims: list[Claim] = []
    retired: list[RetiredClaim] = []
    entries: dict[tuple[str, str], Entry] = {}
    story_ids = {s.id for s in stories}
    earlier: dict[str, list[Entry]] = {}
    for (story, ident), entry in sorted(ledger.entries.items()):
        earlier.setdefault(story, []).append(entry)
        if story not in story_ids:  # stories no longer in the folder
            entries[(story, ident)] = entry
    of_story: dict[str, list[Claim]] = {}
    for c in claims:
        of_story.setdefault(c.story, []).append(c)
    for story in sorted(story_ids):
        seen = newest[story].isoformat() if newest[story] else None
        kept, new_entries, gone = _story(earlier.get(story, []), of_story.get(story, []), by_id, present, seen)
        out_claims += kept
        retired += gone
        entries.update({(story, e.id): e for e in new_entries})
    return Applied(tuple(sorted(out_claims, key=lambda c: (c.story, c.kind, c.id))),
                   tuple(sorted(retired, key=lambda r: (r.story, r.id))), Ledger(entries))


def _story(earlier: list[Entry], claims: list[Claim], by_id: Mapping[str, Mention],
           present: set[str], seen: str | None) -> tuple[list[Claim], list[Entry], list[RetiredClaim]]:
    keys = {c.id: Counter(mention_key(by_id[m]) for m in c.mentions) for c in claims}
    live = [e for e in earlier if e.state != "merged"]  # a gone id comes back with its mentions
    shared = _shared_mentions(live, keys)
    # 1. earlier ids kept by the claims that carry most of their mentions
    pairs = sorted((-n, e.id, c) for e in live for c, n in shared[e.id].items())
    kept_by: dict[str, str] = {}  # content id -> earlier id
    taken: set[str] = set()
    for _, earlier_id, content_id in pairs:
        if earlier_id not in taken and content_id not in kept_by:
            kept_by[content_id] = earlier_id
            taken.add(earlier_id)
    # 2. new claims: content ids, never one published before for something else
    published = {e.id for e in earlier} | taken
    final: dict[str, str] = {}
    for c in sorted(claims, key=lambda c: c.id):
        if c.id in kept_by:
            final[c.id] = kept_by[c.id]
            continue
        ident, n = c.id, 1
        while ident in published:
            n += 1
            ident = f"{c.id}-{n}"
        published.add(ident)
        final[c.id] = ident
    by_final = {final[c.id]: c for c in claims}
    # 3. earlier ids no claim kept: merged into the claim carrying most of their mentions, or gone
    entries: list[Entry] = []
    retired: list[RetiredClaim] = []
    merged_into: dict[str, list[Entry]] = {}
    for e in earlier:
        if e.id in taken:
            continue
        if e.state != "merged":
            best = min(((-n, final[c]) for c, n in shared[e.id].items()), default=(0, ""))
            if best[0] < 0:
                e = replace(e, state="merged", into=best[1],
                            reason="its versions are now part of this claim, which more outlets carry")
            else:
                articles = {k.split("\u241f", 1)[0] for k in e.mentions}
                why = ("the articles that carried it were removed from the story"
                       if not articles & present else
                       "its articles no longer hold it (edited, or read differently by a newer Parallax)")
                e = replace(e, state="gone", into=None, reason=why)
        entries.append(e)
        target = _resolve(e, {x.id: x for x in earlier}, by_final)
        if e.state == "merged" and target:
            merged_into.setdefault(target, []).append(e)
        retired.append(RetiredClaim(
            id=e.id, story=e.story, kind=e.kind, title=e.title, state=e.state, url=claim_url(e.story, e.id),
            into=claim_url(e.story, target) if target else None, last_seen=e.last_seen,
            reason=e.reason or "", discrepancies=tuple(
                ResolvedDiscrepancy(d, v.get("type", ""), v.get("summary", ""), e.reason or "")
                for d, v in sorted(e.discrepancies.items()))))
    # 4. kept claims: discrepancies keep their earlier ids while their sides exist; earlier
    #    discrepancies that no longer hold stay as resolved anchors
    earlier_by_id = {e.id: e for e in earlier}
    out: list[Claim] = []
    for c in claims:
        ident, own = final[c.id], keys[c.id]
        before = earlier_by_id.get(ident)
        sources = ([before] if before else []) + merged_into.get(ident, [])
        c = replace(c, id=ident, url=claim_url(c.story, ident),
                    discrepancies=_keep_discrepancy_ids(c.discrepancies, before.discrepancies if before else {}))
        current = {d.id for d in c.discrepancies}
        resolved: dict[str, ResolvedDiscrepancy] = {}
        for source in sources:
            for d, v in sorted(source.discrepancies.items()):
                if d not in current and d not in resolved:
                    resolved[d] = ResolvedDiscrepancy(d, v.get("type", ""), v.get("summary", ""),
                                                      _why_resolved(v.get("type", ""), c, source is not before))
        c = replace(c, resolved=tuple(resolved[d] for d in sorted(resolved)))
        out.append(c)
        entries.append(Entry(
            story=c.story, id=ident, kind=c.kind, title=c.title, state="live",
            mentions=tuple(sorted(own.elements())),
            discrepancies={**{d.id: {"type": d.type, "summary": d.summary} for d in c.resolved},
                           **{d.id: {"type": d.type, "summary": d.summary, "sides": list(_sides(d))}
                              for d in c.discrepancies}},
            last_seen=seen))
    return out, entries, retired


def _shared_mentions(entries: Sequence[Entry], keys: Mapping[str, Counter[str]]) -> dict[str, dict[str, int]]:
    """For each earlier entry, the claims sharing mentions with it: content id -> how many
    (each mention counted as often as both hold it). Claims sharing none are left out."""
    holders: dict[str, list[str]] = {}
    for claim_id, held in keys.items():
        for key in held:
            holders.setdefault(key, []).append(claim_id)
    out = {}
    for e in entries:
        wanted = Counter(e.mentions)
        candidates = {c for key in wanted for c in holders.get(key, ())}
        out[e.id] = {c: sum((keys[c] & wanted).values()) for c in sorted(candidates)}
    return out


def _sides(d: Discrepancy) -> tuple[str, ...]:
    """The variants a discrepancy is between, the most common first ('' for a side that is
    not a variant: the outlets leaving a claim out, a speaker)."""
    return tuple(s.variant or "" for s in d.sides)


def _keep_discrepancy_ids(current: Sequence[Discrepancy], earlier: Mapping[str, Mapping[str, Any]]
                          ) -> tuple[Discrepancy, ...]:
    """A discrepancy keeps the id of the earlier one between the same variants: the same
    sides, or the same differing variants against another most common wording. The rest
    keep their content ids, suffixed where an earlier id now names another discrepancy."""
    def between(sides: Sequence[str]) -> frozenset[str]:
        return frozenset(sides) - {""}

    def differing(sides: Sequence[str]) -> frozenset[str]:
        return frozenset(sides[1:]) - {""}

    assigned: dict[int, str] = {}
    for same in (between, differing):
        for i, d in enumerate(current):
            if i in assigned or not same(_sides(d)):
                continue
            for eid, e in sorted(earlier.items()):
                if eid not in assigned.values() and e.get("type") == d.type and e.get("sides") \
                        and same(e["sides"]) == same(_sides(d)):
                    assigned[i] = eid
                    break
    taken = set(assigned.values())
    out = []
    for i, d in enumerate(current):
        ident = assigned.get(i)
        if ident is None:
            ident, n = d.id, 1
            while ident in taken:
                n += 1
                ident = f"{d.id}-{n}"
            taken.add(ident)
        out.append(d if ident == d.id else replace(d, id=ident))
    return tuple(sorted(out, key=lambda d: d.id))


def _resolve(e: Entry, earlier: Mapping[str, Entry], live: Mapping[str, Claim]) -> str | None:
    """The live claim a merged id leads to now, following earlier merges; None if none."""
    seen = set()
    ident = e.into
    while ident and ident not in live and ident not in seen:
        seen.add(ident)
        nxt = earlier.get(ident)
        ident = nxt.into if nxt and nxt.state == "merged" else None
    return ident if ident in live else None


def _why_resolved(kind: str, claim: Claim, merged: bool) -> str:
    if merged:
        return "said of an earlier claim that is now part of this one; it no longer holds here"
    if kind == "omission":
        return "no longer an omission: with this story's outlets the claim is not carried by most of them"
    if claim.status == "agree":
        return "no longer differs: the outlets' versions now agree"
    return "no longer holds: the version that differed is no longer in the story"
