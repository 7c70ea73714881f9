"""Quotations: the same words, or part of a longer quotation, across a story's articles.

A quotation claim's id is ``q-<speaker>-<anchor>-<digest>``. The anchor is the word
trigram, among all trigrams of the claim's own versions (not of longer quotations
it was found inside), with the smallest digest: a min-hash. Repeating words
already there cannot change a minimum; a new version only changes it when it
brings a new trigram that happens to hash lower, and a merge of two claims keeps
the anchor of one of them. Choosing "the most common version" instead would flip
on a tie.
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import combinations
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from builder.align import compare
from builder.align.compare import (
    ClaimParts,
    Clusters,
    Version,
    Words,
    locate,
    majority,
    min_hash,
    normalise_quote,
    passage,
)
from builder.ids import digest, slugify
from builder.models import Mention
from builder.patterns.align import (
    CLUSTER_COHERENCE,
    FRAGMENT_CONTAINMENT_MIN_WORDS,
    FRAGMENT_DETERMINERS,
    UNCREDITED_FRAGMENT_WORDS,
    OTHER_SPEAKER_COVERAGE,
    OTHER_SPEAKER_MIN_WORDS,
    PART_COVERAGE,
    PART_FUZZY_RATIO,
    PART_MIN_SHARE,
    PART_MIN_WORDS,
    SAME_QUOTE_COVERAGE,
    SEGMENT_MIN_WORDS,
    SHORT_QUOTE_RATIO,
    SHORT_QUOTE_WORDS,
    SENTENCE_COVERAGE,
    SENTENCE_END,
    SPLIT_LEAD_MAX_WORDS,
    SPLIT_MAX_GAP,
    SPLIT_TRIMMED_TAIL,
    STOP_WORDS,
    UNATTRIBUTED_COVERAGE,
)

__all__ = ["quote_claim_parts", "quote_groups"]


@dataclass(slots=True)
class _Group:
    """A quotation claim being built: its own mentions and longer quotations that contain it."""

    core: list[Mention]
    extra: list[Mention] = field(default_factory=list)
    excerpt: bool = False  # a fragment's claim: the longer quotations count by its passage only

    @property
    def members(self) -> list[Mention]:
        return [*self.core, *self.extra]


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
    """same / other / unknown; a speaker given only as a description ("an ad", "one
    campaign source") is not a name to tell two quotations apart by."""
    if compare.is_named(a.speaker) and compare.is_named(b.speaker):
        return "same" if compare.same_speaker(a.speaker, b.speaker) else "other"
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
    """("same", score, None), ("part" or "sentence", score, (short, long, start, end)) or
    ("", 0, None); "sentence": a sentence of ``short`` stands in ``long`` amid other words."""
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
    if relation != "other":  # a version cut by an ellipsis, or of sentences: each on its own
        for cut, whole in ((i, j), (j, i)):
            for seg, sentences in _segments(qs.words[cut]):
                if len(seg) >= SEGMENT_MIN_WORDS:
                    start, end, hits = locate(seg, qs.words[whole].norm)
                    if hits / len(seg) >= max(PART_COVERAGE, need if relation == "unknown" else 0.0):
                        return "part", hits / len(seg), (cut, whole, start, end)
                    if _sentences_in_order(sentences, qs.words[whole].norm):
                        return "part", PART_COVERAGE, (cut, whole, start, end)
            for sentence in _sentences(qs.words[cut]):  # one sentence quoted amid other words
                if len(sentence) >= SEGMENT_MIN_WORDS:
                    start, end, hits = locate(sentence, qs.words[whole].norm)
                    if hits / len(sentence) >= max(SENTENCE_COVERAGE, need if relation == "unknown" else 0.0):
                        return "sentence", hits / len(sentence), (cut, whole, start, end)
    return "", 0.0, None


def _segments(w: Words) -> list[tuple[tuple[str, ...], list[tuple[str, ...]]]]:
    """The passages of a quotation between its ellipses ("... now when you need it"),
    each with its sentences."""
    if not w.cuts:
        return []
    bounds = [0, *sorted(w.cuts), len(w.norm)]
    out = []
    for a, b in zip(bounds, bounds[1:]):
        if b > a:
            ends = [k + 1 for k in range(a, b - 1) if SENTENCE_END.search(w.punct[k])]
            cuts = [a, *ends, b]
            out.append((w.norm[a:b], [w.norm[x:y] for x, y in zip(cuts, cuts[1:]) if y > x]))
    return out


def _sentences(w: Words) -> list[tuple[str, ...]]:
    """The sentences of a quotation of two or more (between ellipses too)."""
    bounds = sorted({0, *w.cuts, *(k + 1 for k in range(len(w.norm) - 1) if SENTENCE_END.search(w.punct[k])),
                     len(w.norm)})
    out = [w.norm[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]
    return out if len(out) > 1 else []


def _sentences_in_order(sentences: Sequence[tuple[str, ...]], long: tuple[str, ...]) -> bool:
    """Every sentence of a passage (two or more, of ``PART_MIN_WORDS`` words each) stands
    whole in ``long``, in order, whatever the other quotation put between them."""
    if len(sentences) < 2 or any(len(x) < PART_MIN_WORDS for x in sentences):
        return False
    at = 0
    for x in sentences:
        found = next((k for k in range(at, len(long) - len(x) + 1) if long[k:k + len(x)] == x), None)
        if found is None:
            return False
        at = found + len(x)
    return True


def quote_groups(quotes: Sequence[Mention], body_of: Mapping[str, str] | None = None
                  ) -> list[_Group]:
    """Group quotations into claims.

    1. normalise; set fragments (one to three words) aside
    2. candidate pairs: sharing a key word (blocking), never two parts of one chain
    3. score each pair: the same quotation, or part of a longer one
    4. same-quotation clusters: greedy by score, one-to-one between two articles,
       every member sharing most words with every other
    5. a longer quotation joins each cluster whose words it contains (partial quoting),
       and one that holds a sentence of the cluster's quotation amid words of its own
       joins it where neither is reported otherwise by the other's article (a speaker
       saying much the same sentence on two occasions is two claims)
    6. the parts of a quotation split by its attribution ("A," she said. "B.") stay two
       claims: another outlet's version that holds both is in both claims (step 5),
       unless one part is a lead-in too short to stand alone ("I hope it ends," she said); the
       paragraphs of a quotation running over several join too, unless each is a claim
       of its own elsewhere: then the whole is in both
    7. fragments that other articles quote alike (but for an article) are a claim of
       their own; so is a fragment with other articles' quotations that hold it; the
       others join a claim by an exact match or inside their own article's quotation
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
    sentence_parts: list[tuple[str, str]] = []
    for i, j in _candidate_pairs(qs, sorted(reps)):
        if qs.chain[i] == qs.chain[j]:
            continue
        kind, score, part = _compare_pair(qs, i, j)
        if kind == "same":
            same.append((score, i, j))
        elif part:
            (sentence_parts if kind == "sentence" else parts).extend(
                (s, l) for s in reps[part[0]] for l in reps[part[1]] if qs.chain[s] != qs.chain[l])
    # 4.
    clusters = Clusters(full)
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
    partners: dict[str, set[str]] = {}  # cluster root -> articles reporting it (same or part)
    for short, long in parts:
        for x, y in ((short, long), (long, short)):
            partners.setdefault(clusters.find(x), set()).add(qs.by_id[y].article)
    def reported(quote: str) -> set[str]:
        root = clusters.find(quote)
        return {qs.by_id[m].article for m in clusters.members[root]} | partners.get(root, set())

    for short, long in sentence_parts:
        if qs.by_id[long].article not in reported(short) and reported(long) == {qs.by_id[long].article}:
            extras.setdefault(clusters.find(short), set()).add(long)
    # 6.
    merged = _join_split_quotes(qs, clusters, extras, body_of or {})
    final: dict[str, _Group] = {}
    for root, ids in sorted(clusters.members.items()):
        final.setdefault(merged.find(root), _Group([])).core += [qs.by_id[i] for i in ids]
    for root, longs in extras.items():
        g = final[merged.find(root)]
        core_ids = {m.id for m in g.core}
        g.extra += [qs.by_id[i] for i in sorted(longs) if i not in core_ids
                    and qs.by_id[i] not in g.extra]
    # 7.
    shared, alone = _shared_fragments(qs, fragments)
    excerpts = _attach_fragments(qs, alone, list(final.values()))
    # 8.
    in_extra = {m.id for g in final.values() for m in g.extra}
    result = [g for g in final.values()
              if g.core and not (len(g.core) == 1 and not g.extra and g.core[0].id in in_extra)]
    placed = {m.id for g in (*result, *excerpts) for m in g.core}
    return result + excerpts + shared + _fragment_groups([f for f in alone if f.id not in placed])


def _fragment_key(qs: _Quotes, f: Mention) -> tuple[str, ...]:
    """A fragment's words without a leading determiner: "a slush fund" = "slush fund"."""
    words = qs.words[f.id].norm
    k = 0
    while k < len(words) - 1 and words[k] in FRAGMENT_DETERMINERS:
        k += 1
    return words[k:]


def _shared_fragments(qs: _Quotes, fragments: Sequence[Mention]) -> tuple[list[_Group], list[Mention]]:
    """Step 7: fragments that other articles quote alike ("a sham process",
    "sham process."), or one inside the other ("reckless", "utterly reckless"), are a claim
    of their own, not words picked out of a longer quotation; the rest may join the
    quotation that holds them."""
    keyed = [(f, key) for f in fragments if (key := _fragment_key(qs, f))]
    clusters = Clusters(f.id for f, _ in keyed)
    for (f, kf), (g, kg) in combinations(keyed, 2):
        if f.article != g.article and _credits_agree(f, g) and (
                kf == kg or _contains(kf, kg) or _contains(kg, kf)):
            clusters.union(f.id, g.id)
    by_id = {f.id: f for f in fragments}
    shared = [_Group(sorted((by_id[i] for i in ids), key=lambda m: (m.article, m.start)))
              for _, ids in sorted(clusters.members.items()) if len({by_id[i].article for i in ids}) > 1]
    taken = {m.id for g in shared for m in g.core}
    return shared, [f for f in fragments if f.id not in taken]


def _credits_agree(a: Mention, b: Mention) -> bool:
    return not a.speaker or not b.speaker or compare.same_speaker(a.speaker, b.speaker)


def _join_split_quotes(qs: _Quotes, clusters: Clusters, extras: dict[str, set[str]],
                       body_of: Mapping[str, str]) -> Clusters:
    """Union of clusters joined by a split quotation (step 6 of :func:`_quote_groups`).

    Each outlet decides where it splits a quotation, so a split is no evidence that
    the parts are one claim: only another outlet's longer quotation holding both
    side by side is. A quotation running on over paragraphs (nothing but quotation
    marks and spaces between the parts) is one utterance as written. Adds to
    ``extras`` the paragraphs that stand in another paragraph's claim.
    """
    merged = Clusters(clusters.members)

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
        shared = [long for long in sorted((members(x) & members(y)) - {p, q})
                  if qs.by_id[long].article != qs.by_id[p].article]
        lead_in = min(len(qs.by_id[p].text.split()), len(qs.by_id[q].text.split())) <= SPLIT_LEAD_MAX_WORDS
        if shared and lead_in and all(_adjacent(qs, p, q, long) for long in shared):
            merged.union(x, y)  # "I hope it's fast," he said. "...": too short to stand alone
        elif _runs_on(qs.by_id[p], qs.by_id[q], body_of):
            article = qs.by_id[p].article
            reported = [any(qs.by_id[m].article != article for m in members(r)) for r in (x, y)]
            if all(reported):  # each paragraph is its own claim elsewhere: the whole is in both
                extras.setdefault(clusters.find(p), set()).add(q)
                extras.setdefault(clusters.find(q), set()).add(p)
            else:
                merged.union(x, y)
    return merged


def _runs_on(first: Mention, then: Mention, body_of: Mapping[str, str]) -> bool:
    """``then`` continues ``first`` in a new paragraph with no words between them: one
    quotation over paragraphs (two quotations side by side in a sentence, "A," "B," are not)."""
    body = body_of.get(first.article, "")
    gap = body[first.end:then.start] if first.end <= then.start <= len(body) else "x"
    return "\n" in gap and not any(ch.isalnum() for ch in gap)


def _adjacent(qs: _Quotes, p: str, q: str, long: str) -> bool:
    """Parts ``p`` then ``q`` of a split quote stand side by side in quotation ``long``."""
    lw = qs.words[long].norm
    a1, b1, hits1 = locate(qs.words[p].norm, lw)
    a2, b2, hits2 = locate(qs.words[q].norm, lw)
    if hits1 < CLUSTER_COHERENCE * len(qs.words[p]) or hits2 < CLUSTER_COHERENCE * len(qs.words[q]):
        return True  # ``long`` does not hold both parts: no evidence either way
    gap = a2 - b1
    if 0 <= gap <= SPLIT_MAX_GAP:
        return True
    punct = qs.words[long].punct
    ends = [bool(SENTENCE_END.search(punct[k])) for k in range(b1 - 1, a2)]
    return 0 < gap <= SPLIT_TRIMMED_TAIL and ends[-1] and not any(ends[:-1])


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[k:k + n] == short for k in range(len(long) - n + 1))


def _attach_fragments(qs: _Quotes, fragments: Sequence[Mention], groups: list[_Group]
                      ) -> list[_Group]:
    """Step 7: where each fragment that no other article quotes alike belongs.

    1. a quotation of the very same words: the fragment joins its claim;
    2. longer quotations of other articles, of one speaker, that hold its words: the
       fragment is a claim of its own with them, judged on its words alone ("deeply unfair"
       is what every outlet prints, whatever else differs in the longer quotations);
    3. else the claim with most quotations that hold its words (its own article's first:
       a reporter picking words from the quotation the article gives in full), as a
       trimmed version where a quotation holding it is little more ("no deal this week"
       in "No deal this week, sorry").
    A single word is weak evidence: it takes step 2 only where one quotation of other
    articles holds it and its own article quotes it no more fully, and step 3 only
    where one quotation (of its own article, if any) holds it. Returns the claims of step 2.
    """
    group_of = {m.id: n for n, g in enumerate(groups) for m in g.core}
    full = [q for q in qs.quotes if not q.fragment and q.id in group_of]
    excerpts: list[_Group] = []
    for f in fragments:
        fw = qs.words[f.id].norm
        if not fw:
            continue
        # 1.
        same = [group_of[q.id] for q in full if qs.words[q.id].norm == fw]
        if same:
            groups[min(same)].core.append(f)
            continue
        one_word = len(fw) < FRAGMENT_CONTAINMENT_MIN_WORDS
        if one_word and fw[0] in STOP_WORDS:
            continue
        holding = [q for q in full if _may_hold(f, q) and _contains(qs.words[q.id].norm, fw)]
        other = [q for q in holding if q.article != f.article]
        own = [q for q in holding if q.article == f.article]
        # 2.
        credited = {q.speaker or "" for q in other}
        one_speaker = bool(f.speaker) or all(compare.same_speaker(a, b) for a in credited for b in credited)
        trimmed = any(len(fw) >= SAME_QUOTE_COVERAGE * len(qs.words[q.id]) for q in holding)
        if other and one_speaker and not trimmed and not (one_word and (len(other) > 1 or own)):
            excerpts.append(_Group([f], other, excerpt=True))
        # 3.
        elif (pool := own or holding) and not (one_word and len(pool) > 1):
            hits = Counter(group_of[q.id] for q in holding)
            groups[min({group_of[q.id] for q in pool}, key=lambda n: (-hits[n], n))].core.append(f)
    return excerpts


def _may_hold(fragment: Mention, quote: Mention) -> bool:
    """A quotation can be where a fragment was taken from: the same speaker, or a fragment
    nobody is credited with inside its own article's quotation ("on the night shift" after
    "... the years I worked on the night shift")."""
    if fragment.speaker:
        return not quote.speaker or compare.same_speaker(quote.speaker, fragment.speaker)
    return quote.article == fragment.article or len(normalise_quote(fragment.text)) >= UNCREDITED_FRAGMENT_WORDS


def _fragment_groups(fragments: Sequence[Mention]) -> list[_Group]:
    """Fragments that match no claim: the same words by the same speaker form one claim."""
    by_words: dict[str, dict[str, list[Mention]]] = {}
    for f in fragments:
        words = list(normalise_quote(f.text).norm)
        while len(words) > 1 and words[0] in FRAGMENT_DETERMINERS:
            words.pop(0)
        key = " ".join(words) or f.text
        by_words.setdefault(key, {}).setdefault(f.speaker or "", []).append(f)
    groups = []
    for speakers in by_words.values():
        for name in sorted(speakers, key=lambda n: (-len(n), n)):  # "Ortiz" joins "Ana Ortiz"
            fuller = next((n for n in sorted(speakers) if n != name and name and len(n) > len(name)
                           and compare.same_speaker(name, n)), None)
            if fuller is not None and name in speakers:
                speakers[fuller] += speakers.pop(name)
        named = sorted(s for s in speakers if s)
        if "" in speakers and len(named) == 1:
            speakers[named[0]] += speakers.pop("")
        groups += [_Group(ms) for _, ms in sorted(speakers.items())]
    return groups


def _versions(g: _Group, words: dict[str, Words], outlet_of: dict[str, str],
              chain: dict[str, str]) -> list[Version]:
    """One version per report: the parts of a split quotation read as one; in a fragment's
    claim, a longer quotation by the passage that reports the fragment."""
    by_report: dict[tuple[str, str], list[Mention]] = {}
    for m in sorted(g.members, key=lambda m: (m.article, m.start)):
        by_report.setdefault((m.article, chain.get(m.id, m.id)), []).append(m)
    versions = []
    extra = {m.id for m in g.extra} if g.excerpt else set()
    for (article, _), ms in sorted(by_report.items()):
        w = words[ms[0].id]
        for m in ms[1:]:
            w = w + words[m.id]
        cut = bool(extra) and all(m.id in extra for m in ms)
        if cut:
            w = compare.excerpt(words[g.core[0].id], w)
        speaker = next((m.speaker for m in ms if m.speaker), None)
        versions.append(Version(tuple(m.id for m in ms), w, speaker, outlet_of[article], article, cut))
    return versions


# --- claims and ids ------------------------------------------------------------------


def _trigrams(norm: tuple[str, ...]) -> list[str]:
    if len(norm) < 3:
        return [" ".join(norm)] if norm else []
    grams = [norm[k:k + 3] for k in range(len(norm) - 2)]
    content = [g for g in grams if any(w not in STOP_WORDS for w in g)]
    return [" ".join(g) for g in (content or grams)]


def quote_claim_parts(g: _Group, outlet_of: dict[str, str]) -> ClaimParts:
    """Id (min-hash trigram anchor), speaker and the versions (one per report)."""
    words = {m.id: normalise_quote(m.text) for m in g.members}
    chain = _chain_roots(g.members)
    versions = _versions(g, words, {m.article: outlet_of[m.article] for m in g.members}, chain)
    speaker = majority(m.speaker for m in g.members)
    own = [m for m in g.core if not m.fragment] or g.core
    title = _own_title(own, words)
    anchor = _anchor(own, words)
    head = f"q-{slugify(speaker, max_words=4)}" if speaker else "q"
    ident = f"{head}-{slugify(anchor, max_words=3, max_length=40)}-{digest(speaker, anchor, length=6)}"
    # discrepancies come from the variants (``discrepancies.judge``); the title from the
    # claim's own words, never from a longer quotation it was found inside
    return ClaimParts(ident, title, (), speaker, versions=tuple(versions))


def _anchor(own: Sequence[Mention], words: dict[str, Words]) -> str:
    """The min-hash trigram among those most of the claim's articles share: the words
    the outlets agree on (so the url says what the title says where they differ, "better
    not say" rather than one outlet's "rather not say"), and stable as outlets are added."""
    by_article: dict[str, set[str]] = {}
    for m in own:
        by_article.setdefault(m.article, set()).update(_trigrams(words[m.id].norm))
    counts = Counter(t for grams in by_article.values() for t in grams)  # articles, not mentions
    top = max(counts.values(), default=0)
    return min_hash(t for t, n in counts.items() if n == top)


def _own_title(own: Sequence[Mention], words: dict[str, Words]) -> str:
    """The claim's own words as most of its articles quote them (ties: the fuller)."""
    counts = Counter(words[m.id].key for m in own)
    best = max(own, key=lambda m: (counts[words[m.id].key], len(words[m.id]), -m.start), default=None)
    return best.text.strip(" ,;:\u2013\u2014-") if best else ""


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
