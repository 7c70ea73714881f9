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
    Cast,
    is_name_at,
    is_name_word,
    is_role_word,
    POSSESSIVES,
    Word,
)
from builder.extract.phrases import (
    clause_opening_name,
    CLAUSE_WORDS,
    Frame,
    indefinite_left,
    is_adverb,
    is_np_word,
    modifies_role,
    NON_NAME_ENTS,
    opening_participle,
    recued,
    RELATIVE_PRONOUNS,
    SIGNATURE_DASHES,
    span,
    Speaker,
    weak_cue_after_quote,
)
from builder.extract.noun_phrases import before_open_apposition, described_right, np_right
from builder.extract.resolve import Resolver
from builder.extract.speaker_names import unify_speakers  # noqa: F401  (re-exported for the pipeline)
from builder.patterns.cues import (
    DOCUMENT_NOUNS,
    NOT_CUE_FOLLOWERS,
    NOT_CUES_PASSIVE,
    PHRASAL_BEFORE_REPORT,
    PHRASAL_CUES,
    REPORTED_OPENERS,
    REPORTING_LEMMAS,
    VOICE_NOUNS,
)
from builder.patterns.quotes import (
    AFFILIATION_WORDS,
    PLACE_PREPOSITIONS,
    AUXILIARIES as _AUX,
    CUE_VERBS as _CUE_VERBS,
    DETERMINERS,
    GROUP_NOUNS,
    INDEFINITES,
    INVERTING_CUES as _INVERTING,
    ORG_REFERENCES as _ORG_REFS,
    PREPOSITIONS as _PREPOSITIONS,
    PROGRESSIVE_AUXILIARIES,
    PRONOUN_GENDERS,
    ROLE_HEADS,
    SOURCE_QUALIFIERS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    UNNAMED_SOURCES,
)


# Words inside the name of a body: "Center for Fiscal Studies", "Institute for Science and Security".
_NAME_JOINS = frozenset({"for", "on", "of", "and", "&"})
# Past participles whose "by" names the author: "the song was written by X".
_WRITTEN = frozenset({"written", "penned", "authored", "signed", "posted", "tweeted", "issued", "released", "sent"})


def _embedded(words: tuple[Word, ...], k: int) -> bool:
    """Whether the quotation at ``k`` stands inside a phrase, between two plain words."""
    return 0 < k < len(words) - 1 and all(w.quote < 0 and w.text[:1].isalnum() for w in (words[k - 1], words[k + 1]))


def _after_quote_name(words: tuple[Word, ...], k: int) -> bool:
    """Whether ``words[k]`` is one capitalised word (no pronoun) standing right after a
    quotation (and its comma): `"...," Will wrote`."""
    if k < 1 or words[k].quote >= 0 or not words[k].text.isalpha() or not words[k].text[:1].isupper():
        return False
    if words[k].lower in SUBJECT_PRONOUNS or words[k].text.isupper():
        return False
    return words[k - 1].quote >= 0 or (k >= 2 and words[k - 1].text == "," and words[k - 2].quote >= 0)


# Words opening a subordinate clause whose cue reports that clause's speaker ("as" is not one:
# "as Ann Cole said, the plan is "dead"" gives the main clause its source; "whether" opens no
# reporting clause).
_SUBORDINATORS = SUBORDINATORS - {"as", "whether"} | {"whereas"}
_CLAUSE_ENDS = frozenset({",", ";", ":"})


def _subordinate(words: tuple[Word, ...], cue: "_Cue", q: int, comma_quotes: frozenset[int]) -> bool:
    """Whether ``cue`` stands in a subordinate clause that a comma or another quotation parts
    from the quotation at ``q``: `footage of Ann Cole saying, "...," when Paul Roe blasted her`
    ("blasted" is Roe's, the quotation Cole's); not `as Roe noted, "..."` nor `when Roe said "..."`,
    nor `X said Roe "would quit" if Cole asked` (no comma)."""
    k = cue.lo - 1
    while k >= 0 and words[k].quote < 0 and words[k].text not in _CLAUSE_ENDS and words[k].lower not in _SUBORDINATORS:
        k -= 1
    if k < 0 or words[k].lower not in _SUBORDINATORS:
        return False
    if q < k:
        return words[q].quote in comma_quotes or any(w.text in _CLAUSE_ENDS or w.quote >= 0 for w in words[q + 1 : k])
    end = cue.hi + 1
    while end < len(words) and words[end].quote < 0 and words[end].text not in _CLAUSE_ENDS:
        end += 1
    return end < q and not (words[end].text == "," and end + 1 == q)


def _voice_before(words: tuple[Word, ...], j: int) -> int | None:
    """Where "a narrator in the Cole ad" starts, the document noun at ``j``: a voice noun,
    "in" or "of", then a determiner and capitalised words only."""
    k = j - 1
    while k >= 0 and words[k].quote < 0 and (words[k].capitalised or words[k].lower in DETERMINERS) and j - k < 6:
        k -= 1
    if k < 1 or words[k].lower not in {"in", "of"} or words[k - 1].lower not in VOICE_NOUNS:
        return None
    return k - 2 if k >= 2 and words[k - 2].lower in DETERMINERS | {"a", "an"} else k - 1


@dataclass(frozen=True, slots=True)
class _Cue:
    index: int  # of the cue word in its frame
    lo: int  # the cue and its subject span frame.words[lo:hi + 1]
    hi: int
    text: str
    source: bool  # "according to X", "per X": weaker than a verb cue
    speaker: Speaker | None


class SpeakerFinder(Resolver):
    """Reads cues and their subjects sentence by sentence, keeping the speakers seen so far."""

    def __init__(self, cast: Cast, paragraphs: list[list[Word]], comma_quotes: frozenset[int] = frozenset()) -> None:
        self.cast = cast
        self.paragraphs = paragraphs
        self.comma_quotes = comma_quotes  # quotations ending in a comma inside their marks
        self.events: list[tuple[int, int, Speaker]] = []  # (paragraph, position, speaker)
        self.cues: dict[int, list[_Cue]] = {}  # by id(frame)
        self.subjects: dict[int, Speaker | None] = {}
        self.mentioned: dict[str, int] = {}  # how often each untitled person was a speaker so far
        self.sources: list[str] = []  # unnamed sources described so far ("a person familiar with ...")
        self._seen: list[tuple[int, int, int, str]] | None = None  # places where people are named
        self._lower: frozenset[str] | None = None  # words the article writes in lower case
        self.cue_speakers: list[tuple[int, int, Speaker]] = []  # (paragraph, position, speaker) of every cue

    # -- reading ------------------------------------------------------------------
    def read(self, frames: list[Frame]) -> None:
        """Find every cue and clause subject, in reading order (pronouns need what came before)."""
        for frame in frames:
            subject = self._clause_subject(frame)
            self.subjects[id(frame)] = subject
            if subject:
                self._remember(frame.paragraph, subject)
                self._learn_gender(frame, subject)
            cues: list[_Cue] = []
            for i, word in enumerate(frame.words):
                cue = self._cue(frame, i, cues, subject)
                if cue:
                    cues.append(cue)
                    if cue.speaker:
                        self._remember(frame.paragraph, cue.speaker)
                        self.cue_speakers.append((frame.paragraph, cue.speaker.at, cue.speaker))
            self.cues[id(frame)] = cues

    def _learn_gender(self, frame: Frame, subject: Speaker) -> None:
        """`Ann Cole defended her plan`: a person subject and only her/his in the narrative of
        the sentence, no other person named there, tells the subject's gender."""
        if subject.kind != "person" or subject.name in self.cast.genders:
            return
        narrative = [w for w in frame.words if w.quote < 0]
        if any(w.ent == "PERSON" and not subject.at <= w.start < max(subject.end, subject.at + 1) for w in narrative):
            return
        told = {PRONOUN_GENDERS[w.lower] for w in narrative if w.lower in PRONOUN_GENDERS and w.start > subject.at}
        if len(told) == 1:
            self.cast.genders[subject.name] = told.pop()

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
            np = np_right(words, start)
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
        if phrasal and (low, nxt.lower) in PHRASAL_BEFORE_REPORT and i + 2 < len(words) and words[i + 2].quote < 0 \
                and words[i + 2].text[:1].isalnum() and words[i + 2].lower not in _PREPOSITIONS | {"saying"}:
            return None  # "once the Senate goes on recess" (but "went on about", "went on to say")
        if low in NOT_CUES_PASSIVE and prev in PROGRESSIVE_AUXILIARIES | {"be", "being"}:
            return None  # "a Marine was found guilty of ..."
        if (low not in _CUE_VERBS and not phrasal and not weak_cue_after_quote(words, i)) \
                or prev in DETERMINERS or prev in POSSESSIVES or prev == "to":
            return None
        if nxt is not None and (low, nxt.lower) in NOT_CUE_FOLLOWERS:
            return None  # "will continue to", "agreed with"
        if word.capitalised and i > 0 and words[i - 1].capitalised:
            return None  # part of a name: "the United States", "Says Inc."
        by_saying = i + 2 < len(words) and words[i + 2].lower.endswith("ing")  # "continued by saying"
        if nxt is not None and nxt.lower == "by" and not by_saying:
            # Passive: "when asked by reporters" has no speaker here; "... was written by X": X.
            np = np_right(words, i + 2) if low.endswith(("ed", "en")) and low in _WRITTEN else []
            return _Cue(i, i, i + 1 + len(np), word.text, False,
                        self._speaker(np, frame, word.text, word.start)) if np else None
        inverting = low in _INVERTING or (low in _CUE_VERBS and not low.endswith("ing"))
        if i == 0 and word.capitalised and inverting:
            # `Continued Stone: "..."`: a cue opening the sentence, its speaker after it.
            np = np_right(words, 1)
            if np and 1 + len(np) < len(words) and words[1 + len(np)].text in {":", ","}:
                return _Cue(i, i, len(np), word.text, False, self._speaker(np, frame, word.text, word.start))
        if i == 0 or (low.startswith("ask") and prev in {"when", "if", ","}):
            return None
        # Participles hang on their clause: `X told the Post, adding that ...`.
        if low.endswith("ing") and prev not in PROGRESSIVE_AUXILIARIES:
            # "with X reportedly yelling": X; else the speaker of a verb cue just before it ("The two
            # will meet, Ortiz said, adding ...": Ortiz, not the subject of what she reported); else
            # the clause's subject, else the speaker of any cue before it.
            source = self._with_subject(words, i, frame) or self._cue_before(words, i, before) or subject or next(
                (c.speaker for c in reversed(before) if c.speaker), None)
            return _Cue(i, i, i, word.text, False, recued(source, word)) if source else None
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
            if speaker is None and lo == i - 1 and _after_quote_name(words, lo):
                speaker = self._full_name_ending(np[0], word)  # `Lena From ... "...," From said`
            joint = self._joint(words, lo, frame, speaker, word)
            if joint:
                return _Cue(i, joint[0], i, word.text, False, joint[1])
            return _Cue(i, lo, i, word.text, False, speaker)
        # Inverted after a quotation: `"...," said X`.
        after_quote = i > 0 and (words[i - 1].quote >= 0 or (prev == "," and i > 1 and words[i - 2].quote >= 0))
        # `Couple exposure with a "lightning rod" and residents get nervous, said Ann Cole`:
        # a plain said after a comma ends a clause of a sentence that holds a quotation
        # (`The pastor left early, said Omar Haddad, noting he "was not a regular"`).
        after_clause = prev == "," and low in _INVERTING and any(w.quote >= 0 for w in words if w is not word)
        if inverting and (after_quote or after_clause):
            np = np_right(words, i + 1)
            described = described_right(words, i + 1)
            if described and (not np or not any(w.capitalised for w in np[1:] if w.lower not in DETERMINERS)):
                np = described  # "said retired surgeon Ada Mercer", "said a spokeswoman for the group, Jo Roe"
            if np:
                return _Cue(i, i, i + len(np), word.text, False, self._speaker(np, frame, word.text, word.start))
        if prev in {"and", "but", "then", "also"}:
            source = before[-1].speaker if before else subject
            return _Cue(i, i, i, word.text, False, recued(source, word)) if source else None
        return None

    def _joint(self, words: tuple[Word, ...], lo: int, frame: Frame, second: Speaker | None,
               cue: Word) -> tuple[int, Speaker] | None:
        """Joint speakers: `Governor Ann Lee and Treasurer Paul Roe said`: both, as a group."""
        if second is None or second.kind != "person" or lo < 2 or words[lo - 1].lower != "and":
            return None
        k = lo - 2
        while k >= 0 and is_np_word(words, k):
            k -= 1
        if k >= 0 and words[k].lower in (DETERMINERS | INDEFINITES) - {"that", "this"}:
            k -= 1
        np = list(words[k + 1 : lo - 1])
        first = self._speaker(np, frame, cue.text, cue.start) if np else None
        if first is None or first.kind != "person" or first.name == second.name:
            return None
        return k + 1, Speaker(f"{first.name} and {second.name}", "group", cue.text, "same-sentence", cue.start,
                              first.at, second.end)

    def _full_name_ending(self, surname: Word, cue: Word) -> Speaker | None:
        """The person whose full name, written elsewhere in the article, ends in ``surname``
        (a word the name rules pass over: "From", "Will"): `Lena From ... "...," From said`."""
        for paragraph in self.paragraphs:
            for k in range(1, len(paragraph)):
                first = paragraph[k - 1]
                if paragraph[k].text == surname.text and paragraph[k].start != surname.start \
                        and is_name_word(first) and first.text.isalpha() \
                        and first.lower not in DETERMINERS | CLAUSE_WORDS | _PREPOSITIONS:
                    return Speaker(f"{first.text} {surname.text}", "person", cue.text, "same-sentence", cue.start,
                                   surname.start, surname.end)
        return None

    @staticmethod
    def _cue_before(words: tuple[Word, ...], i: int, before: list[_Cue]) -> Speaker | None:
        """The speaker of the verb cue that ends the clause before the participle at ``i``:
        "..., Ortiz said, adding", "..., said Omar Haddad, noting" (only a comma between)."""
        if not before or i < 1 or words[i - 1].text != ",":
            return None
        cue = before[-1]
        return cue.speaker if not cue.source and cue.hi == i - 2 else None

    def _with_subject(self, words: tuple[Word, ...], i: int, frame: Frame) -> Speaker | None:
        """The subject of an absolute participle or one after a preposition: "with Ann Cole
        reportedly shouting", "footage of Ann Cole saying"."""
        k = i - 1
        while k >= 0 and is_adverb(words[k]):
            k -= 1
        end = k
        while k >= 0 and (is_name_at(words, k) or is_np_word(words, k)):
            k -= 1  # "footage of Mayor Ann Cole saying", "with the city's mayor saying"
        if k >= 1 and words[k].lower in DETERMINERS and end > k:
            k -= 1
        if end > k and k >= 0 and words[k].lower in {"with", "of", "from", "showing", "shows"}:
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
        if _after_quote_name(words, i - 1):
            # `"...," Will wrote`, `"...," From said`, `"...," May said`: a capitalised word alone
            # between a quotation's comma and the cue names the speaker, whatever else it could be.
            return i - 1, [words[i - 1]]
        j = i - 1
        while j >= 0 and (words[j].lower in _AUX or words[j].ent in NON_NAME_ENTS or is_adverb(words[j])):
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
        if words[j].lower in DOCUMENT_NOUNS and (voice := _voice_before(words, j)) is not None:
            return voice, list(words[voice : j + 1])  # "a narrator in the Cole ad asks"
        if words[j].text == ",":
            # "Jean Roe, the mayor of Leeds, a city of ..., said": the name opening the clause,
            # however long its appositions.
            named = clause_opening_name(words, j)
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
            while k >= 0 and words[k].text != "," and (words[k].quote < 0 or _embedded(words, k)) and j - k < 25:
                k -= 1  # an apposition may hold a short quotation: `Ann Cole, wearing "Vote Cole" pins, said`
            if k < 0 or words[k].text != ",":
                return None
            segment = list(words[k + 1 : j])
            if segment and 1 <= len(segment) <= 4 and all(is_name_word(w) for w in segment):
                # "..., in Columbus, Ohio, called": the second part of a place, not a speaker;
                # the parse finds the clause's subject.
                p = k - 1
                while p >= 0 and is_name_word(words[p]):
                    p -= 1
                if p < k - 1 and p >= 0 and words[p].lower in PLACE_PREPOSITIONS:
                    return None
                return k + 1, segment
            j = k - 1
        if j < 0:
            return None
        k = j
        while k >= 0 and (is_np_word(words, k) or modifies_role(words, k, _ORG_REFS)):
            k -= 1
        if k == j and words[j].lower in SUBJECT_PRONOUNS:
            return j, [words[j]]
        if k == j and (described := indefinite_left(words, j)) is not None:
            return described, list(words[described : j + 1])  # "one campaign source said"
        if k >= 0 and words[k].lower in (DETERMINERS | INDEFINITES) - {"that", "this"}:
            k -= 1
        np = list(words[k + 1 : j + 1])
        if not np or all(w.lower in DETERMINERS for w in np):
            # "Ivy Tran, the pollster who founded pollwatch.org tweeted": no noun phrase before
            # the cue, but a name before an apposition that lost its closing comma.
            return before_open_apposition(words, k, j) if k >= 1 and words[k].text != "," else None
        if k >= 1 and words[k].text != "," and (named := before_open_apposition(words, k, j)):
            return named
        # "a spokesman for the ministry said": the role, speaking for the organisation.
        if k >= 1 and words[k].lower in {"for", "of", "at"} and words[k - 1].lower in ROLE_HEADS:
            m = k - 1
            while m >= 0 and is_np_word(words, m):
                m -= 1
            if m >= 0 and words[m].lower in DETERMINERS:
                m -= 1
            return m + 1, list(words[m + 1 : j + 1])
        if k >= 2 and words[k].lower in _NAME_JOINS and np[0].capitalised:
            # "Paul Ward of the Center for Fiscal Studies wrote", "... of the Institute for Science
            # and Security": a body whose name holds a preposition or "and", after "of the"; the
            # person before it speaks.
            m = k
            while m >= 1 and words[m].lower in _NAME_JOINS and is_name_word(words[m - 1]):
                m -= 1
                while m >= 0 and is_name_word(words[m]):
                    m -= 1
            if m < k - 1 and m >= 1 and words[m].lower == "the" and words[m - 1].lower in AFFILIATION_WORDS:
                p = m - 2
                while p >= 0 and is_np_word(words, p):
                    p -= 1
                left = list(words[p + 1 : m - 1])
                if left and is_name_word(left[-1]):
                    return p + 1, left
        if k >= 2 and words[k].text == "," and np[-1].ent in {"GPE", "LOC"}:
            # "Stacy Barnes of Columbia, South Carolina says": the state of the town the person
            # comes from; the person stands before the town.
            p = k - 1
            while p >= 0 and is_name_word(words[p]):
                p -= 1
            if 0 < p < k - 1 and words[p].lower in PLACE_PREPOSITIONS:
                m = p - 1
                while m >= 0 and is_np_word(words, m):
                    m -= 1
                left = list(words[m + 1 : p])
                if left and is_name_word(left[-1]):
                    return m + 1, left
        # "Union officials in Finland said", "Jane Doe of the University of Leeds said": the
        # noun phrase after a preposition is its object; the subject stands before it.
        if k >= 1 and words[k].lower in AFFILIATION_WORDS | {"in"}:
            m = k - 1
            while m >= 0 and (is_np_word(words, m) or words[m].lower in GROUP_NOUNS):
                m -= 1
            left = list(words[m + 1 : k])
            if left and (words[k].lower == "in" or is_name_word(left[-1])):
                return m + 1, left
        return k + 1, np

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
        np = np_right(words, i, strict=False)
        if not np:
            return None
        first = self._speaker(np, frame, "", None)
        return self._joint_right(words, i + len(np), frame, first) or first

    def _joint_right(self, words: tuple[Word, ...], e: int, frame: Frame, first: Speaker | None) -> Speaker | None:
        """A subject joined by "and" to a second name before its verb: `Governor Ann Lee and
        Treasurer Paul Roe issued a statement calling it "..."`: both, as a group (not `Ann Lee
        and Paul Roe's staff met`, not `Ann Lee and Roe, who ...`)."""
        if first is None or first.kind not in {"person", "org"} or e + 1 >= len(words) or words[e].lower != "and":
            return None
        second_np = np_right(words, e + 1, strict=False)
        f = e + 1 + len(second_np)
        if not second_np or f >= len(words) or second_np[-1].lower.endswith(("'s", "’s")):
            return None
        follower = words[f]
        if follower.quote >= 0 or not follower.text.isalpha() or not follower.text.islower() \
                or follower.lower in {"and", "or", "of", "for"} | POSSESSIVES:
            return None  # the second phrase runs on ("Ann Lee and Roe, who ...", "... and Roe's")
        second = self._speaker(second_np, frame, "", None)
        if second is None or second.kind not in {"person", "org"} or second.name in first.name \
                or first.name in second.name:
            return None
        return Speaker(f"{first.name} and {second.name}", "group", "", "same-sentence", None, first.at, second.end)

    # -- answering ------------------------------------------------------------------
    def for_quote(self, frame: Frame, qi: int) -> Speaker | None:
        """Steps 1-3 of the attribution chain for one quotation of ``frame``."""
        words = frame.words
        q = next(k for k, w in enumerate(words) if w.quote == qi)
        cues = self.cues.get(id(frame), [])
        best: _Cue | None = None
        best_key: tuple[int, int, int, int] | None = None
        ends_comma = False
        for cue in cues:
            if cue.lo <= q <= cue.hi:
                continue
            distance = q - cue.hi if cue.hi < q else cue.lo - q
            prefer = 0 if (cue.hi < q) == (not ends_comma) else 1
            key = (int(_subordinate(words, cue, q, self.comma_quotes)), int(cue.source), distance, prefer)
            if best_key is None or key < best_key:
                best, best_key = cue, key
        intro = q > 0 and words[q - 1].text in {":", "—", "–", "--"}
        if best is not None and best.speaker is not None:
            speaker = best.speaker
            if intro and best.hi < q and speaker.step != "pronoun":
                speaker = replace(speaker, step="colon")
            return speaker
        if best is None and opening_participle(words, q):
            # `Describing the ruling as "a victory," the union filed a claim`: the subject of the
            # clause the participle hangs on.
            subject = self.subjects.get(id(frame))
            if subject:
                return replace(subject, cue=words[0].text, cue_at=words[0].start)
        if (best is None or best.speaker is None) and intro and words[q - 1].text == ":":
            # 2. `HEADLINE WORDS - Ann Cole: "..."`, `More from Ann Cole: "..."`, `The result did not
            # surprise pollster Ann Cole: "..."`: the name before the colon.
            subject = self.subjects.get(id(frame))
            named = self._named_before_colon(frame, q - 1, anywhere=subject is None or subject.kind != "person")
            if named:
                return named
        if best is None and intro:
            # 2. `X: "..."` or a clause ending in a colon: its subject introduces the quotation.
            subject = self.subjects.get(id(frame))
            if subject:
                step = "pronoun" if subject.step == "pronoun" else "colon"
                return replace(subject, cue=":", step=step, cue_at=words[q - 1].start)
        return None

    def _named_before_colon(self, frame: Frame, c: int, anywhere: bool = False) -> Speaker | None:
        """A name right before the colon at ``c``: after a dash or "from" (a label introducing a
        quotation in a digest), or, ``anywhere``, a full name after its title words."""
        words = frame.words
        k = c - 1
        while k >= 0 and is_name_at(words, k):
            k -= 1
        run = list(words[k + 1 : c])
        joined: list[Word] = []
        if run and k >= 1 and words[k].lower == "and":
            # `More from Whitlow and Haddad: "..."`: two names under one label.
            m = k - 1
            while m >= 0 and is_name_at(words, m):
                m -= 1
            if 1 <= k - 1 - m <= 4 and m >= 0 and (words[m].text in SIGNATURE_DASHES or words[m].lower == "from"):
                joined, k = list(words[m + 1 : k]), m
        labelled = k < 0 or words[k].text in SIGNATURE_DASHES or words[k].lower == "from"
        if not 1 <= len(run) <= 4 or not (labelled or (anywhere and len(run) >= 2 and run[-1].ent == "PERSON")):
            return None
        found = self._speaker(run, frame, ":", words[c].start)
        if found is None or found.kind not in {"person", "org"} or (len(run) == 1 and k < 0):
            return None
        first = self._speaker(joined, frame, ":", words[c].start) if joined else None
        if first is not None and first.kind in {"person", "org"} and first.name != found.name:
            return Speaker(f"{first.name} and {found.name}", "group", ":", "colon", words[c].start, first.at, found.end)
        return replace(found, step="colon")

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

    @staticmethod
    def reports_clause(frame: Frame, cue_at: int) -> bool:
        """Whether the cue at ``cue_at`` is followed by what it reports: a clause ("said he
        backs", "said that", "added the plan"), a quotation (also after a comma: `added, "..."`)
        or a colon -- not by the end of its sentence or an adjunct ("said.", "said on Monday")."""
        k = next((n for n, w in enumerate(frame.words) if w.start == cue_at), None)
        if k is None or k + 1 >= len(frame.words):
            return False
        nxt = frame.words[k + 1]
        quoted_after_comma = nxt.text == "," and k + 2 < len(frame.words) and frame.words[k + 2].quote >= 0
        return nxt.quote >= 0 or nxt.text == ":" or quoted_after_comma or nxt.lower in REPORTED_OPENERS or (
            nxt.capitalised and nxt.ent not in NON_NAME_ENTS)

    def words_between(self, paragraph: int, qa: int, qb: int) -> list[Word]:
        """The words between quotations ``qa`` and ``qb`` of ``paragraph``; none where either
        quotation has no word of its own there (an empty quotation: '“Maria Lopez““0')."""
        words = self.paragraphs[paragraph]
        a = next((k for k, w in enumerate(words) if w.quote == qa), None)
        b = next((k for k, w in enumerate(words) if w.quote == qb), None)
        if a is None or b is None:  # a quotation without a word of its own: no gap to join over
            return list(words)
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

    def subject_before(self, paragraph: int, at: int) -> Speaker | None:
        """The last person or organisation named as a subject before ``at`` in the paragraph."""
        found = [(pos, s) for para, pos, s in self.events if para == paragraph and pos < at
                 and s.kind in {"person", "org", "group"}]
        return max(found, key=lambda f: f[0])[1] if found else None

    def last_speaker(self, paragraph: int) -> Speaker | None:
        for para, _, speaker in reversed(self.events):
            if para == paragraph:
                return speaker
            if para < paragraph:
                return None
        return None
