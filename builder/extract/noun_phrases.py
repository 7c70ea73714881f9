"""Noun phrases around a cue word, read by the cue reader (``builder.extract.speakers``):
the speaker after an inverted cue ("said Ann Cole", "said retired surgeon Ada Mercer",
"said a spokesman for Tidewater Freight") and the name before an apposition that lost its
closing comma."""

from __future__ import annotations

from builder.extract.cast import is_name_at, is_name_word, Word
from builder.extract.phrases import (
    CLAUSE_WORDS,
    is_np_word,
    modifies_role,
    NP_FOLLOWERS,
    RELATIVE_PRONOUNS,
)
from builder.patterns.quotes import (
    AFFILIATION_WORDS,
    CUE_VERBS as _CUE_VERBS,
    DETERMINERS,
    INDEFINITES,
    PREPOSITIONS as _PREPOSITIONS,
    ROLE_HEADS,
    SPOKES_ROLES,
    SUBJECT_PRONOUNS,
)


def before_open_apposition(words: tuple[Word, ...], k: int, j: int) -> tuple[int, list[Word]] | None:
    """The name before an apposition that lost its closing comma, the apposition holding
    ``k`` and ending at ``j``, before the cue: "Paul Sutter, the expert who founded a think
    tank in Denver tweeted" (a relative clause), "Dana Fuller, president and chief executive
    of the Growers Association stated" (a role of a named body)."""
    c = k
    while c >= 0 and words[c].text != "," and words[c].quote < 0:
        c -= 1
    if c <= 0 or words[c].text != ",":
        return None
    relative = any(w.lower == "who" for w in words[c + 1 : k + 1])
    apposition = words[c + 1 : j + 1]
    a = next((n for n, w in enumerate(apposition) if w.lower in AFFILIATION_WORDS | {"for"}), None)
    body = apposition[a + 1 :] if a is not None else ()
    body = body[1:] if body and body[0].lower == "the" else body
    role = a is not None and any(w.lower in ROLE_HEADS for w in apposition[:a]) and not any(
        w.capitalised and w.lower not in ROLE_HEADS for w in apposition[:a]) and bool(body) and all(
        w.capitalised for w in body)  # ("president and CEO of ...")
    if not (relative or role):
        return None
    m = c
    while m > 0 and is_name_at(words, m - 1):
        m -= 1
    opens = m == 0 or words[m - 1].text == "," or words[m - 1].quote >= 0
    return (m, list(words[m:c])) if 2 <= c - m <= 4 and opens else None

def np_right(words: tuple[Word, ...], i: int, strict: bool = True) -> list[Word]:
    k = i
    if k < len(words) and words[k].lower in (DETERMINERS | INDEFINITES) - {"that", "this"}:
        k += 1
    if k < len(words) and words[k].lower in SUBJECT_PRONOUNS:
        return list(words[i : k + 1])
    while k < len(words) and (is_np_word(words, k) or modifies_role(words, k)):
        k += 1
    if i < len(words) and words[i].lower in INDEFINITES:
        # "said one party confidant", "an angry Ann Cole": a description may hold plain words.
        named = False
        while k < len(words) and k - i < 8:
            plain = words[k].text.isalpha() and words[k].text.islower() and not (
                words[k].lower in _PREPOSITIONS or words[k].lower in NP_FOLLOWERS
                or words[k].lower in _CUE_VERBS or words[k].lower in CLAUSE_WORDS)
            if is_np_word(words, k) and words[k].capitalised:
                named = True
            elif not plain or named:
                break  # plain words come before a name ("an angry Ann Cole"), never after it
            k += 1
    np = list(words[i:k])
    if not np or all(w.lower in DETERMINERS for w in np):
        return []
    if np[-1].lower in SPOKES_ROLES and k + 1 < len(words) and words[k].lower == "for":
        # "a spokesman for Tidewater Freight": who the spokesman speaks for is part of the phrase.
        m = k + 1 + int(words[k + 1].lower == "the")
        end = m
        while end < len(words) and is_name_at(words, end):
            end += 1
        if end > m:
            np, k = list(words[i:end]), end
    follower = words[k] if k < len(words) else None
    if strict and follower is not None and follower.quote < 0 and follower.text[:1].isalpha() and not (
        follower.lower in _PREPOSITIONS or follower.lower in _CUE_VERBS or follower.lower in NP_FOLLOWERS
    ):
        return []  # "according to a Russian translation": not a name
    return np

def described_right(words: tuple[Word, ...], i: int) -> list[Word]:
    """A long inverted subject ending in a personal name: "retired surgeon Ada Mercer",
    "Okafor constituent Dan Pellow", "a spokeswoman for the hotel group, Jane Roe" -- the
    words from ``i`` to the name's end (the name is their last run), or none."""
    k = i
    while k < len(words) and k - i < 12:
        word = words[k]
        if word.quote >= 0 or word.text in {".", ";", ":", "(", ")"} or word.lower in _CUE_VERBS \
                or word.lower in RELATIVE_PRONOUNS or word.lower in NP_FOLLOWERS - {"and"}:
            return []
        if is_name_word(word) and not word.ent in {"ORG", "GPE", "NORP", "LOC", "FAC"} and (
                k == i or words[k - 1].text == "," or not words[k - 1].capitalised):
            m = k
            while m < len(words) and is_name_at(words, m):
                m += 1
            end = m == len(words) or words[m].text in {",", ".", ";", "("} or words[m].quote >= 0 \
                or words[m].lower in NP_FOLLOWERS
            if m - k >= 2 and end:
                if k == i:
                    return []  # a name right after the cue: np_right's
                # After an apposition's comma the name alone; else the description with it
                # (without "the", which would make it an organisation).
                first = k if words[k - 1].text == "," else i + int(words[i].lower == "the")
                return list(words[first:m])
            k = m
            continue
        k += 1
    return []
