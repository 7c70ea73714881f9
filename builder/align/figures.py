"""Align figures across a story's articles: one claim per subject and unit, whatever the values.

Two outlets giving other numbers for "residents evacuated" report the same claim and
differ on it; so a figure's claim is keyed by its subject (canonical words, order-free)
and unit, never by its value. The id is ``f-<canonical subject words>-<digest of subject
and unit>``: values are not part of it, since another outlet's other value is the same
claim. Groups keyed by subject words then join by meaning (``same_quantity``): the
subject's head noun (read from the parse at extraction, or from the subject words) and a
small table of news synonyms, the unit, the year, and the value within its stated hedge,
so "More than 300 marchers" and "some 300 demonstrators" are one claim, and a figure
whose outlet names no subject joins the same distinctive value elsewhere ("$342 million").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz import fuzz

from builder.align import compare
from builder.align.compare import ClaimParts, Clusters, majority
from builder.align.titles import counted_subject, figure_title
from builder.ids import digest, slugify
from builder.models import Mention
from builder.patterns.align import (
    DISTINCTIVE_DIGITS,
    DISTINCTIVE_MONEY,
    FIGURE_CONTEXT_MIN,
    GENERIC_HEADS,
    HEAD_STOPS,
    HEAD_SYNONYMS,
    HEDGE_RANGES,
    IRREGULAR_PLURALS,
    MONEY_UNITS,
    OTHER_HEAD_CONTEXT_MIN,
    OUTCOME_VERBS,
    SAME_ARTICLE_REPEAT,
    SAME_VALUE_CONTEXT_MIN,
    SHARE_UNITS,
    STOP_WORDS,
    SUBJECT_MARKERS,
    SUBJECT_STOP_WORDS,
    SUBJECT_SYNONYMS,
    VALUE_SPREAD_MAX,
    VALUE_TOLERANCE,
)


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


def figure_key(subject: str | None) -> frozenset[str]:
    """The words a figure is grouped by: ``subject_key`` without "people" when more is said.

    >>> sorted(figure_key("people killed (1998)"))
    ['1998', 'killed']
    """
    key = subject_key(subject)
    return key - {"people"} if len(key) > 1 else key


def figure_groups(figures: Sequence[Mention], body_of: Mapping[str, str] | None = None) -> list[list[Mention]]:
    """One group per figure, whatever the values and sources.

    1. the same subject words (an era such as "(1998)" is one of them) and a comparable
       unit; a subject one word shorter than exactly one other joins it ("revenue" and
       "global revenue"), never across an era or a comparison word;
    2. figures without a subject: only the very same figure from the same source;
    3. a group where one article gives other values from the same source (or from none)
       is several figures: split by shared values and sentence context; figures whose
       values lie far apart with unlike sentences (and not two sources' counts) split too;
    4. the same quantity in other words: groups of other articles join when their
       figures count the same thing (``same_quantity``: the subject's head noun or a
       synonym, the same value within the stated hedge, or the same value where one
       outlet names no subject), best match first, never joining two other values of
       one article.
    """
    units: dict[frozenset[str], set[str]] = {}
    for f in figures:
        if figure_key(f.subject) and f.unit:
            units.setdefault(figure_key(f.subject), set()).add(f.unit)
    merged = _merge_into_supersets(set(units) | {figure_key(f.subject) for f in figures if figure_key(f.subject)})
    groups: dict[tuple, list[Mention]] = {}
    for f in figures:
        key = figure_key(f.subject)
        if key:
            key = merged.get(key, key)
            known = units.get(key, set()) | units.get(figure_key(f.subject), set())
            inherited = known - SHARE_UNITS  # a count never inherits "percent"
            unit = f.unit or (next(iter(inherited)) if len(known) == 1 and inherited else None)
            gkey: tuple = ("s", tuple(sorted(key)), unit or "")
        else:  # 2.
            gkey = ("v", f.value, f.low, f.high, f.unit or "", f.speaker or "")
        groups.setdefault(gkey, []).append(f)
    out: list[list[Mention]] = []
    for _, ms in sorted(groups.items(), key=lambda kv: repr(kv[0])):
        out += [part for g in _split(ms, body_of or {}) for part in _apart(g, body_of or {})]  # 3.
    return _join_same_quantity(out, body_of or {})  # 4.


def subject_head(f: Mention) -> str | None:
    """The canonical head noun of a figure's subject: the parse's head where extraction read
    one, else the last noun before a preposition ("risk of flooding" -> "risk",
    "Senate-approved measures" -> "bill"), singular, through ``HEAD_SYNONYMS``."""
    head = f.subject_head
    if not head and f.subject:
        words = re.findall(r"[a-z][a-z'-]*", re.sub(r"\(\d{4}\)", "", f.subject.lower()))
        cut = next((k for k, w in enumerate(words) if w in HEAD_STOPS), len(words))
        words = [w for w in words[:cut] if w not in SUBJECT_STOP_WORDS]
        while len(words) > 1 and (words[-1] in OUTCOME_VERBS or words[-1].endswith(("ed", "ing"))):
            words.pop()
        head = words[-1].split("-")[-1] if words else None
    if not head or head in HEAD_STOPS:
        return None
    head = singular(head)
    return HEAD_SYNONYMS.get(head, head)


def singular(word: str) -> str:
    """ "measures" -> "measure", "countries" -> "country", "freshmen" -> "freshman"."""
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _era(f: Mention) -> tuple[str, ...]:
    """What makes a figure another figure of the same thing: its year, "previous", "more"."""
    words = subject_key(f.subject)
    return tuple(sorted(w for w in words if w[:1].isdigit() or w in SUBJECT_MARKERS))


def _distinctive(f: Mention) -> bool:
    """A value unlikely to recur by chance in one story: "$342 million", "187", "1 in 3"."""
    if f.value is None:
        return False
    if f.unit in MONEY_UNITS and abs(f.value) >= DISTINCTIVE_MONEY:
        return True
    return _digits(f.value) >= DISTINCTIVE_DIGITS or f.unit == "percent" and f.value != int(f.value)


def _digits(value: float | None) -> int:
    """Significant digits: "187" -> 3, "700" -> 1, "5.6" -> 2."""
    if value is None:
        return 0
    return len(f"{abs(value):.5e}".split("e")[0].replace(".", "").rstrip("0")) if value else 0


@dataclass(frozen=True, slots=True)
class _Quantity:
    """What step 4 compares of a figure, read once."""

    unit: str | None
    era: tuple[str, ...]
    head: str | None
    value: tuple[float | None, float | None, float | None]
    distinctive: bool
    qualifier: str | None
    words: frozenset[str]  # the subject's other words: "Senate-approved measures" -> {senate, approved}


def _quantity(f: Mention) -> _Quantity:
    return _Quantity(f.unit if f.unit != "people" else None, _era(f), subject_head(f),
                     (f.value, f.low, f.high), _distinctive(f), (f.qualifier or "").lower() or None,
                     frozenset(w for w in figure_key(f.subject) if singular(w) != subject_head(f)
                               and HEAD_SYNONYMS.get(singular(w)) != subject_head(f)))


def same_quantity(a: _Quantity, b: _Quantity, alike: Callable[[], float]) -> float:
    """How surely two figures of other articles count the same thing (0: not at all).

    1. other units, or another year or "previous": never;
    2. the same head noun (or a synonym): the same value (3), or another value with
       sentences alike (2: another outlet's other value);
    3. one outlet names no subject: the same distinctive value with sentences alike
       (2); both name none: the same distinctive value (1);
    4. other head nouns: the same distinctive value with sentences much alike (1.5).
    A value within another's hedge ("more than $300 million", "$342 million") counts
    as the same here; ``compare`` still shows the difference.
    ``alike`` gives how much their sentences read alike (0-100), computed only if needed.
    """
    if a.unit != b.unit or a.era != b.era:
        return 0.0
    same_value = _close(a.value, b.value) or _hedged(a, b) or _hedged(b, a)
    if a.head and a.head == b.head:
        if same_value:
            return 3.0
        if a.head in GENERIC_HEADS or a.value[0] is None or b.value[0] is None \
                or not (a.words <= b.words or b.words <= a.words):
            return 0.0  # "6,000 people" and "23,500 people"; "buildings damaged" and "destroyed"
        score = alike()
        return 2.0 + score / 100 if score >= FIGURE_CONTEXT_MIN else 0.0
    if not same_value or not (a.distinctive or b.distinctive):
        return 0.0
    score = alike()
    if a.head and b.head:  # 4.
        return 1.5 + score / 100 if score >= OTHER_HEAD_CONTEXT_MIN else 0.0
    if not a.head and not b.head:
        return 1.0 + score / 100
    need = SAME_VALUE_CONTEXT_MIN if a.unit in MONEY_UNITS or _digits(a.value[0]) > DISTINCTIVE_DIGITS \
        else OTHER_HEAD_CONTEXT_MIN
    return 2.0 + score / 100 if score >= need else 0.0


def _hedged(a: _Quantity, b: _Quantity) -> bool:
    """``b``'s value is one ``a``'s hedge allows: "more than $300 million" and "$342 million"."""
    if not a.qualifier or a.qualifier not in HEDGE_RANGES or a.value[0] is None or b.value[0] is None \
            or a.unit == "percent":
        return False  # a share's hedge is its rounding: "around 14%" is not 14.9%
    low, high = HEDGE_RANGES[a.qualifier]
    return low * a.value[0] <= b.value[0] <= high * a.value[0]


def _close(x: tuple[float | None, ...], y: tuple[float | None, ...]) -> bool:
    return all((u is None and v is None) or (u is not None and v is not None
               and abs(u - v) <= VALUE_TOLERANCE * max(abs(u), abs(v))) for u, v in zip(x, y))


def _magnitude(value: float) -> tuple[int, int]:
    """ "342" -> (3, 2): the leading digit and the power of ten."""
    if value == 0:
        return 0, 0
    exponent = math.floor(math.log10(abs(value)))
    return int(abs(value) / 10 ** exponent), exponent


def _join_same_quantity(groups: list[list[Mention]], body_of: Mapping[str, str]) -> list[list[Mention]]:
    """Step 4: join groups whose figures count the same thing, best pair first.

    Candidates are blocked by head noun and by value, and each group is compared
    through one figure per article and reading, so many figures stay cheap."""
    quantity = {f.id: _quantity(f) for g in groups for f in g}
    context: dict[str, str] = {}
    blocks: dict[tuple, set[int]] = {}
    reps: list[list[Mention]] = []
    for n, g in enumerate(groups):
        seen: dict[tuple, Mention] = {}
        for f in g:
            q = quantity[f.id]
            seen.setdefault((f.article, q), f)
            if q.head:
                blocks.setdefault(("h", q.head), set()).add(n)
            if q.value[0] is not None:  # by leading digit and magnitude: a hedge allows a near value
                blocks.setdefault(("v", q.unit, *_magnitude(q.value[0])), set()).add(n)
        reps.append(list(seen.values()))
    pairs = {(i, j) for ns in blocks.values() if 1 < len(ns) for i in ns for j in ns if i < j}
    scored = []
    for i, j in sorted(pairs):
        best = 0.0
        for a in reps[i]:
            for b in reps[j]:
                if a.article == b.article:  # a repeat in one article: the very same value only
                    qa, qb = quantity[a.id], quantity[b.id]
                    if qa.unit == qb.unit and qa.era == qb.era and _close(qa.value, qb.value) \
                            and qa.distinctive and (not qa.head or not qb.head or qa.head == qb.head):
                        best = max(best, SAME_ARTICLE_REPEAT)
                    continue
                def alike(a: Mention = a, b: Mention = b) -> float:
                    for f in (a, b):
                        if f.id not in context:
                            context[f.id] = _context_words(f, body_of)
                    return fuzz.token_set_ratio(context[a.id], context[b.id])
                best = max(best, same_quantity(quantity[a.id], quantity[b.id], alike))
        if best > 0:
            scored.append((-best, i, j))
    clusters = Clusters(str(n) for n in range(len(groups)))
    members = {str(n): list(g) for n, g in enumerate(groups)}
    for _, i, j in sorted(scored):
        ri, rj = clusters.find(str(i)), clusters.find(str(j))
        if ri == rj:
            continue
        values = {}
        for f in members[ri]:
            values.setdefault(f.article, set()).add(quantity[f.id].value)
        if any(f.article in values and any(not _close(quantity[f.id].value, v) for v in values[f.article])
               for f in members[rj]):
            continue  # one article giving two values: two figures
        root = clusters.union(ri, rj)
        other = rj if root == ri else ri
        members[root] = members[root] + members.pop(other)
    return [members[r] for r in sorted(members, key=int)]


def _related(a: Mention, b: Mention, context: Mapping[str, str]) -> bool:
    """Two figures of one subject that can be one claim: the same value or one within a
    hedge of it, two sources' values (a contested figure), values within
    ``VALUE_SPREAD_MAX`` of each other, or sentences that read alike. A vague count
    ("hundreds of residents") and a precise one are one claim only by their sentences."""
    if compare.same_value(a, b) or _hedged(_quantity(a), _quantity(b)) or _hedged(_quantity(b), _quantity(a)):
        return True
    if a.article == b.article:
        return False
    if a.speaker and b.speaker and not compare.same_speaker(a.speaker, b.speaker) \
            and a.unit not in SHARE_UNITS:
        return True  # two sources' counts of one thing: contested (shares of a whole rarely are)
    if a.value and b.value and max(a.value, b.value) <= VALUE_SPREAD_MAX * min(a.value, b.value):
        return True
    return fuzz.token_set_ratio(context[a.id], context[b.id]) >= FIGURE_CONTEXT_MIN


def _apart(group: list[Mention], body_of: Mapping[str, str]) -> list[list[Mention]]:
    """Step 3, continued: figures of one subject that cannot be one claim ("about 400
    people" at a vigil, "up to 1,000 people a day" at a clinic) are split apart."""
    if len({(f.value, f.low, f.high) for f in group}) < 2:
        return [group]
    context = {f.id: _context_words(f, body_of) for f in group}
    clusters = Clusters(f.id for f in group)
    for a, b in combinations(group, 2):
        if _related(a, b, context):
            clusters.union(a.id, b.id)
    by_id = {f.id: f for f in group}
    parts = sorted(([by_id[i] for i in ids] for ids in clusters.members.values()), key=lambda p: p[0].id)
    return [sorted(p, key=lambda f: group.index(f)) for p in parts]


def _merge_into_supersets(keys: set[frozenset[str]]) -> dict[frozenset[str], frozenset[str]]:
    """Step 1: each key one word short of exactly one other key maps to it."""
    out = {}
    for key in keys:
        supersets = [k for k in keys if key < k and len(k - key) == 1
                     and not any(w[:1].isdigit() or w in SUBJECT_MARKERS for w in k - key)]
        if len(supersets) == 1:
            out[key] = supersets[0]
    return out


def _conflict(a: Mention, b: Mention) -> bool:
    """Two figures of one article that cannot be one claim: other values from the same
    source (or both from none); other sources' values are one contested figure."""
    return a.article == b.article and a.speaker == b.speaker and not compare.same_value(a, b)


def _context_words(f: Mention, body_of: Mapping[str, str]) -> str:
    """The content words of the figure's sentence (its subject where the text is unknown)."""
    text = body_of.get(f.article, "")[f.context_start:f.context_end] or (f.subject or "")
    words = re.findall(r"[^\W\d_]+", text.lower())
    return " ".join(w for w in words if w not in STOP_WORDS)


def _split(group: list[Mention], body_of: Mapping[str, str]) -> list[list[Mention]]:
    """Step 3: a value two articles give is one figure; the rest join the figure whose
    sentences read most alike (``FIGURE_CONTEXT_MIN``), else stand alone."""
    if not any(_conflict(a, b) for a, b in combinations(group, 2)):
        return [group]
    clusters: list[list[Mention]] = []
    rest: list[Mention] = []
    for f in group:
        if any(not _conflict(f, g) and compare.same_value(f, g) and f.article != g.article for g in group):
            home = next((c for c in clusters if compare.same_value(c[0], f)), None)
            if home is not None:
                home.append(f)
            else:
                clusters.append([f])
        else:
            rest.append(f)
    context = {f.id: _context_words(f, body_of) for f in group}
    for f in rest:
        scored = [(max(fuzz.token_set_ratio(context[f.id], context[g.id]) for g in c), -n, c)
                  for n, c in enumerate(clusters) if not any(_conflict(f, g) for g in c)]
        best = max(scored, key=lambda t: t[:2], default=None)
        if best and best[0] >= FIGURE_CONTEXT_MIN:
            best[2].append(f)
        else:
            clusters.append([f])
    return clusters


def figure_claim_parts(figures: Sequence[Mention], outlet_of: Mapping[str, str],
                       body_of: Mapping[str, str]) -> ClaimParts:
    """Id, title ("Residents evacuated: 1,200 or 800", ``titles.figure_title``) and speaker
    (discrepancies: ``judge``)."""
    key = figure_key(figures[0].subject)
    unit = next((f.unit for f in figures if f.unit), "")
    title = figure_title(figures, body_of)
    if key:
        words = sorted(key)
        shown = " ".join(words) if counted_subject(figures) else title
        ident = f"f-{slugify(shown, max_words=6, max_length=40)}-{digest(*words, unit, length=6)}"
    else:
        f0 = figures[0]
        shown = compare.format_value(f0) if counted_subject(figures) else title
        ident = f"f-{slugify(shown, max_words=6, max_length=40)}-" \
                f"{digest(f0.value, f0.low, f0.high, unit, f0.speaker, length=6)}"
    return ClaimParts(ident, title, (), majority(f.speaker for f in figures))
