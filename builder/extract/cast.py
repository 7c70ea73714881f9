"""The cast of one article: who is introduced, by which name and role.

Built from the narrative text (never from inside quotations), so that later short
references resolve to one canonical full name: "Kowalski", "the foreign minister"
and "the spokeswoman" all become the person introduced as "Foreign Minister Anna
Kowalski" or "spokeswoman Maria Lopez". Organisations are listed too, so that
"the ministry" resolves to "Ministry of Health".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from builder.patterns.quotes import (
    AUXILIARIES as _AUX,
    CUE_VERBS as _CUE_VERBS,
    DETERMINERS,
    GROUP_NOUNS,
    INVERTING_CUES as _INVERTING,
    ORG_REFERENCES as _ORG_REFS,
    PREPOSITIONS as _PREPOSITIONS,
    PRONOUNS as PRONOUN_KINDS,
    STATEMENT_NOUNS as _STATEMENTS,
    SUBJECT_PRONOUNS,
    MEDIA_WORDS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NAME_TITLES,
    ORG_HEADS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
)

POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_LETTERS = re.compile(r"[^\w]+")


@dataclass(frozen=True, slots=True)
class Word:
    """One token of an article as extraction sees it; ``quote >= 0`` stands for a whole quotation."""

    text: str
    start: int
    end: int
    ent: str = ""
    quote: int = -1

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def capitalised(self) -> bool:
        return self.quote < 0 and self.text[:1].isupper() and any(c.isalpha() for c in self.text)


def skeleton(word: str) -> str:
    """A spelling-insensitive key for one name word: Zelensky, Zelenskyy and Zelenskiy share one."""
    text = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii").lower()
    text = _LETTERS.sub("", text)
    text = re.sub(r"(.)\1+", r"\1", text)  # doubled letters
    text = re.sub(r"(iy|yi|ij|ii)", "y", text)
    text = re.sub(r"i$", "y", text)
    return text.replace("kh", "h")


def strip_titles(tokens: list[str]) -> list[str]:
    """Name words without leading titles, trailing possessive or suffix: "President Joe Smith's" -> Joe Smith."""
    out = [t for t in tokens if t not in POSSESSIVES]
    if out:
        out[-1] = re.sub(r"['’]s?$", "", out[-1])
    while len(out) > 1 and out[0].lower() in NAME_TITLES:
        out = out[1:]
    while len(out) > 1 and out[-1].lower() in NAME_SUFFIXES:
        out = out[:-1]
    return [t for t in out if t]


@dataclass(slots=True)
class Person:
    name: str
    first: int  # character position of the first introduction (-1: the headline)
    roles: list[tuple[frozenset[str], int]] = field(default_factory=list)


@dataclass(slots=True)
class Cast:
    """People and organisations introduced in one article."""

    persons: dict[str, Person] = field(default_factory=dict)
    orgs: list[tuple[str, int]] = field(default_factory=list)

    def add_person(self, tokens: list[str], pos: int, role: frozenset[str] = frozenset()) -> None:
        name_tokens = strip_titles(tokens)
        if not name_tokens or name_tokens[-1].lower() in ORG_HEADS:
            return
        name = " ".join(name_tokens)
        person = self.persons.setdefault(name, Person(name, pos))
        if role:
            person.roles.append((role, pos))

    def add_org(self, tokens: list[str], pos: int) -> None:
        words = [t for t in tokens if t.lower() not in DETERMINERS]
        if words:
            self.orgs.append((" ".join(words), pos))

    def person_named(self, tokens: list[str]) -> str | None:
        """The longest introduced name holding these name words, or None."""
        words = strip_titles(tokens)
        if not words:
            return None
        keys = [skeleton(w) for w in words]
        best: Person | None = None
        for person in self.persons.values():
            have = [skeleton(w) for w in person.name.split()]
            if _contains(have, keys) and (
                best is None or (len(have), -person.first) > (len(best.name.split()), -best.first)
            ):
                best = person
        return best.name if best else None

    def person_with_role(self, role: set[str], pos: int) -> str | None:
        """The person whose introduced role best matches ("the Kremlin spokesman"), or None.

        Affiliations must not clash: "the US president" is not the introduced
        "Russian President Jan Novak".
        """
        heads = {w for w in role if w in ROLE_HEADS}
        if not heads:
            return None
        mine = affiliation(role)
        scored: list[tuple[int, int, str]] = []
        for person in self.persons.values():
            for words, at in person.roles:
                theirs = affiliation(words)
                if not heads & words or (mine and theirs and not mine & theirs):
                    continue
                overlap = len(role & words)
                scored.append((overlap, at if at <= pos else -at - 10**9, person.name))
        if not scored:
            return None
        scored.sort(reverse=True)
        return scored[0][2]

    def org_named(self, tokens: list[str]) -> str:
        """An organisation's canonical name: the longest introduced name that holds these words."""
        words = [t for t in tokens if t.lower() not in DETERMINERS and t not in POSSESSIVES]
        name = " ".join(words)
        longer = [o for o, _ in self.orgs if name and f" {name.lower()} " in f" {o.lower()} "]
        return max(longer, key=len) if longer else name

    def org_of_kind(self, kind: str, pos: int) -> str | None:
        """The last organisation of a kind before ``pos`` ("the ministry" -> "Health Ministry")."""
        kind = kind.lower()
        named = [(at, o) for o, at in self.orgs if kind in o.lower().split() and at <= pos]
        if named:
            return max(named)[1]
        if kind in {"company", "firm", "group"}:
            others = [(at, o) for o, at in self.orgs if at <= pos and not set(o.lower().split()) & MEDIA_WORDS]
            return max(others)[1] if others else None
        return None


def _contains(have: list[str], keys: list[str]) -> bool:
    """Whether ``keys`` occur in order, contiguously, inside ``have``."""
    n = len(keys)
    return any(have[i : i + n] == keys for i in range(len(have) - n + 1))


def affiliation(role: frozenset[str] | set[str]) -> set[str]:
    """The words of a role that are neither titles nor modifiers: {"russian"} in "russian president"."""
    return {w.replace(".", "") for w in role if w not in ROLE_HEADS and w not in ROLE_MODIFIERS
            and w not in DETERMINERS and w not in POSSESSIVES and w not in {"of", "for", "at", "the"}}


def is_name_word(word: Word) -> bool:
    """A capitalised word that can be part of a personal name (not a title)."""
    return word.capitalised and word.lower not in NAME_TITLES and word.lower not in DETERMINERS


def is_role_word(word: Word) -> bool:
    return word.quote < 0 and (word.lower in ROLE_HEADS or word.lower in ROLE_MODIFIERS)


def build_cast(words: list[Word], cast: Cast | None = None) -> Cast:
    """Add the people and organisations introduced in ``words`` (narrative only) to a cast."""
    cast = cast or Cast()
    n = len(words)
    i = 0
    # 1. Chunks of capitalised and role words: "Kremlin spokesman Dmitry Peskov".
    while i < n:
        j = i
        while j < n and (words[j].capitalised or is_role_word(words[j]) or _joins(words, j)):
            j += 1
        if j > i:
            _read_chunk(cast, words, i, j)
        i = max(j, i + 1)
    # 2. Appositions: "Tom Reed, the company's chief executive," / "its chief executive, Tom Reed,".
    for k, word in enumerate(words):
        if word.text != ",":
            continue
        name = _name_run_left(words, k)
        if name and k + 1 < n and (words[k + 1].lower in DETERMINERS or words[k + 1].capitalised):
            role = _role_right(words, k + 1)
            if role:
                cast.add_person([w.text for w in name], name[0].start, role)
        name = _name_run_right(words, k + 1)
        if name and (k + 1 + len(name) >= n or not words[k + 1 + len(name)].capitalised):
            role = _role_left(words, k)
            if role:
                cast.add_person([w.text for w in name], name[0].start, role)
    # 3. Named entities: full personal names and organisations.
    run: list[Word] = []
    for word in [*words, Word("", 0, 0)]:
        if run and (word.ent != run[-1].ent or word.ent == ""):
            label, texts = run[-1].ent, [w.text for w in run]
            if label == "PERSON" and len(strip_titles(texts)) >= 2:
                cast.add_person(texts, run[0].start)
            elif label in {"ORG", "FAC"}:
                cast.add_org(texts, run[0].start)
            run = []
        if word.ent and word.quote < 0:
            run.append(word)
    return cast


def _joins(words: list[Word], j: int) -> bool:
    """'of' / particles / possessives inside a chunk: "Secretary of State Marco Rubio"."""
    word = words[j]
    inside = 0 < j < len(words) - 1 and words[j - 1].capitalised and words[j + 1].capitalised
    return inside and (word.lower in NAME_PARTICLES or word.lower == "of")


def _read_chunk(cast: Cast, words: list[Word], i: int, j: int) -> None:
    chunk = words[i:j]
    k = len(chunk)
    while k > 0 and is_name_word(chunk[k - 1]):
        k -= 1
    name, role = chunk[k:], chunk[:k]
    role_words = frozenset(w.lower for w in role)
    if any(w.lower in ORG_HEADS for w in chunk) and not role_words & ROLE_HEADS:
        cast.add_org([w.text for w in chunk], chunk[0].start)
    elif name and role_words & ROLE_HEADS and not any(w.lower in ORG_HEADS for w in name):
        cast.add_person([w.text for w in name], name[0].start, role_words)


def _name_run_left(words: list[Word], k: int) -> list[Word]:
    i = k
    while i > 0 and is_name_word(words[i - 1]):
        i -= 1
    run = words[i:k]
    return run if 2 <= len(run) <= 4 else []


def _name_run_right(words: list[Word], k: int) -> list[Word]:
    j = k
    while j < len(words) and is_name_word(words[j]):
        j += 1
    run = words[k:j]
    return run if 2 <= len(run) <= 4 and j < len(words) and words[j].text in {",", "said", "says"} else []


def _role_right(words: list[Word], k: int, span: int = 8) -> frozenset[str]:
    """Role words of an apposition starting at ``k`` and closed by a comma: ", the foreign minister,"."""
    out: set[str] = set()
    for word in words[k : k + span]:
        if word.text in {",", "."} or word.quote >= 0:
            break
        out.add(word.lower)
    return frozenset(out - DETERMINERS - POSSESSIVES) if out & ROLE_HEADS else frozenset()


def _role_left(words: list[Word], k: int, span: int = 10) -> frozenset[str]:
    """Role words of a phrase ending at the comma ``k``: "the company's chief executive, Tom Reed"."""
    out: set[str] = set()
    for word in reversed(words[max(0, k - span) : k]):
        if word.text in {",", ".", ":"} or word.quote >= 0:
            break
        out.add(word.lower)
    last = words[k - 1].lower if k else ""
    return frozenset(out - DETERMINERS - POSSESSIVES) if last in ROLE_HEADS else frozenset()


# --- reading speakers from narrative sentences ---------------------------------------------

CLAUSE_WORDS = frozenset("""
however but and or meanwhile still yet instead also so then thus while when whereas although
though because since unless until if as after before during once asked speaking
""".split())
NON_NAME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
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


@dataclass(frozen=True, slots=True)
class _Cue:
    index: int  # of the cue word in its frame
    lo: int  # the cue and its subject span frame.words[lo:hi + 1]
    hi: int
    text: str
    source: bool  # "according to X", "per X": weaker than a verb cue
    speaker: Speaker | None


def _is_np_word(words: tuple[Word, ...], k: int) -> bool:
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
    inside = 0 < k < len(words) - 1 and words[k - 1].capitalised and words[k + 1].capitalised
    return inside and (low in NAME_PARTICLES or low == "of")


def _modifies_role(words: tuple[Word, ...], k: int) -> bool:
    """A plain word right before a title: "opposition" in "opposition leader Ann Lee"."""
    word = words[k]
    return (word.quote < 0 and word.text.isalpha() and word.lower not in DETERMINERS
            and word.lower not in _PREPOSITIONS and k + 1 < len(words) and words[k + 1].lower in ROLE_HEADS)


class SpeakerFinder:
    """Reads cues and their subjects sentence by sentence, keeping the speakers seen so far."""

    def __init__(self, cast: Cast, paragraphs: list[list[Word]]) -> None:
        self.cast = cast
        self.paragraphs = paragraphs
        self.events: list[tuple[int, int, Speaker]] = []  # (paragraph, position, speaker)
        self.cues: dict[int, list[_Cue]] = {}  # by id(frame)
        self.subjects: dict[int, Speaker | None] = {}

    # -- reading ------------------------------------------------------------------
    def read(self, frames: list[Frame]) -> None:
        """Find every cue and clause subject, in reading order (pronouns need what came before)."""
        for frame in frames:
            subject = self._clause_subject(frame)
            self.subjects[id(frame)] = subject
            if subject:
                self._remember(frame.paragraph, subject)
            cues: list[_Cue] = []
            for i, word in enumerate(frame.words):
                cue = self._cue(frame, i, cues, subject)
                if cue:
                    cues.append(cue)
                    if cue.speaker:
                        self._remember(frame.paragraph, cue.speaker)
            self.cues[id(frame)] = cues

    def _remember(self, paragraph: int, speaker: Speaker) -> None:
        self.events.append((paragraph, speaker.at, speaker))

    def _cue(self, frame: Frame, i: int, before: list[_Cue], subject: Speaker | None) -> _Cue | None:
        words = frame.words
        word = words[i]
        low = word.lower
        prev = words[i - 1].lower if i else ""
        nxt = words[i + 1] if i + 1 < len(words) else None
        if word.quote >= 0:
            return None
        # Source cues: the speaker follows.
        if (low == "according" and nxt is not None and nxt.lower == "to") or (
            low == "per" and nxt is not None and (nxt.capitalised or nxt.lower in DETERMINERS or is_role_word(nxt))
        ):
            start = i + 2 if low == "according" else i + 1
            np = self._np_right(words, start)
            if not np:
                return None
            text = "according to" if low == "according" else "per"
            return _Cue(i, i, start + len(np) - 1, text, True, self._speaker(np, frame, text, word.start))
        if low not in _CUE_VERBS or prev in DETERMINERS or prev in POSSESSIVES or prev == "to":
            return None
        if nxt is not None and nxt.lower == "by":
            return None  # passive: "when asked by reporters"
        if i == 0 or (low.startswith("ask") and prev in {"when", "if", ","}):
            return None
        # Participles hang on their clause: `X told the Post, adding that ...`.
        if low.endswith("ing"):
            source = before[-1].speaker if before else subject
            return _Cue(i, i, i, word.text, False, _recued(source, word)) if source else None
        left = self._subject_left(words, i)
        if left:
            lo, np = left
            return _Cue(i, lo, i, word.text, False, self._speaker(np, frame, word.text, word.start))
        # Inverted after a quotation: `"...," said X`.
        after_quote = i > 0 and (words[i - 1].quote >= 0 or (prev == "," and i > 1 and words[i - 2].quote >= 0))
        if low in _INVERTING and after_quote:
            np = self._np_right(words, i + 1)
            if np:
                return _Cue(i, i, i + len(np), word.text, False, self._speaker(np, frame, word.text, word.start))
        if prev in {"and", "but", "then", "also"}:
            source = before[-1].speaker if before else subject
            return _Cue(i, i, i, word.text, False, _recued(source, word)) if source else None
        return None

    def _subject_left(self, words: tuple[Word, ...], i: int) -> tuple[int, list[Word]] | None:
        j = i - 1
        while j >= 0 and (words[j].lower in _AUX or words[j].ent in NON_NAME_ENTS):
            j -= 1
            if j >= 0 and words[j].ent in NON_NAME_ENTS and j > 0 and words[j - 1].lower in {"on", "in", "last", "this"}:
                j -= 1
        if j >= 0 and words[j].lower in {"on", "in", "last", "this"} and j + 1 < i and words[j + 1].ent in NON_NAME_ENTS:
            j -= 1
        if j < 0 or words[j].quote >= 0:
            return None
        if words[j].text == ",":
            k = j - 1
            while k >= 0 and words[k].text != "," and words[k].quote < 0 and j - k < 25:
                k -= 1
            if k < 0 or words[k].text != ",":
                return None
            segment = list(words[k + 1 : j])
            if segment and 1 <= len(segment) <= 4 and all(is_name_word(w) for w in segment):
                return k + 1, segment
            j = k - 1
        if j < 0:
            return None
        k = j
        while k >= 0 and _is_np_word(words, k):
            k -= 1
        if k == j and words[j].lower in SUBJECT_PRONOUNS:
            return j, [words[j]]
        if k >= 0 and words[k].lower in DETERMINERS - {"that", "this"}:
            k -= 1
        np = list(words[k + 1 : j + 1])
        if not np or all(w.lower in DETERMINERS for w in np):
            return None
        # "a spokesman for the ministry said": the role, speaking for the organisation.
        if k >= 1 and words[k].lower in {"for", "of", "at"} and words[k - 1].lower in ROLE_HEADS:
            m = k - 1
            while m >= 0 and _is_np_word(words, m):
                m -= 1
            if m >= 0 and words[m].lower in DETERMINERS:
                m -= 1
            return m + 1, list(words[m + 1 : j + 1])
        return k + 1, np

    def _np_right(self, words: tuple[Word, ...], i: int, strict: bool = True) -> list[Word]:
        k = i
        if k < len(words) and words[k].lower in DETERMINERS - {"that", "this"}:
            k += 1
        if k < len(words) and words[k].lower in SUBJECT_PRONOUNS:
            return list(words[i : k + 1])
        while k < len(words) and (_is_np_word(words, k) or _modifies_role(words, k)):
            k += 1
        np = list(words[i:k])
        if not np or all(w.lower in DETERMINERS for w in np):
            return []
        follower = words[k] if k < len(words) else None
        if strict and follower is not None and follower.quote < 0 and follower.text[:1].isalpha() and not (
            follower.lower in _PREPOSITIONS or follower.lower in _CUE_VERBS or follower.lower in NP_FOLLOWERS
        ):
            return []  # "according to a Russian translation": not a name
        return np

    def _clause_subject(self, frame: Frame) -> Speaker | None:
        words = frame.words
        i = 0
        while i < len(words) and (words[i].lower in CLAUSE_WORDS - {"asked", "speaking", "as", "if", "when", "while", "after", "before", "during", "since", "although", "though", "because", "unless", "until", "once"} or words[i].text == ","):
            i += 1
        if i < len(words) and (
            words[i].lower in _PREPOSITIONS or words[i].lower in CLAUSE_WORDS or words[i].ent in NON_NAME_ENTS
            or (words[i].capitalised and not words[i].ent and re.search(r"(ing|ed)$", words[i].text))
        ):
            while i < len(words) and words[i].text != "," and words[i].quote < 0:
                i += 1
            i += 1
        if i >= len(words) or words[i].quote >= 0:
            return None
        np = self._np_right(words, i, strict=False)
        if not np:
            return None
        return self._speaker(np, frame, "", None)

    # -- resolving -----------------------------------------------------------------
    def _speaker(self, np: list[Word], frame: Frame, cue: str, cue_at: int | None) -> Speaker | None:
        at = np[0].start
        last = np[-1]
        low = last.lower
        determiner = np[0].lower in DETERMINERS
        step = "same-sentence"
        if low in SUBJECT_PRONOUNS:
            found = self.pronoun(low, frame.paragraph, at)
            return Speaker(found.name, found.kind, cue, "pronoun", cue_at, at) if found else None
        if low in GROUP_NOUNS:
            return None
        content = [w for w in np if w.lower not in DETERMINERS and w.lower not in POSSESSIVES]
        if low in _STATEMENTS:
            names = [w.text for w in content[:-1] if w.capitalised]
            return Speaker(self.cast.org_named(names), "org", cue, step, cue_at, at) if names else None
        run: list[Word] = []
        for w in reversed(content):
            if not is_name_word(w) and not (run and w.lower in NAME_PARTICLES):
                break
            run.insert(0, w)
        if run:
            tokens = [w.text for w in run]
            person = self.cast.person_named(tokens)
            org_like = any(w.lower in ORG_HEADS or w.lower in MEDIA_WORDS for w in run) or (
                determiner and np[0].lower == "the")
            if person and not org_like:
                return Speaker(person, "person", cue, step, cue_at, at)
            if org_like or last.ent in {"ORG", "GPE", "NORP", "FAC", "LOC"}:
                return Speaker(self.cast.org_named(tokens), "org", cue, step, cue_at, at)
            name = " ".join(strip_titles(tokens))
            return Speaker(name, "person", cue, step, cue_at, at) if name else None
        words = {w.lower for w in content}
        if words & ROLE_HEADS:
            person = self.cast.person_with_role(words, at)
            if person is None and np[0].lower == "the":
                person = self._salient_untitled()
            if person:
                return Speaker(person, "person", cue, step, cue_at, at)
            orgs = [w.text for w in content if w.capitalised]
            kind = next((w.lower for w in content if w.lower in _ORG_REFS), None)
            org = self.cast.org_named(orgs) if orgs else (self.cast.org_of_kind(kind, at) if kind else None)
            return Speaker(org, "org", cue, step, cue_at, at) if org else None
        if low in _ORG_REFS:
            org = self.cast.org_of_kind(low, at)
            return Speaker(org, "org", cue, step, cue_at, at) if org else None
        return None

    def _salient_untitled(self) -> str | None:
        """For an unmatched definite role ("the US president"): the person named most often so
        far among those introduced without any role, if there is one."""
        counts: dict[str, int] = {}
        for _, _, speaker in self.events:
            person = self.cast.persons.get(speaker.name)
            if speaker.kind == "person" and (person is None or not person.roles):
                counts[speaker.name] = counts.get(speaker.name, 0) + 1
        if not counts:
            return None
        return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]

    def pronoun(self, pronoun: str, paragraph: int, at: int) -> Speaker | None:
        """The last compatible speaker of this paragraph or the one before."""
        wanted = PRONOUN_KINDS.get(pronoun, "any")
        for para, pos, speaker in reversed(self.events):
            if para < paragraph - 1:
                break
            if pos < at and (wanted == "any" or speaker.kind == wanted):
                return speaker
        return None

    # -- answering ------------------------------------------------------------------
    def for_quote(self, frame: Frame, qi: int) -> Speaker | None:
        """Steps 1-3 of the attribution chain for one quotation of ``frame``."""
        words = frame.words
        q = next(k for k, w in enumerate(words) if w.quote == qi)
        cues = self.cues.get(id(frame), [])
        best: _Cue | None = None
        best_key: tuple[int, int, int] | None = None
        ends_comma = False
        for cue in cues:
            if cue.lo <= q <= cue.hi:
                continue
            distance = q - cue.hi if cue.hi < q else cue.lo - q
            prefer = 0 if (cue.hi < q) == (not ends_comma) else 1
            key = (int(cue.source), distance, prefer)
            if best_key is None or key < best_key:
                best, best_key = cue, key
        intro = q > 0 and words[q - 1].text in {":", "—", "–"}
        if best is not None and best.speaker is not None:
            speaker = best.speaker
            if intro and best.hi < q and speaker.step != "pronoun":
                speaker = Speaker(speaker.name, speaker.kind, speaker.cue, "colon", speaker.cue_at, speaker.at)
            return speaker
        if best is None and intro:
            # 2. `X: "..."` or a clause ending in a colon: its subject introduces the quotation.
            subject = self.subjects.get(id(frame))
            if subject:
                step = "pronoun" if subject.step == "pronoun" else "colon"
                return Speaker(subject.name, subject.kind, ":", step, words[q - 1].start, subject.at)
        return None

    def words_between(self, paragraph: int, qa: int, qb: int) -> list[Word]:
        words = self.paragraphs[paragraph]
        a = next(k for k, w in enumerate(words) if w.quote == qa)
        b = next(k for k, w in enumerate(words) if w.quote == qb)
        return [w for w in words[a + 1 : b] if w.text not in {",", "."}]

    def quote_only(self, paragraph: int, qi: int) -> bool:
        """Whether the paragraph holds nothing but quotation(s) and punctuation."""
        words = self.paragraphs[paragraph]
        return any(w.quote == qi for w in words) and all(
            w.quote >= 0 or not any(c.isalnum() for c in w.text) for w in words)

    def last_speaker(self, paragraph: int) -> Speaker | None:
        for para, _, speaker in reversed(self.events):
            if para == paragraph:
                return speaker
            if para < paragraph:
                return None
        return None


def _recued(source: Speaker | None, word: Word) -> Speaker | None:
    if source is None:
        return None
    return Speaker(source.name, source.kind, word.text, source.step, word.start, source.at)
