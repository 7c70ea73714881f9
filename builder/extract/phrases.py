"""Phrases of the narrative words: sentences (frames), speakers, and the small tests on
noun phrases and names that the cue reader (``builder.extract.speakers``) and the name
resolver (``builder.extract.resolve``) share."""

from __future__ import annotations

from dataclasses import dataclass, replace

from builder.extract.cast import (
    is_name_at,
    is_role_word,
    POSSESSIVES,
    Word,
)
from builder.patterns.cues import inflections, WEAK_LEMMAS
from builder.patterns.quotes import (
    FAMILY_NOUNS,
    KIN_NOUNS,
    LY_NON_ADVERBS,
    AUXILIARIES as _AUX,
    CUE_VERBS as _CUE_VERBS,
    DETERMINERS,
    EPITHETS,
    INDEFINITES,
    NAME_PARTICLES,
    ORG_REFERENCES as _ORG_REFS,
    PREPOSITIONS as _PREPOSITIONS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    SENTENCE_OPENERS,
    STATEMENT_NOUNS as _STATEMENTS,
    SUBJECT_PRONOUNS,
)


CLAUSE_WORDS = frozenset("""
however but and or meanwhile still yet instead also so then thus while when whereas although
though because since unless until if as after before during once asked speaking
""".split())
NON_NAME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
WEAK_FORMS = frozenset(f for lemma in WEAK_LEMMAS for f in inflections(lemma) if not f.endswith("ing"))
SIGNATURE_DASHES = frozenset({"―", "—", "–", "-", "--"})
PRONOUN_PARAGRAPHS_BACK = 3  # how far back "he" / "she" look for a person named
RELATIVE_PRONOUNS = frozenset({"who", "which", "whose", "whom"})
NP_FOLLOWERS = frozenset({"that", "who", "which", "and", "but", "when", "as", "while", "if", "whom"})


@dataclass(frozen=True, slots=True)
class Frame:
    """One narrative sentence of a paragraph; quotations inside it are single placeholder words."""

    words: tuple[Word, ...]
    paragraph: int


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a cue points to, and how it was found."""

    name: str
    kind: str  # "person" or "org"
    cue: str
    step: str  # "same-sentence", "colon" or "pronoun"
    cue_at: int | None = None  # character position of the cue word
    at: int = 0  # character position where the speaker is named
    end: int = -1  # end of the words naming the speaker (-1: not known)
    antecedent: tuple[int, int] | None = None  # for a pronoun or "the statement": the span it resolved to


def is_np_word(words: tuple[Word, ...], k: int) -> bool:
    word = words[k]
    if word.quote >= 0 or word.ent in NON_NAME_ENTS:
        return False
    low = word.lower
    if low in POSSESSIVES:
        return k > 0 and words[k - 1].quote < 0
    if word.capitalised:
        return low not in CLAUSE_WORDS and low not in DETERMINERS and low not in _PREPOSITIONS
    if low in ROLE_HEADS or low in ROLE_MODIFIERS or low in _ORG_REFS or low in _STATEMENTS:
        return True
    if (low in KIN_NOUNS or low in FAMILY_NOUNS) and k > 0 and (words[k - 1].text in POSSESSIVES or words[k - 1].capitalised):
        return True  # "Ann Morrow's widow", "the Morrow family"
    inside = 0 < k < len(words) - 1 and words[k - 1].capitalised and words[k + 1].capitalised
    return inside and (low in NAME_PARTICLES or low == "of" or low in EPITHETS)


def modifies_role(words: tuple[Word, ...], k: int, heads: frozenset[str] = ROLE_HEADS | _ORG_REFS) -> bool:
    """A plain word right before a title or a kind of organisation: "opposition" in
    "opposition leader Ann Lee", "finance" in "the finance ministry"."""
    word = words[k]
    return (word.quote < 0 and word.text.isalpha() and word.lower not in DETERMINERS
            and word.lower not in _PREPOSITIONS and word.lower not in CLAUSE_WORDS
            and k + 1 < len(words) and words[k + 1].lower in heads)


def is_adverb(word: Word) -> bool:
    """A manner adverb between a subject and its verb: "X clearly says", "Y flatly denied"."""
    return word.quote < 0 and word.text.islower() and len(word.text) > 4 and word.text.endswith("ly") \
        and word.lower not in LY_NON_ADVERBS


def clause_opening_name(words: tuple[Word, ...], j: int) -> tuple[int, list[Word]] | None:
    """A name of 1-4 words opening the clause that ends at the comma ``j`` and followed by a
    comma of its own: (index, words)."""
    first = j
    while first > 0 and words[first - 1].quote < 0 and words[first - 1].text not in {";", ":", "—", "–"}:
        first -= 1
    # The clause may open with a phrase of its own: "After the vote, Rep. Ann Cole, D-Ore., ... said".
    starts = [first] + [k + 1 for k in range(first, j) if words[k].text == ","]
    for start in starts[:3]:
        while start < j and words[start].text == ",":
            start += 1
        segment_end = next((k for k in range(start, j) if words[k].text == ","), j)
        titles = [k for k in range(start, segment_end) if is_role_word(words[k]) and words[k].capitalised]
        if titles:
            start = titles[-1] + 1  # titles before the name: "Senate Majority Leader Ann Cole, R-Ore., said"
        m = start
        while m < j and is_name_at(words, m) and words[m].lower not in _PREPOSITIONS \
                and words[m].lower not in CLAUSE_WORDS and words[m].ent not in NON_NAME_ENTS:
            m += 1
        if 1 <= m - start <= 4 and m < j and words[m].text in {",", "("} and (start == first or m - start >= 2):
            return start, list(words[start:m])
    return None


def indefinite_left(words: tuple[Word, ...], j: int) -> int | None:
    """Where a description ending in a plain noun at ``j`` begins with an indefinite:
    "one campaign source", "another longtime aide" (None if it does not)."""
    if not (words[j].text.isalpha() and words[j].text.islower()) or words[j].lower.endswith(("ed", "ing")) \
            or words[j].lower in RELATIVE_PRONOUNS or words[j].lower in CLAUSE_WORDS or words[j].lower in NP_FOLLOWERS \
            or words[j].lower in SUBJECT_PRONOUNS or words[j].lower in _AUX:
        return None
    for k in range(j - 1, max(-1, j - 6), -1):
        word = words[k]
        if word.lower in INDEFINITES:
            return k
        if word.quote >= 0 or not word.text.isalpha() or word.lower in _PREPOSITIONS or word.lower in CLAUSE_WORDS \
                or word.lower in DETERMINERS or word.lower in _CUE_VERBS:
            return None
    return None


def weak_cue_after_quote(words: tuple[Word, ...], i: int) -> bool:
    """A verb too common for the cue list ("pressed", "offered") that still reports when it
    follows a quotation and its subject directly: `"Why not?" the host pressed.`"""
    if words[i].lower not in WEAK_FORMS or i < 2:
        return False
    k = i - 1
    while k >= 0 and is_name_at(words, k):
        k -= 1
    if k == i - 1 or k < 0:
        return False
    if words[k].text == "," and k > 0:
        k -= 1
    after = words[i + 1].text if i + 1 < len(words) else "."
    return words[k].quote >= 0 and after in {".", ",", ";"}


def opening_participle(words: tuple[Word, ...], q: int) -> bool:
    """Whether the sentence opens with a reporting participle ("Describing", "Calling")
    whose clause holds the quotation at ``q``."""
    first = words[0]
    if not (first.capitalised and first.lower.endswith("ing") and first.lower in _CUE_VERBS):
        return False
    return all(w.text != "," for w in words[1:q])


def recued(source: Speaker | None, word: Word) -> Speaker | None:
    if source is None:
        return None
    return replace(source, cue=word.text, cue_at=word.start)


def span(speaker: Speaker) -> tuple[int, int] | None:
    """Where a resolved speaker was named (None for a headline, which has no body offsets)."""
    return (speaker.at, speaker.end) if speaker.at >= 0 and speaker.end > speaker.at else None


def looks_common(frame: Frame, word: Word) -> bool:
    """A sentence-opening capitalised word that reads as a common word, not a surname:
    an adverbial opener ("Lately,", "PREVIOUSLY:"), an -ly adverb, a plural ("Delegates")."""
    k = frame.words.index(word)
    follower = frame.words[k + 1].text if k + 1 < len(frame.words) else ""
    apposition = k + 2 < len(frame.words) and (frame.words[k + 2].lower in DETERMINERS or frame.words[k + 2].capitalised)
    text = word.text
    if word.lower in SENTENCE_OPENERS:
        return True
    return (follower in {",", ":"} and not apposition) or text.endswith(("ly", "s")) or (
        text.isupper() and len(text) > 2)


def described_org(np: list[Word]) -> str | None:
    """An unnamed organisation with a describing word: "the finance ministry" -> "finance
    ministry" (the kind alone, "the ministry", names nothing)."""
    k = len(np) - 1
    while k > 0 and np[k - 1].text.isalpha() and np[k - 1].lower not in DETERMINERS:
        k -= 1  # "the finance ministry", "the Marsh campaign"
    words = [w.text for w in np[k:]]
    return " ".join(words) if len(words) >= 2 else None


def respelled(name: str, written: list[str]) -> str:
    """A cast name spelled as the text writes it here: "Sean O’Hara" where it says "O'Hara"."""
    out = []
    for word in name.split():
        same = next((w for w in written if w != word and w.replace("’", "'") == word.replace("’", "'")), None)
        out.append(same or word)
    return " ".join(out)


def org_words(content: list[Word], run: list[Word]) -> list[Word]:
    """An organisation's words: the name run, extended left over possessive parts of the
    name ("Renters' Union", "the County Attorney's Office")."""
    k = content.index(run[0]) if run[0] in content else 0
    while k >= 2 and content[k - 1].lower in POSSESSIVES and content[k - 2].capitalised:
        k -= 2
        while k >= 1 and content[k - 1].capitalised:
            k -= 1
    while k >= 1 and content[k - 1].capitalised and content[k - 1].lower not in DETERMINERS:
        k -= 1
    return content[k : content.index(run[-1]) + 1] if run[-1] in content else run
