"""Align the same claim across a story's articles: quotations, figures and dated events.

``align_story`` takes every mention of a story and returns its claims: each mention
is in at least one claim (a claim with one article is ``single``), and a long
quotation that holds several shorter ones another outlet reported separately is in
each of their claims (partial quoting). Grouping blocks candidates before any fuzzy
comparison (quotes by shared words, figures by subject, dates by shared context
words), so a story of a few thousand mentions aligns in well under a second.

Stable ids. A claim id is derived from content that adding another article rarely
changes, never from order or counters:

- a quotation: ``q-<speaker>-<anchor>-<digest>``. The anchor is the word trigram,
  among all trigrams of the claim's own versions (not of longer quotations it was
  found inside), with the smallest digest: a min-hash. Repeating words already
  there cannot change a minimum; a new version only changes it when it brings a new
  trigram that happens to hash lower, and a merge of two claims keeps the anchor of
  one of them. Choosing "the most common version" instead would flip on a tie.
- a figure: ``f-<canonical subject words>-<digest of subject and unit>``; values are
  not part of it, since another outlet's other value is the same claim.
- a dated event: ``d-<most precise date>-<anchor>-<digest>``; the anchor is the
  min-hash word among the content words all its sentences share.
Two claims whose ids would collide get a digest of their mention ids appended.
Discrepancy ids are their type and the differing content (``compare.py``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from builder import compare
from builder.compare import Version, Words, dates_compatible, locate, normalise_quote, passage
from builder.ids import digest, slugify
from builder.models import Article, Claim, Discrepancy, Mention, MentionKind, Story
from builder.patterns.align import (
    CLUSTER_COHERENCE,
    CONFLICTING_EVENT_SIMILARITY,
    DATE_WORDS,
    FRAGMENT_CONTAINMENT_MIN_WORDS,
    OTHER_SPEAKER_COVERAGE,
    OTHER_SPEAKER_MIN_WORDS,
    PART_COVERAGE,
    PART_FUZZY_RATIO,
    PART_MIN_SHARE,
    PART_MIN_WORDS,
    SAME_EVENT_SIMILARITY,
    SAME_EXPLICIT_DAY_SIMILARITY,
    SAME_QUOTE_COVERAGE,
    SHORT_QUOTE_RATIO,
    SHORT_QUOTE_WORDS,
    SPLIT_MAX_GAP,
    STOP_WORDS,
    SUBJECT_STOP_WORDS,
    SUBJECT_SYNONYMS,
    TITLE_CHARS,
    UNATTRIBUTED_COVERAGE,
)
from builder.urls import claim_url



@dataclass(slots=True)
class _Group:
    """A claim being built: its own mentions and longer quotations that contain it."""

    kind: MentionKind
    core: list[Mention]
    extra: list[Mention] = field(default_factory=list)
    event: frozenset[str] = frozenset()  # dates: the content words all its sentences share

    @property
    def members(self) -> list[Mention]:
        return [*self.core, *self.extra]


def align_story(story: Story, articles: Sequence[Article], mentions: Sequence[Mention]
                ) -> list[Claim]:
    """All the story's claims, sorted by kind then id; every mention is in at least one."""
    outlet_of = {a.id: a.outlet for a in articles}
    body_of = {a.id: a.body for a in articles}
    ordered = sorted(mentions, key=lambda m: (m.article, m.start, m.end, m.id))
    groups = [
        *_quote_groups([m for m in ordered if m.kind == "quote"]),
        *_figure_groups([m for m in ordered if m.kind == "figure"]),
        *_date_groups([m for m in ordered if m.kind == "date"], body_of),
    ]
    claims = _unique_ids([_claim(story, g, outlet_of, body_of) for g in groups])
    story_outlets = {outlet_of[a] for a in outlet_of}
    by_id = {m.id: m for m in mentions}
    with_omissions = []
    for c in claims:
        omission = compare.omission_discrepancy(
            {outlet_of[by_id[m].article] for m in c.mentions}, story_outlets)
        if omission:
            c = replace(c, discrepancies=(*c.discrepancies, omission))
        with_omissions.append(c)
    return sorted(with_omissions, key=lambda c: (c.kind, c.id))


# --- quotations ------------------------------------------------------------------


class _Quotes:
    """The quotations of a story, normalised, with cached pairwise comparisons."""

    def __init__(self, quotes: Sequence[Mention]) -> None:
        self.quotes = list(quotes)
        self.words = {q.id: normalise_quote(q.text) for q in quotes}
        self.by_id = {q.id: q for q in quotes}
        self._lcs: dict[tuple[tuple[str, ...], tuple[str, ...]], int] = {}
        self.chain = _chain_roots(quotes)

    def lcs(self, a: str, b: str) -> int:
        """Words of ``a`` and ``b`` that line up in order (longest common subsequence)."""
        na, nb = self.words[a].norm, self.words[b].norm
        key = (na, nb) if na <= nb else (nb, na)
        if key not in self._lcs:
            self._lcs[key] = LCSseq.similarity(*key)
        return self._lcs[key]

    def overlap(self, a: str, b: str) -> float:
        """Share of the shorter quotation's words found, in order, in the other."""
        short = min(len(self.words[a]), len(self.words[b]))
        return self.lcs(a, b) / short if short else 0.0


def _speaker_relation(a: Mention, b: Mention) -> str:
    if a.speaker and b.speaker:
        return "same" if a.speaker == b.speaker else "other"
    return "unknown"


def _candidate_pairs(qs: _Quotes, ids: Sequence[str]) -> list[tuple[str, str]]:
    """Pairs that can share half the words of the shorter one (prefix filtering).

    Words are ranked rarest first; two quotations sharing at least half of the
    shorter one's distinct words must share one of its rarest
    ``n - ceil(n / 2) + 1`` words, so only those are looked up: common words
    ("the", "war") never make a pair on their own.
    """
    sets = {i: set(qs.words[i].norm) for i in ids}
    df = Counter(w for ws in sets.values() for w in ws)
    postings: dict[str, list[str]] = {}
    for i in ids:
        for w in sets[i]:
            postings.setdefault(w, []).append(i)
    pairs: set[tuple[str, str]] = set()
    for i in ids:
        ranked = sorted(sets[i], key=lambda w: (df[w], w))
        probe = ranked[: len(ranked) - math.ceil(PART_MIN_SHARE * len(ranked)) + 1]
        for w in probe:
            for j in postings[w]:
                if i != j:
                    pairs.add((i, j) if i < j else (j, i))
    return sorted(pairs)


def _compare_pair(qs: _Quotes, i: str, j: str
                  ) -> tuple[str, float, tuple[str, str, int, int] | None]:
    """("same", score, None), ("part", score, (short, long, start, end)) or ("", 0, None)."""
    wa, wb = qs.words[i], qs.words[j]
    if not len(wa) or not len(wb):
        return "", 0.0, None
    relation = _speaker_relation(qs.by_id[i], qs.by_id[j])
    short, long = (i, j) if (len(wa), i) <= (len(wb), j) else (j, i)
    ls, ll = len(qs.words[short]), len(qs.words[long])
    lcs = qs.lcs(i, j)
    need = {"same": SAME_QUOTE_COVERAGE, "unknown": UNATTRIBUTED_COVERAGE,
            "other": OTHER_SPEAKER_COVERAGE}[relation]
    if relation == "other" and ls < OTHER_SPEAKER_MIN_WORDS:
        return "", 0.0, None
    if lcs / ls >= need and lcs / ll >= need:
        return "same", 2 * lcs / (ls + ll), None
    if relation == "same" and ll <= SHORT_QUOTE_WORDS:
        ratio = fuzz.ratio(wa.key, wb.key)
        if ratio >= SHORT_QUOTE_RATIO:
            return "same", ratio / 100, None
    part_need = max(PART_COVERAGE, need if relation == "unknown" else 0.0)
    if relation != "other" and ls >= PART_MIN_WORDS and lcs / ls >= part_need:
        ws, wl = qs.words[short], qs.words[long]
        start, end, hits = locate(ws.norm, wl.norm)
        if hits / ls >= part_need:
            return "part", hits / ls, (short, long, start, end)
        if hits / ls >= PART_MIN_SHARE:
            start, end = passage(ws, wl)
            if fuzz.ratio(ws.key, " ".join(wl.norm[start:end])) >= PART_FUZZY_RATIO:
                return "part", hits / ls, (short, long, start, end)
    return "", 0.0, None


class _Clusters:
    """Union-find over quotation ids, with each root's member list."""

    def __init__(self, ids: Iterable[str]) -> None:
        self.parent = {i: i for i in ids}
        self.members = {i: [i] for i in self.parent}

    def find(self, i: str) -> str:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: str, b: str) -> str:
        ra, rb = sorted((self.find(a), self.find(b)))
        if ra != rb:
            self.parent[rb] = ra
            self.members[ra] += self.members.pop(rb)
        return ra


def _quote_groups(quotes: Sequence[Mention]) -> list[_Group]:
    """Group quotations into claims.

    1. normalise; set fragments (one to three words) aside
    2. candidate pairs: sharing a key word (blocking), never two parts of one chain
    3. score each pair: the same quotation, or part of a longer one
    4. same-quotation clusters: greedy by score, one-to-one between two articles,
       every member sharing most words with every other
    5. a longer quotation joins each cluster whose words it contains (partial quoting)
    6. the parts of a split quotation join into one claim, unless another outlet's
       version shows words between them (it quoted two separate passages)
    7. fragments join a claim only by an exact match or inside a same-speaker quote
    8. a lone long quotation already shown inside other claims is not repeated
    """
    qs = _Quotes(quotes)
    # 1.
    full = [q.id for q in quotes if not q.fragment and len(qs.words[q.id])]
    fragments = [q for q in quotes if q.fragment or not len(qs.words[q.id])]
    nodes: dict[tuple, list[str]] = {}  # the same words by the same speaker: compared once
    for i in full:
        nodes.setdefault((qs.words[i].norm, qs.by_id[i].speaker or ""), []).append(i)
    reps = {ms[0]: ms for ms in nodes.values()}
    # 2. + 3.
    same: list[tuple[float, str, str]] = []
    parts: list[tuple[str, str]] = []
    for i, j in _candidate_pairs(qs, sorted(reps)):
        if qs.chain[i] == qs.chain[j]:
            continue
        kind, score, part = _compare_pair(qs, i, j)
        if kind == "same":
            same.append((score, i, j))
        elif part:
            parts += [(s, l) for s in reps[part[0]] for l in reps[part[1]]
                      if qs.chain[s] != qs.chain[l]]
    # 4.
    clusters = _Clusters(full)
    for ms in reps.values():
        for m in ms[1:]:
            clusters.union(ms[0], m)
    node_reps = {clusters.find(r): [r] for r in reps}  # cluster root -> its nodes
    articles = {r: {qs.by_id[m].article for m in ms} for r, ms in reps.items()}
    linked: set[tuple[str, str]] = set()  # (node, article of a node it was joined to)
    for _, i, j in sorted(same, key=lambda e: (-e[0], e[1], e[2])):
        new_i, new_j = articles[j] - articles[i], articles[i] - articles[j]
        if any((i, a) in linked for a in new_i) or any((j, a) in linked for a in new_j):
            continue  # one-to-one: i already has its match in that article
        ri, rj = clusters.find(i), clusters.find(j)
        if ri == rj:
            continue
        overlaps = [qs.overlap(x, y) for x in node_reps[ri] for y in node_reps[rj]]
        if sum(overlaps) >= CLUSTER_COHERENCE * len(overlaps):
            root = clusters.union(i, j)
            node_reps[root] = node_reps.pop(ri if root == rj else rj) + node_reps.pop(root)
            linked |= {(i, a) for a in new_i} | {(j, a) for a in new_j}
    # 5.
    extras: dict[str, set[str]] = {}
    for short, long in parts:
        root = clusters.find(short)
        if clusters.find(long) != root:
            extras.setdefault(root, set()).add(long)
    # 6.
    merged = _join_split_quotes(qs, clusters, extras)
    final: dict[str, _Group] = {}
    for root, ids in sorted(clusters.members.items()):
        final.setdefault(merged.find(root), _Group("quote", [])).core += [qs.by_id[i] for i in ids]
    for root, longs in extras.items():
        g = final[merged.find(root)]
        core_ids = {m.id for m in g.core}
        g.extra += [qs.by_id[i] for i in sorted(longs) if i not in core_ids
                    and qs.by_id[i] not in g.extra]
    # 7.
    _attach_fragments(qs, fragments, list(final.values()))
    # 8.
    in_extra = {m.id for g in final.values() for m in g.extra}
    result = [g for g in final.values()
              if g.core and not (len(g.core) == 1 and not g.extra and g.core[0].id in in_extra)]
    return result + _fragment_groups([f for f in fragments if not any(
        f in g.core for g in result)])


def _join_split_quotes(qs: _Quotes, clusters: _Clusters, extras: dict[str, set[str]]
                       ) -> _Clusters:
    """Union of clusters joined by a split quotation (step 6 of :func:`_quote_groups`)."""
    merged = _Clusters(clusters.members)

    def members(root: str) -> set[str]:
        out: set[str] = set()
        for r, ms in clusters.members.items():
            if merged.find(r) == root:
                out |= set(ms) | extras.get(r, set())
        return out

    links = sorted((q.continues, q.id) for q in qs.quotes
                   if q.continues in clusters.parent and q.id in clusters.parent)
    for p, q in links:
        x, y = merged.find(clusters.find(p)), merged.find(clusters.find(q))
        if x == y:
            continue
        shared = (members(x) & members(y)) - {p, q}
        if all(_adjacent(qs, p, q, long) for long in sorted(shared)
               if qs.by_id[long].article != qs.by_id[p].article):
            merged.union(x, y)
    return merged


def _adjacent(qs: _Quotes, p: str, q: str, long: str) -> bool:
    """Parts ``p`` then ``q`` of a split quote stand side by side in quotation ``long``."""
    lw = qs.words[long].norm
    a1, b1, hits1 = locate(qs.words[p].norm, lw)
    a2, b2, hits2 = locate(qs.words[q].norm, lw)
    if hits1 < CLUSTER_COHERENCE * len(qs.words[p]) or hits2 < CLUSTER_COHERENCE * len(qs.words[q]):
        return True  # ``long`` does not hold both parts: no evidence either way
    return 0 <= a2 - b1 <= SPLIT_MAX_GAP


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[k:k + n] == short for k in range(len(long) - n + 1))


def _attach_fragments(qs: _Quotes, fragments: Sequence[Mention], groups: list[_Group]
                      ) -> None:
    """Step 7: a fragment joins the claim with most exact or same-speaker containing quotes."""
    for f in fragments:
        fw = qs.words[f.id].norm
        if not fw:
            continue
        best, best_hits = None, 0
        for g in groups:
            hits = sum(1 for m in g.core if not m.fragment and (
                qs.words[m.id].norm == fw or (
                    f.speaker and m.speaker == f.speaker and len(fw) >= FRAGMENT_CONTAINMENT_MIN_WORDS
                    and _contains(qs.words[m.id].norm, fw))))
            if hits > best_hits or (hits and hits == best_hits and best is not None
                                    and min(m.id for m in g.core) < min(m.id for m in best.core)):
                best, best_hits = g, hits
        if best is not None:
            best.core.append(f)


def _fragment_groups(fragments: Sequence[Mention]) -> list[_Group]:
    """Fragments that match no claim: the same words by the same speaker form one claim."""
    by_words: dict[str, dict[str, list[Mention]]] = {}
    for f in fragments:
        key = normalise_quote(f.text).key or f.text
        by_words.setdefault(key, {}).setdefault(f.speaker or "", []).append(f)
    groups = []
    for speakers in by_words.values():
        named = sorted(s for s in speakers if s)
        if "" in speakers and len(named) == 1:
            speakers[named[0]] += speakers.pop("")
        groups += [_Group("quote", ms) for _, ms in sorted(speakers.items())]
    return groups


def _versions(g: _Group, words: dict[str, Words], outlet_of: dict[str, str],
              chain: dict[str, str]) -> list[Version]:
    """One version per report: the parts of a split quotation read as one."""
    by_report: dict[tuple[str, str], list[Mention]] = {}
    for m in sorted(g.members, key=lambda m: (m.article, m.start)):
        by_report.setdefault((m.article, chain.get(m.id, m.id)), []).append(m)
    versions = []
    for (article, _), ms in sorted(by_report.items()):
        w = words[ms[0].id]
        for m in ms[1:]:
            w = w + words[m.id]
        speaker = next((m.speaker for m in ms if m.speaker), None)
        versions.append(Version(tuple(m.id for m in ms), w, speaker, outlet_of[article]))
    return versions


# --- figures ---------------------------------------------------------------------


def subject_key(subject: str | None) -> frozenset[str]:
    """A figure's subject as an order-free set of canonical words.

    >>> sorted(subject_key("Ukrainian troops who were killed"))
    ['killed', 'soldiers', 'ukrainian']
    """
    words = re.findall(r"[a-z0-9][a-z0-9.']*", (subject or "").lower().replace("\u2019", "'"))
    out = set()
    for w in words:
        w = w.removesuffix("'s").rstrip(".'")
        if w and w not in SUBJECT_STOP_WORDS:
            out.add(SUBJECT_SYNONYMS.get(w, w))
    return frozenset(out)


def _figure_groups(figures: Sequence[Mention]) -> list[_Group]:
    """Same subject and a comparable unit: one claim, whatever the values and sources."""
    units: dict[frozenset[str], set[str]] = {}
    for f in figures:
        if subject_key(f.subject) and f.unit:
            units.setdefault(subject_key(f.subject), set()).add(f.unit)
    groups: dict[tuple, list[Mention]] = {}
    for f in figures:
        key = subject_key(f.subject)
        if key:
            known = units.get(key, set())
            unit = f.unit or (next(iter(known)) if len(known) == 1 else None)
            gkey: tuple = ("s", tuple(sorted(key)), unit or "")
        else:  # no subject: only the very same figure from the same source
            gkey = ("v", f.value, f.low, f.high, f.unit or "", f.speaker or "")
        groups.setdefault(gkey, []).append(f)
    return [_Group("figure", ms) for _, ms in sorted(groups.items(), key=lambda kv: repr(kv[0]))]


# --- dates ------------------------------------------------------------------------


def _context(m: Mention, body: str) -> str:
    """The sentence a date is in, without the date expression itself."""
    if m.context_end > m.context_start:
        start, end = m.context_start, m.context_end
    else:
        start, end = max(0, m.start - 150), min(len(body), m.end + 150)
    text = body[start:end]
    cut_start, cut_end = m.start - start, m.end - start
    if 0 <= cut_start <= cut_end <= len(text):
        text = text[:cut_start] + " " + text[cut_end:]
    return text


def _context_words(text: str) -> frozenset[str]:
    words = re.findall(r"[a-z]+", text.lower().replace("\u2019", "'"))
    out = set()
    for w in words:
        if len(w) < 3 or w in STOP_WORDS or w in DATE_WORDS:
            continue
        out.add(w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w)
    return frozenset(out)


def _date_groups(dates: Sequence[Mention], body_of: dict[str, str]) -> list[_Group]:
    """Dates whose sentences talk about the same thing and whose dates are compatible.

    Incompatible dates join only when the sentences agree much more (a ``date``
    discrepancy); unresolved dates only with the very same words.
    """
    words = {m.id: _context_words(_context(m, body_of.get(m.article, ""))) for m in dates}
    df = Counter(w for ws in words.values() for w in ws)
    idf = {w: math.log(1 + len(dates) / n) for w, n in df.items()}
    by_id = {m.id: m for m in dates}

    def similarity(a: str, b: str) -> float:
        union = sum(idf[w] for w in words[a] | words[b])
        return sum(idf[w] for w in words[a] & words[b]) / union if union else 0.0

    def allowed(a: Mention, b: Mention, sim: float) -> bool:
        if a.date is None or b.date is None:
            return (a.date is None and b.date is None and a.text.lower() == b.text.lower()
                    and sim >= SAME_EVENT_SIMILARITY)
        if (a.date == b.date and len(a.date) == 10 and not (a.relative or b.relative)
                and a.article != b.article):
            return sim >= SAME_EXPLICIT_DAY_SIMILARITY
        if dates_compatible(a.date, b.date):
            return sim >= SAME_EVENT_SIMILARITY
        return sim >= CONFLICTING_EVENT_SIMILARITY

    postings: dict[str, list[str]] = {}
    for m in dates:
        for w in words[m.id]:
            postings.setdefault(w, []).append(m.id)
    edges = []
    for a in sorted(words):
        for b in sorted({b for w in words[a] for b in postings[w] if b > a}):
            sim = similarity(a, b)
            if allowed(by_id[a], by_id[b], sim):
                edges.append((sim, a, b))
    clusters = _Clusters(by_id)
    for _, a, b in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        ra, rb = clusters.find(a), clusters.find(b)
        if ra != rb and all(allowed(by_id[x], by_id[y], similarity(x, y)) or
                            similarity(x, y) >= SAME_EVENT_SIMILARITY / 2 and
                            dates_compatible(by_id[x].date, by_id[y].date)
                            for x in clusters.members[ra] for y in clusters.members[rb]):
            clusters.union(a, b)
    groups = [_Group("date", sorted((by_id[i] for i in ms), key=lambda m: (m.article, m.start)))
              for ms in clusters.members.values()]
    for g in groups:  # the words every sentence shares: the event, for the id
        g.event = frozenset.intersection(*(words[m.id] for m in g.core)) or frozenset.union(
            *(words[m.id] for m in g.core))
    return groups


# --- claims and ids ------------------------------------------------------------------


def _min_hash(items: Iterable[str]) -> str:
    return min(items, key=lambda s: (digest(s), s), default="")


def _trigrams(norm: tuple[str, ...]) -> list[str]:
    if len(norm) < 3:
        return [" ".join(norm)] if norm else []
    grams = [norm[k:k + 3] for k in range(len(norm) - 2)]
    content = [g for g in grams if any(w not in STOP_WORDS for w in g)]
    return [" ".join(g) for g in (content or grams)]


def _majority(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def _truncate(text: str, limit: int = TITLE_CHARS) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:-\u2013\u2014")
    return cut + "\u2026"


def _quote_claim_parts(g: _Group, outlet_of: dict[str, str]
                       ) -> tuple[str, str, tuple[Discrepancy, ...], str | None]:
    words = {m.id: normalise_quote(m.text) for m in g.members}
    chain = _chain_roots(g.members)
    versions = _versions(g, words, {m.article: outlet_of[m.article] for m in g.members}, chain)
    speaker = _majority(m.speaker for m in g.members)
    own = [m for m in g.core if not m.fragment] or g.core
    anchor = _min_hash(t for m in own for t in _trigrams(words[m.id].norm))
    head = f"q-{slugify(speaker, max_words=4)}" if speaker else "q"
    ident = f"{head}-{slugify(anchor, max_words=3, max_length=40)}-{digest(speaker, anchor, length=6)}"
    ref = compare.reference_version(versions)
    by_id = {m.id: m for m in g.members}
    title = " ".join(by_id[i].text for i in ref.mentions).strip(" ,;:\u2013\u2014-")
    return ident, _truncate(title), compare.quote_discrepancies(versions), speaker


def _chain_roots(members: Sequence[Mention]) -> dict[str, str]:
    """Each quotation's chain root: the first part of a split or multi-paragraph quote."""
    by_id = {m.id: m for m in members}
    roots = {}
    for m in members:
        cur, seen = m, {m.id}
        while cur.continues in by_id and cur.continues not in seen:
            cur = by_id[cur.continues]
            seen.add(cur.id)
        roots[m.id] = cur.id
    return roots


def _figure_claim_parts(g: _Group, outlet_of: dict[str, str]
                        ) -> tuple[str, str, tuple[Discrepancy, ...], str | None]:
    figures = g.core
    key = subject_key(figures[0].subject)
    unit = next((f.unit for f in figures if f.unit), "")
    if key:
        words = sorted(key)
        ident = f"f-{slugify(' '.join(words), max_words=6, max_length=40)}-{digest(*words, unit, length=6)}"
        label = _majority(f.subject for f in figures) or ""
    else:
        f0 = figures[0]
        ident = f"f-{slugify(compare.format_value(f0), max_words=3)}-" \
                f"{digest(f0.value, f0.low, f0.high, unit, f0.speaker, length=6)}"
        label = unit or "figure"
    counts = Counter(compare.format_value(f) for f in figures)
    values = sorted(counts, key=lambda v: (-counts[v], v))
    title = f"{label[:1].upper()}{label[1:]}: {' vs '.join(values)}"
    of = {f.id: outlet_of[f.article] for f in figures}
    return ident, _truncate(title), compare.figure_discrepancies(figures, of), \
        _majority(f.speaker for f in figures)


_LEAD_IN = re.compile(r"\b(?:on|in|since|by|at|from|until|of|during)\s*$", re.IGNORECASE)


def _date_title(m: Mention, body: str) -> str:
    """The sentence of a date without the date and its preposition: the event words."""
    if m.context_end > m.context_start:
        start, end = m.context_start, m.context_end
    else:
        start, end = max(0, m.start - 150), min(len(body), m.end + 150)
    before, after = body[start:m.start], body[m.end:end]
    before = _LEAD_IN.sub("", before.rstrip())
    if not before.strip():
        after = after.lstrip(" ,")
    text = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s+", " ", f"{before} {after}"))
    text = text.strip(" ,;:")
    return _truncate(text[:1].upper() + text[1:], TITLE_CHARS - 16)


def _date_claim_parts(g: _Group, outlet_of: dict[str, str], body_of: dict[str, str]
                      ) -> tuple[str, str, tuple[Discrepancy, ...], str | None]:
    dates = g.core
    precise = max((m.date for m in dates if m.date), key=lambda d: (len(d), d), default=None)
    event = _min_hash(g.event)
    ident = f"d-{precise or 'undated'}-{slugify(event) if event else 'event'}-" \
            f"{digest(precise, event, length=6)}"
    ref = min(dates, key=lambda m: (-(len(m.date or "")), m.article, m.start))
    title = f"{_date_title(ref, body_of.get(ref.article, ''))} \u2014 {precise or ref.text}"
    of = {m.id: outlet_of[m.article] for m in dates}
    return ident, title, compare.date_discrepancies(dates, of), None


def _claim(story: Story, g: _Group, outlet_of: dict[str, str], body_of: dict[str, str]
           ) -> Claim:
    if g.kind == "quote":
        ident, title, discrepancies, speaker = _quote_claim_parts(g, outlet_of)
    elif g.kind == "figure":
        ident, title, discrepancies, speaker = _figure_claim_parts(g, outlet_of)
    else:
        ident, title, discrepancies, speaker = _date_claim_parts(g, outlet_of, body_of)
    members = sorted({m.id: m for m in g.members}.values(), key=lambda m: (m.article, m.start, m.id))
    n_articles = len({m.article for m in members})
    return Claim(id=ident, story=story.id, kind=g.kind, title=title,
                 mentions=tuple(m.id for m in members),
                 status=compare.status_of(n_articles, discrepancies),
                 discrepancies=discrepancies, speaker=speaker,
                 url="")


def _unique_ids(claims: list[Claim]) -> list[Claim]:
    """Claims sharing an id get a digest of their mentions appended; urls follow ids."""
    counts = Counter(c.id for c in claims)
    out = []
    for c in claims:
        ident = c.id if counts[c.id] == 1 else f"{c.id}-{digest(*c.mentions, length=4)}"
        out.append(replace(c, id=ident, url=claim_url(c.story, ident)))
    return out
