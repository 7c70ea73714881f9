"""One sentence that says what a claim's outlets do with it: the top of its page, its
link preview. Plain text; the templates escape it.

"Three outlets quote Donald Trump as saying “I better not say”; Article 2 has “I'd
rather not say.”" A wire copy run by several outlets counts once where it tells how
many agree; a figure whose values come from different sources says who gives which.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from builder.align.compare import changed_words, counted, normalise_quote, word_spans
from builder.models import Claim, Variant
from builder.patterns.metadata import is_unnamed_outlet
from builder.render.lookup import Lookup

_NUMBER_WORDS: Final = ("No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten")
QUOTE_WORDS: Final = 14  # a quotation longer than this is cut at a word, with "…"


def count_of(n: int, word: str, *, capital: bool = True) -> str:
    """"Three outlets", "One outlet", "12 outlets"."""
    number = _NUMBER_WORDS[n] if n < len(_NUMBER_WORDS) else str(n)
    if not capital and n < len(_NUMBER_WORDS):
        number = number.lower()
    return f"{number} {word if n == 1 else word + 's'}"


def names(items: Sequence[str], most: int = 3) -> str:
    """"A", "A and B", "A, B and C", "A, B, C and 2 more"."""
    items = list(items)
    if len(items) > most:
        return f"{', '.join(items[:most])} and {len(items) - most} more"
    return ", ".join(items[:-1]) + (" and " if len(items) > 1 else "") + (items[-1] if items else "")


def quoted(text: str, limit: int = QUOTE_WORDS) -> str:
    words = text.split()
    short = " ".join(words[:limit]) + ("…" if len(words) > limit else "")
    return "“" + short.strip(" “”\"") + "”"


def around_changes(text: str, marked: frozenset[int] | set[int], context: int = 4) -> str:
    """A long quotation cut to the words around its changes ("…be unaware of something or…"),
    quoted; a short one, or one without changes, quoted from its start."""
    words = normalise_quote(text)
    spans = word_spans(text, words)
    if not marked or spans is None or len(words) <= QUOTE_WORDS:
        return quoted(text)
    first, last = max(0, min(marked) - context), min(len(spans), max(marked) + 1 + context)
    if last - first > QUOTE_WORDS:
        last = first + QUOTE_WORDS
    cut = text[spans[first][0]:spans[last - 1][1]]
    return "“" + ("…" if first else "") + cut + ("…" if last < len(spans) else "") + "”"


def _verb(outlets: Sequence[str], one: str, many: str) -> str:
    return one if len(outlets) == 1 else many


def _who(v: Variant) -> str:
    return names(v.outlets)


def claim_sentence(lk: Lookup, claim: Claim) -> str:
    """What the outlets do with the claim, in one sentence."""
    outlets = sorted({lk.outlet_of(m) for m in claim.mentions if m in lk.mentions})
    if not outlets:
        return ""
    if claim.kind == "quote":
        return _quote_sentence(lk, claim, outlets)
    what = "figure" if claim.kind == "figure" else "date"
    if claim.contested:
        given = "; ".join(f"{s.speaker} gives {s.value} ({names(s.outlets)})" for s in claim.contested)
        return f"The sources give different figures: {given}. The outlets report each as given."
    if claim.status == "single" or len(outlets) == 1:
        if claim.kind == "figure":
            return full_stop(f"Only {outlets[0]} reports this figure: {claim.title}")
        value = claim.variants[0].text if claim.variants else ""
        return full_stop(f"Only {outlets[0]} gives this date{f' ({value})' if value else ''}: {quoted(claim.title)}")
    variants = list(claim.variants)
    if len(variants) <= 1:
        value = variants[0].text if variants else claim.title
        return f"{_all_reports(claim, outlets)} {_verb(outlets, 'gives', 'give')} the same {what}: {value}."
    parts = [f"{_who(v)} {_verb(v.outlets, 'reports', 'report')} {v.text}" for v in variants]
    return "; ".join(parts) + "."


def _reports(outlets: Sequence[str], reports: int) -> str:
    """"A and B", "Three outlets", or "Three outlets (two independent reports)" where wire
    copies repeat; outlets called by a headline are counted, not named."""
    named = len(outlets) <= 2 and not any(is_unnamed_outlet(o) for o in outlets)  # a headline is long
    text = names(outlets) if named else count_of(len(outlets), "outlet")
    if 0 < reports < len(outlets):
        text += f" ({count_of(reports, 'independent report', capital=False)})"
    return text


def _all_reports(claim: Claim, outlets: Sequence[str]) -> str:
    return _reports(outlets, max((v.reports for v in claim.variants), default=0) if len(claim.variants) == 1
                    else len(outlets))


def _quote_sentence(lk: Lookup, claim: Claim, outlets: Sequence[str]) -> str:
    speaker = claim.speaker
    def says(outlets: Sequence[str]) -> str:
        verb = _verb(outlets, "quotes", "quote")
        return f"{verb} {speaker} as saying" if speaker else verb

    if claim.status == "single" or len(outlets) == 1:
        who = f"{speaker} as saying " if speaker else ""
        return full_stop(f"Only {outlets[0]} quotes {who}{quoted(claim.variants[0].text if claim.variants else claim.title)}")
    variants = list(claim.variants)
    ref = variants[0] if variants else None
    differing = [v for v in variants[1:] if v.relation == "differs"]
    if ref and differing:
        changed = [changed_words(normalise_quote(ref.text), normalise_quote(v.text)) for v in differing]
        text = around_changes(ref.text, frozenset().union(*(c[0] for c in changed)))
    else:
        changed, text = [], quoted(ref.text if ref else claim.title)
    if not differing:
        alike = f"{_all_reports(claim, outlets)} {says(outlets)} {text}"
        if any(v.relation == "punctuation" for v in variants):
            alike += ", punctuation aside"
        sentence = alike
    else:
        also = {o for v in variants if v.relation != "differs" for o in v.outlets}
        others = [f"{_who(v)} {'also ' if set(v.outlets) <= also else ''}"
                  f"{_verb(v.outlets, 'has', 'have')} {around_changes(v.text, c[1])}"
                  for v, c in zip(differing, changed)]
        sentence = f"{_reports(ref.outlets, ref.reports)} {says(ref.outlets)} {text}; " + "; ".join(others)
    for d in counted_speakers(claim):
        sentence += f"; {names(d[0])} {_verb(d[0], 'credits', 'credit')} the words to {d[1]}"
    return full_stop(sentence)


def full_stop(sentence: str) -> str:
    """A full stop, unless the sentence ends on a quotation that ends one (“... them.”)."""
    return sentence if sentence.endswith((".”", "?”", "!”")) else sentence + "."


def counted_speakers(claim: Claim) -> list[tuple[tuple[str, ...], str]]:
    """(outlets, speaker) for each side of a speaker discrepancy but the most common one."""
    return [(s.outlets, s.speaker) for d in claim.discrepancies
            if d.type == "speaker" and counted(d) for s in d.sides[1:] if s.speaker and s.outlets]
