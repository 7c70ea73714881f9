"""Who said it: speakers read from the narrative of one article.

* :class:`SpeakerFinder` reads cue words ("said", "told", "according to") and their
  subjects sentence by sentence, resolving names, roles and pronouns with the
  article's cast; ``builder.extract.quotes`` asks it for each quotation's speaker.
* :func:`unify_speakers` (in ``builder.extract.speaker_names``, re-exported here) maps
  the names of one story to one canonical form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from builder.extract.cast import (
    POSSESSIVES,
    Cast,
    Word,
    affiliation_cut,
    is_name_at,
    is_name_word,
    affiliation,
    is_role_word,
    spelled,
    strip_titles,
    without_suffixes,
)
from builder.extract.speaker_names import unify_speakers  # noqa: F401  (re-exported for the pipeline)
from builder.patterns.cues import (
    DOCUMENT_NOUNS,
    NOT_CUE_FOLLOWERS,
    PHRASAL_CUES,
    REPORTING_LEMMAS,
    WEAK_LEMMAS,
    inflections,
)
from builder.patterns.quotes import (
    AFFILIATION_WORDS,
    AUXILIARIES as _AUX,
    CUE_VERBS as _CUE_VERBS,
    DETERMINERS,
    GROUP_NOUNS,
    INDEFINITES,
    SOURCE_QUALIFIERS,
    UNNAMED_SOURCES,
    INVERTING_CUES as _INVERTING,
    MEDIA_WORDS,
    NAME_PARTICLES,
    ORG_DESCRIPTIONS,
    ORG_HEADS,
    ORG_REFERENCES as _ORG_REFS,
    PREPOSITIONS as _PREPOSITIONS,
    PRONOUN_GENDERS,
    PRONOUNS as PRONOUN_KINDS,
    SENTENCE_OPENERS,
    PROGRESSIVE_AUXILIARIES,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    SPOKES_ROLES,
    STATEMENT_NOUNS as _STATEMENTS,
    SUBJECT_PRONOUNS,
)


# --- reading speakers from narrative sentences ---------------------------------------------

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


def _modifies_role(words: tuple[Word, ...], k: int, heads: frozenset[str] = ROLE_HEADS | _ORG_REFS) -> bool:
    """A plain word right before a title or a kind of organisation: "opposition" in
    "opposition leader Ann Lee", "finance" in "the finance ministry"."""
    word = words[k]
    return (word.quote < 0 and word.text.isalpha() and word.lower not in DETERMINERS
            and word.lower not in _PREPOSITIONS and word.lower not in CLAUSE_WORDS
            and k + 1 < len(words) and words[k + 1].lower in heads)


class SpeakerFinder:
    """Reads cues and their subjects sentence by sentence, keeping the speakers seen so far."""

    def __init__(self, cast: Cast, paragraphs: list[list[Word]]) -> None:
        self.cast = cast
        self.paragraphs = paragraphs
        self.events: list[tuple[int, int, Speaker]] = []  # (paragraph, position, speaker)
        self.cues: dict[int, list[_Cue]] = {}  # by id(frame)
        self.subjects: dict[int, Speaker | None] = {}
        self.mentioned: dict[str, int] = {}  # how often each untitled person was a speaker so far
        self.sources: list[str] = []  # unnamed sources described so far ("a person familiar with ...")
        self._seen: list[tuple[int, int, int, str]] | None = None  # places where people are named
        self.cue_speakers: list[tuple[int, int, Speaker]] = []  # (paragraph, position, speaker) of every cue

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
                        self.cue_speakers.append((frame.paragraph, cue.speaker.at, cue.speaker))
            self.cues[id(frame)] = cues

    def _remember(self, paragraph: int, speaker: Speaker) -> None:
        self.events.append((paragraph, speaker.at, speaker))
        person = self.cast.persons.get(speaker.name)
        if speaker.kind == "person" and (person is None or not person.roles):
            self.mentioned[speaker.name] = self.mentioned.get(speaker.name, 0) + 1

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
            text = "according to" if low == "according" else "per"
            unnamed = self._unnamed_right(words, start)
            if unnamed:
                return _Cue(i, i, unnamed[0], text, True,
                            Speaker(unnamed[1], "source", text, "same-sentence", word.start, words[start].start,
                                    words[unnamed[0]].end))
            if not np:
                return None
            return _Cue(i, i, start + len(np) - 1, text, True, self._speaker(np, frame, text, word.start))
        phrasal = nxt is not None and (low, nxt.lower) in PHRASAL_CUES  # "went on", "shot back"
        if (low not in _CUE_VERBS and not phrasal and not _weak_cue_after_quote(words, i)) \
                or prev in DETERMINERS or prev in POSSESSIVES or prev == "to":
            return None
        if nxt is not None and (low, nxt.lower) in NOT_CUE_FOLLOWERS:
            return None  # "will continue to", "agreed with"
        if word.capitalised and i > 0 and words[i - 1].capitalised:
            return None  # part of a name: "the United States", "Says Inc."
        if nxt is not None and nxt.lower == "by":
            return None  # passive: "when asked by reporters"
        if i == 0 or (low.startswith("ask") and prev in {"when", "if", ","}):
            return None
        # Participles hang on their clause: `X told the Post, adding that ...`.
        if low.endswith("ing") and prev not in PROGRESSIVE_AUXILIARIES:
            # "with X reportedly yelling": X; else the clause's subject, else the speaker of the cue before it.
            source = self._with_subject(words, i, frame) or subject or next(
                (c.speaker for c in reversed(before) if c.speaker), None)
            return _Cue(i, i, i, word.text, False, _recued(source, word)) if source else None
        left = self._subject_left(words, i)
        if not left:
            unnamed = self._unnamed_left(words, i)
            if unnamed:
                lo, name = unnamed
                return _Cue(i, lo, i, word.text, False,
                            Speaker(name, "source", word.text, "same-sentence", word.start, words[lo].start,
                                    words[i - 1].end))
        if left and left[1][0].lower in {"a", "an"} and low in REPORTING_LEMMAS:
            return None  # a noun: "a blunt retort", "a sharp reply"
        if left:
            lo, np = left
            speaker = self._speaker(np, frame, word.text, word.start)
            joint = self._joint(words, lo, frame, speaker, word)
            if joint:
                return _Cue(i, joint[0], i, word.text, False, joint[1])
            return _Cue(i, lo, i, word.text, False, speaker)
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

    def _joint(self, words: tuple[Word, ...], lo: int, frame: Frame, second: Speaker | None,
               cue: Word) -> tuple[int, Speaker] | None:
        """Joint speakers: `Governor Ann Lee and Treasurer Paul Roe said`: both, as a group."""
        if second is None or second.kind != "person" or lo < 2 or words[lo - 1].lower != "and":
            return None
        k = lo - 2
        while k >= 0 and _is_np_word(words, k):
            k -= 1
        if k >= 0 and words[k].lower in (DETERMINERS | INDEFINITES) - {"that", "this"}:
            k -= 1
        np = list(words[k + 1 : lo - 1])
        first = self._speaker(np, frame, cue.text, cue.start) if np else None
        if first is None or first.kind != "person" or first.name == second.name:
            return None
        return k + 1, Speaker(f"{first.name} and {second.name}", "group", cue.text, "same-sentence", cue.start,
                              first.at, second.end)

    def _with_subject(self, words: tuple[Word, ...], i: int, frame: Frame) -> Speaker | None:
        """The subject of an absolute participle: "with Ann Cole reportedly shouting"."""
        k = i - 1
        while k >= 0 and _is_adverb(words[k]):
            k -= 1
        end = k
        while k >= 0 and is_name_at(words, k):
            k -= 1
        if end > k and k >= 0 and words[k].lower == "with":
            return self._speaker(list(words[k + 1 : end + 1]), frame, words[i].text, words[i].start)
        return None

    def _unnamed_left(self, words: tuple[Word, ...], i: int, span: int = 14) -> tuple[int, str] | None:
        """An unnamed source as the subject of the cue at ``i``: "a person familiar with the
        talks said" (the description), or "the person said" (the last one described)."""
        for k in range(i - 1, max(0, i - span) - 1, -1):
            word = words[k]
            if word.quote >= 0 or word.text in {",", ";", ":", "."}:
                return None
            if word.lower not in UNNAMED_SOURCES or k == 0:
                continue
            det = words[k - 1].lower
            if det in INDEFINITES and (k + 1 == i or words[k + 1].lower in SOURCE_QUALIFIERS):
                return k - 1, self._describe(words[k - 1 : i])
            if det == "the" and k + 1 == i and self.sources:
                return k - 1, self.sources[-1]
            return None
        return None

    def _unnamed_right(self, words: tuple[Word, ...], i: int) -> tuple[int, str] | None:
        """`according to a person familiar with the inspections, ...`: (last index, description)."""
        if i + 2 >= len(words) or words[i].lower not in INDEFINITES or words[i + 1].lower not in UNNAMED_SOURCES:
            return None
        if words[i + 2].lower not in SOURCE_QUALIFIERS:
            return None
        k = i + 2
        while k < len(words) and words[k].quote < 0 and words[k].text not in {",", ";", ":", "."} and k - i < 14:
            k += 1
        return k - 1, self._describe(words[i:k])

    def _describe(self, words: tuple[Word, ...]) -> str:
        text = " ".join(w.text for w in words)
        text = re.sub(r" (['’]s?)(?=\s|$)", r"\1", text)
        text = text[:1].lower() + text[1:]  # "A person ..." at a sentence start
        self.sources.append(text)
        return text

    def _subject_left(self, words: tuple[Word, ...], i: int) -> tuple[int, list[Word]] | None:
        j = i - 1
        while j >= 0 and (words[j].lower in _AUX or words[j].ent in NON_NAME_ENTS or _is_adverb(words[j])):
            j -= 1
            if j >= 0 and words[j].ent in NON_NAME_ENTS and j > 0 and words[j - 1].lower in {"on", "in", "last", "this"}:
                j -= 1
        if j >= 0 and words[j].lower in {"on", "in", "last", "this"} and j + 1 < i and words[j + 1].ent in NON_NAME_ENTS:
            j -= 1
        if j > 0 and words[j].text == ")":
            # "Sen. Ann Lee (R-Texas) said": the bracket is no part of the name.
            k = j
            while k >= 0 and words[k].text != "(" and j - k < 8:
                k -= 1
            if k > 0 and words[k].text == "(":
                j = k - 1
        if j < 0 or words[j].quote >= 0:
            return None
        if words[j].text == ",":
            # "Jean Roe, the mayor of Leeds, a city of ..., said": the name opening the clause,
            # however long its appositions.
            named = _clause_opening_name(words, j)
            if named:
                return named
        if words[j].text == ",":
            # "The commission, which rated the home 'inadequate', said": skip the relative clause.
            r = j - 1
            while r >= 0 and words[r].text != "," and j - r < 30:
                r -= 1
            if r > 0 and words[r].text == "," and words[r + 1].lower in RELATIVE_PRONOUNS:
                j = r
                while j >= 0 and words[j].text == ",":
                    j -= 1
                if j >= 0 and words[j].ent in NON_NAME_ENTS:
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
        while k >= 0 and (_is_np_word(words, k) or _modifies_role(words, k, _ORG_REFS)):
            k -= 1
        if k == j and words[j].lower in SUBJECT_PRONOUNS:
            return j, [words[j]]
        if k == j and (described := _indefinite_left(words, j)) is not None:
            return described, list(words[described : j + 1])  # "one campaign source said"
        if k >= 0 and words[k].lower in (DETERMINERS | INDEFINITES) - {"that", "this"}:
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
        # "Union officials in Finland said", "Jane Doe of the University of Leeds said": the
        # noun phrase after a preposition is its object; the subject stands before it.
        if k >= 1 and words[k].lower in AFFILIATION_WORDS | {"in"}:
            m = k - 1
            while m >= 0 and (_is_np_word(words, m) or words[m].lower in GROUP_NOUNS):
                m -= 1
            left = list(words[m + 1 : k])
            if left and (words[k].lower == "in" or is_name_word(left[-1])):
                return m + 1, left
        return k + 1, np

    def _np_right(self, words: tuple[Word, ...], i: int, strict: bool = True) -> list[Word]:
        k = i
        if k < len(words) and words[k].lower in (DETERMINERS | INDEFINITES) - {"that", "this"}:
            k += 1
        if k < len(words) and words[k].lower in SUBJECT_PRONOUNS:
            return list(words[i : k + 1])
        while k < len(words) and (_is_np_word(words, k) or _modifies_role(words, k)):
            k += 1
        if words[i].lower in INDEFINITES:
            # "said one party confidant", "an angry Ann Cole": a description may hold plain words.
            named = False
            while k < len(words) and k - i < 8:
                plain = words[k].text.isalpha() and words[k].text.islower() and not (
                    words[k].lower in _PREPOSITIONS or words[k].lower in NP_FOLLOWERS
                    or words[k].lower in _CUE_VERBS or words[k].lower in CLAUSE_WORDS)
                if _is_np_word(words, k) and words[k].capitalised:
                    named = True
                elif not plain or named:
                    break  # plain words come before a name ("an angry Ann Cole"), never after it
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
            while i < len(words) and words[i].text != ",":
                i += 1
                if words[i - 1].quote >= 0:
                    break  # `Describing it as "a victory," the union ...`: the comma is inside the marks
            if i < len(words) and words[i].text == ",":
                i += 1
        if i >= len(words) or words[i].quote >= 0:
            return None
        np = self._np_right(words, i, strict=False)
        if not np:
            return None
        return self._speaker(np, frame, "", None)

    # -- resolving -----------------------------------------------------------------
    def _speaker(self, np: list[Word], frame: Frame, cue: str, cue_at: int | None) -> Speaker | None:
        """The speaker ``np`` names, with the span of its words."""
        found = self._resolve(np, frame, cue, cue_at)
        return replace(found, end=np[-1].end) if found is not None and found.end < 0 else found

    def _resolve(self, np: list[Word], frame: Frame, cue: str, cue_at: int | None) -> Speaker | None:
        at = np[0].start
        last = np[-1]
        low = last.lower
        determiner = np[0].lower in DETERMINERS
        step = "same-sentence"
        if low in SUBJECT_PRONOUNS:
            found = self.pronoun(low, frame.paragraph, at)
            return Speaker(found.name, found.kind, cue, "pronoun", cue_at, at, np[-1].end,
                           found.antecedent or _span(found)) if found else None
        if low in GROUP_NOUNS:
            # "Marsh officials said": the group of a person the article names; bare "officials
            # said" or "Union officials" names nobody.
            described = [w for w in np[:-1] if w.capitalised and (w.ent == "PERSON" or self.cast.person_named([w.text]))]
            return Speaker(self._as_written(np, frame), "group", cue, step, cue_at, at) if described else None
        content = [w for w in np if w.lower not in DETERMINERS and w.lower not in POSSESSIVES]
        cut = affiliation_cut(content)
        if cut is not None:  # "Nadia Karim of Eastbrook University": the person speaks
            content = content[:cut]
        content = without_suffixes(content)  # "Harriet Lowe MP"
        if low in DOCUMENT_NOUNS and low not in _STATEMENTS:
            # "the 31-page lawsuit says", "the IMF report stated": the document speaks, named
            # with its issuer where the phrase gives one.
            issuer = [w for w in content[:-1] if w.capitalised]
            name = " ".join([*(w.text for w in issuer), last.text.lower()]) if issuer else last.text.lower()
            return Speaker(name, "document", cue, step, cue_at, at)
        if low in _STATEMENTS and (author := self._statement_author(np, frame)) is not None:
            return replace(author, cue=cue, cue_at=cue_at)  # "said the statement from her lawyer, Jo Lee"
        if low in _STATEMENTS:
            names = [w.text for w in content[:-1] if w.capitalised]
            if names:
                return Speaker(self.cast.org_named(names), "org", cue, step, cue_at, at)
            # "the statement said": whoever spoke or acted just before (the one who issued it).
            issuer = self.pronoun("statement", frame.paragraph, at) if np[0].lower == "the" else None
            return Speaker(issuer.name, issuer.kind, cue, "pronoun", cue_at, at, np[-1].end,
                           issuer.antecedent or _span(issuer)) if issuer else None
        run: list[Word] = []
        for k in range(len(content) - 1, -1, -1):
            w = content[k]
            in_frame = is_name_at(frame.words, frame.words.index(w)) if len(content) == 1 and w in frame.words else False
            if not (is_name_at(content, k) or in_frame) and not (run and w.lower in NAME_PARTICLES):
                break
            run.insert(0, w)
        if run and len(run) == 1 and not run[0].ent and self._opens_sentence(frame, run[0]) \
                and _looks_common(frame, run[0]) and not self.cast.person_named([run[0].text]):
            run = []  # a capitalised sentence opener ("Lately", "Delegates"), not a name
            if len(content) == 1:
                return None
        if run:
            tokens = [w.text for w in run]
            person = self.cast.person_named(tokens) or self._person_named_after_epithet(tokens)
            if person:
                person = _respelled(person, tokens)
            if person:
                self.cast.note_gender(person, {w.lower for w in np})
            org_like = any(w.lower in ORG_HEADS or w.lower in MEDIA_WORDS for w in run) or (
                determiner and np[0].lower == "the")
            if person and not org_like:
                return Speaker(person, "person", cue, step, cue_at, at)
            if org_like or last.ent in {"ORG", "GPE", "NORP", "FAC", "LOC"}:
                return Speaker(self.cast.org_named(spelled(_org_words(np, run))), "org", cue, step, cue_at, at)
            name = " ".join(strip_titles(tokens))
            return Speaker(name, "person", cue, step, cue_at, at) if name else None
        words = {w.lower for w in content}
        if content and all(w.capitalised or w.lower == "of" for w in content) and words & ORG_HEADS and not (
                words & ROLE_HEADS):
            # "Ministry of Energy", "Health Department": an organisation ending in a title-like word.
            return Speaker(self.cast.org_named([w.text for w in content]), "org", cue, step, cue_at, at)
        if np[0].lower in INDEFINITES and not words & SPOKES_ROLES and len(np) >= 2 and (
                words & ROLE_HEADS or low in UNNAMED_SOURCES or any(w.capitalised for w in np[1:])
                or (last.text.isalpha() and last.text.islower())):
            # "a 2008 campaign veteran", "one party confidant", "a longtime adviser to the mayor":
            # an unnamed person, as described.
            return Speaker(self._as_written(np, frame), "source", cue, step, cue_at, at)
        if words & ROLE_HEADS:
            person = self.cast.person_with_role(words, at)
            described = np[0].lower == "the" and any(w.capitalised for w in np[1:] if w.lower in affiliation(words))
            if person is None and np[0].lower == "the" and not described:
                person = self._salient_untitled()
            if person:
                return Speaker(person, "person", cue, step, cue_at, at)
            if described and not words & SPOKES_ROLES:
                # "the Ohio senator" whom the article never named with that role: as written.
                return Speaker(" ".join(w.text for w in np[1:]), "person", cue, step, cue_at, at)
            if not words & SPOKES_ROLES:
                return None
            orgs = [w.text for w in content if w.capitalised]
            kind = next((w.lower for w in content if w.lower in _ORG_REFS), None)
            org = self.cast.org_named(orgs) if orgs else (self._org_of_kind(kind, frame.paragraph, at) if kind else None)
            if org is None and not orgs and not kind:
                # "The ministry, according to a spokesperson, ...": the organisation the sentence is about.
                subject = self.subjects.get(id(frame))
                org = subject.name if subject and subject.kind == "org" else None
            return Speaker(org, "org", cue, step, cue_at, at) if org else None
        if low in _ORG_REFS:
            org = self._org_of_kind(low, frame.paragraph, at) or _described_org(np)
            return Speaker(org, "org", cue, step, cue_at, at) if org else None
        if np[0].lower == "the" and any(w.capitalised for w in np[1:-1]) and last.text.islower():
            # "the DNC member said": an unnamed person the text describes by a named body.
            return Speaker(self._as_written(np, frame), "source", cue, step, cue_at, at)
        return None

    def _statement_author(self, np: list[Word], frame: Frame) -> Speaker | None:
        """The author named after a statement noun: "the statement from the mayor's lawyer,
        Jo Lee", "a statement by the county" -- a person's or organisation's name."""
        k = frame.words.index(np[-1]) + 1 if np[-1] in frame.words else len(frame.words)
        if k >= len(frame.words) or frame.words[k].lower not in {"from", "by", "of"}:
            return None
        following = list(frame.words[k + 1 : k + 12])
        end = next((n for n, w in enumerate(following) if w.quote >= 0 or w.text in {".", ";"}), len(following))
        following = following[:end]
        for n in range(len(following) - 1, -1, -1):  # the last name in the phrase: after an apposition
            if is_name_word(following[n]) and (n + 1 == len(following) or not is_name_word(following[n + 1])):
                m = n
                while m > 0 and is_name_word(following[m - 1]):
                    m -= 1
                if n - m >= 1 or following[m].ent in {"PERSON", "ORG"}:
                    return self._speaker(following[m : n + 1], frame, "", None)
        return None

    def _as_written(self, np: list[Word], frame: Frame) -> str:
        """A description as the text gives it, with an affiliation that follows it
        ("a longtime adviser to the mayor"), the leading "the" dropped."""
        words = list(np)
        if words[0].lower == "the":
            words = words[1:]
        k = frame.words.index(np[-1]) + 1 if np[-1] in frame.words else len(frame.words)
        following = frame.words[k : k + 6]
        if following and following[0].lower in {"to", "of", "for", "at", "from", "with", "close"}:
            m = 1
            if m < len(following) and following[m].lower == "the":
                m += 1
            run = m
            while run < len(following) and following[run].capitalised:
                run += 1
            if run > m:
                words += following[:run]
        text = " ".join(spelled(words))
        return text[:1].lower() + text[1:] if words[0].lower in INDEFINITES else text

    def speaker_of(self, np: list[Word], frame: Frame, cue: str, cue_at: int | None) -> Speaker | None:
        """The speaker a noun phrase of ``frame`` names (a name, a role, a pronoun ...)."""
        return self._speaker(np, frame, cue, cue_at)

    def quotes_only_frame(self, frame: Frame) -> bool:
        """Whether a sentence holds nothing but quotation(s) and punctuation."""
        return all(w.quote >= 0 or not any(c.isalnum() for c in w.text) for w in frame.words)

    @staticmethod
    def _opens_sentence(frame: Frame, word: Word) -> bool:
        """Whether ``word`` is the first word of its sentence (after any quotation or punctuation)."""
        for w in frame.words:
            if w.quote >= 0 or not any(c.isalnum() for c in w.text):
                continue
            return w is word
        return False

    def _org_of_kind(self, kind: str, paragraph: int, at: int) -> str | None:
        """"the ministry" -> the last ministry named; "the regulator" (a kind rarely in a
        name) -> else the organisation that spoke in this paragraph or the one before."""
        org = self.cast.org_of_kind(kind, at)
        if org:
            return org
        for para, pos, speaker in reversed(self.events):
            if para < paragraph - 1:
                break
            if pos < at and speaker.kind == "org":
                return speaker.name
        return None

    def _salient_untitled(self) -> str | None:
        """For an unmatched definite role ("the US president"): the person named most often so
        far among those introduced without any role, if there is one."""
        if not self.mentioned:
            return None
        return max(self.mentioned.items(), key=lambda kv: (kv[1], kv[0]))[0]

    def _person_named_after_epithet(self, tokens: list[str]) -> str | None:
        """"Neighbour Sharon Pike" when only "Sharon Pike" was introduced: a capitalised
        word before a known name (a sentence-initial epithet) is not part of it."""
        for k in range(1, len(tokens) - 1):
            person = self.cast.person_named(tokens[k:])
            if person:
                return person
        return None

    def pronoun(self, pronoun: str, paragraph: int, at: int) -> Speaker | None:
        """The last compatible speaker of this paragraph or the one before.

        Compatible: a person for he/she, an organisation for it; and not of the other
        gender where the article told one (Mr, Ms, "her husband", a "she" resolved before).
        """
        wanted = PRONOUN_KINDS.get(pronoun, "any")
        gender = PRONOUN_GENDERS.get(pronoun)
        before = paragraph - 1
        while before > 0 and self.quotes_only(before):
            before -= 1  # the middle of a multi-paragraph quotation does not count
        for para, pos, speaker in reversed(self.events):
            if para < before:
                break
            if pos < at and (wanted == "any" or speaker.kind == wanted) and not (
                    pronoun == "they" and speaker.kind in {"person", "source"}):
                known = self.cast.genders.get(speaker.name)
                if gender and known and known != gender:
                    continue
                if gender and speaker.kind == "person":
                    self.cast.genders.setdefault(speaker.name, gender)
                return speaker
        if gender is None:
            return None
        # No speaker or subject to refer to: the last person named, of a compatible gender,
        # in this paragraph or the few before it.
        for para, pos, end, name in reversed(self._named()):
            if para < paragraph - PRONOUN_PARAGRAPHS_BACK:
                break
            if pos < at and self.cast.genders.get(name, gender) == gender:
                self.cast.genders.setdefault(name, gender)
                return Speaker(name, "person", "", "pronoun", None, pos, end)
        return None

    def _named(self) -> list[tuple[int, int, int, str]]:
        """Every place a person of the cast is named in the narrative: (paragraph, start, end, name)."""
        if self._seen is None:
            self._seen = []
            for para, words in enumerate(self.paragraphs):
                k = 0
                while k < len(words):
                    j = k
                    while j < len(words) and is_name_word(words[j]):
                        j += 1
                    if j > k:
                        person = self.cast.person_named([w.text for w in words[k:j]])
                        if person:
                            self._seen.append((para, words[k].start, words[j - 1].end, person))
                    k = max(j, k + 1)
        return self._seen

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
                speaker = replace(speaker, step="colon")
            return speaker
        if best is None and _opening_participle(words, q):
            # `Describing the ruling as "a victory," the union filed a claim`: the subject of the
            # clause the participle hangs on.
            subject = self.subjects.get(id(frame))
            if subject:
                return replace(subject, cue=words[0].text, cue_at=words[0].start)
        if best is None and intro:
            # 2. `X: "..."` or a clause ending in a colon: its subject introduces the quotation.
            subject = self.subjects.get(id(frame))
            if subject:
                step = "pronoun" if subject.step == "pronoun" else "colon"
                return replace(subject, cue=":", step=step, cue_at=words[q - 1].start)
        return None

    def signed(self, frame: Frame, qi: int) -> Speaker | None:
        """A quotation signed after a dash: `"..." ― Carla Diaz` (the name alone, then the
        sentence or paragraph ends)."""
        words = frame.words
        q = next(k for k, w in enumerate(words) if w.quote == qi)
        if q + 2 >= len(words) or words[q + 1].text not in SIGNATURE_DASHES:
            return None
        k = q + 2
        while k < len(words) and is_name_word(words[k]):
            k += 1
        end = k == len(words) or words[k].text in {".", ","} or words[k].quote >= 0
        if not (1 <= k - q - 2 <= 4) or not end:
            return None
        found = self._speaker(list(words[q + 2 : k]), frame, words[q + 1].text, words[q + 1].start)
        return replace(found, step="colon") if found else None

    def named_in(self, frames: list[Frame]) -> Speaker | None:
        """The first person named as the subject of a verb cue in ``frames``, stopping at
        any other quotation (which would claim the cue for itself)."""
        for frame in frames:
            if any(w.quote >= 0 for w in frame.words):
                return None
            for cue in self.cues.get(id(frame), []):
                speaker = cue.speaker
                if not cue.source and speaker and speaker.kind == "person" and speaker.step == "same-sentence":
                    return speaker
        return None

    def words_between(self, paragraph: int, qa: int, qb: int) -> list[Word]:
        words = self.paragraphs[paragraph]
        a = next(k for k, w in enumerate(words) if w.quote == qa)
        b = next(k for k, w in enumerate(words) if w.quote == qb)
        return [w for w in words[a + 1 : b] if w.text not in {",", "."}]

    def quote_only(self, paragraph: int, qi: int) -> bool:
        """Whether the paragraph holds quotation ``qi`` and nothing but quotation(s) and punctuation."""
        return any(w.quote == qi for w in self.paragraphs[paragraph]) and self.quotes_only(paragraph)

    def quotes_only(self, paragraph: int) -> bool:
        """Whether the paragraph holds quotation(s) and nothing else but punctuation."""
        words = self.paragraphs[paragraph]
        return any(w.quote >= 0 for w in words) and all(
            w.quote >= 0 or not any(c.isalnum() for c in w.text) for w in words)

    def cued_before(self, paragraph: int, at: int) -> Speaker | None:
        """The speaker of the last cue before ``at`` in the paragraph: `Schiff said. "..."`."""
        found = [(pos, s) for para, pos, s in self.cue_speakers if para == paragraph and pos < at]
        return max(found, key=lambda f: f[0])[1] if found else None

    def last_speaker(self, paragraph: int) -> Speaker | None:
        for para, _, speaker in reversed(self.events):
            if para == paragraph:
                return speaker
            if para < paragraph:
                return None
        return None


def _respelled(name: str, written: list[str]) -> str:
    """A cast name spelled as the text writes it here: "Sean O’Hara" where it says "O'Hara"."""
    out = []
    for word in name.split():
        same = next((w for w in written if w != word and w.replace("’", "'") == word.replace("’", "'")), None)
        out.append(same or word)
    return " ".join(out)


def _is_adverb(word: Word) -> bool:
    """A manner adverb between a subject and its verb: "X clearly says", "Y flatly denied"."""
    return word.quote < 0 and word.text.islower() and len(word.text) > 4 and word.text.endswith("ly")


def _clause_opening_name(words: tuple[Word, ...], j: int) -> tuple[int, list[Word]] | None:
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


def _org_words(content: list[Word], run: list[Word]) -> list[Word]:
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


def _indefinite_left(words: tuple[Word, ...], j: int) -> int | None:
    """Where a description ending in a plain noun at ``j`` begins with an indefinite:
    "one campaign source", "another longtime aide" (None if it does not)."""
    if not (words[j].text.isalpha() and words[j].text.islower()) or words[j].lower in RELATIVE_PRONOUNS \
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


def _weak_cue_after_quote(words: tuple[Word, ...], i: int) -> bool:
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


def _opening_participle(words: tuple[Word, ...], q: int) -> bool:
    """Whether the sentence opens with a reporting participle ("Describing", "Calling")
    whose clause holds the quotation at ``q``."""
    first = words[0]
    if not (first.capitalised and first.lower.endswith("ing") and first.lower in _CUE_VERBS):
        return False
    return all(w.text != "," for w in words[1:q])


def _span(speaker: Speaker) -> tuple[int, int] | None:
    """Where a resolved speaker was named (None for a headline, which has no body offsets)."""
    return (speaker.at, speaker.end) if speaker.at >= 0 and speaker.end > speaker.at else None


def _looks_common(frame: Frame, word: Word) -> bool:
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


def _described_org(np: list[Word]) -> str | None:
    """An unnamed organisation with a describing word: "the finance ministry" -> "finance
    ministry" (the kind alone, "the ministry", names nothing)."""
    k = len(np) - 1
    while k > 0 and np[k - 1].text.isalpha() and np[k - 1].lower not in DETERMINERS:
        k -= 1  # "the finance ministry", "the Marsh campaign"
    words = [w.text for w in np[k:]]
    return " ".join(words) if len(words) >= 2 else None


def _recued(source: Speaker | None, word: Word) -> Speaker | None:
    if source is None:
        return None
    return replace(source, cue=word.text, cue_at=word.start)
