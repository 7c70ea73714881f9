"""Resolving the words that name a speaker: a name, a role, an organisation, a document,
a description, a pronoun, against the article's cast (``builder.extract.cast``).

:class:`Resolver` is the half of :class:`builder.extract.speakers.SpeakerFinder` that
turns a noun phrase into a :class:`Speaker`; the other half reads the cues.
"""

from __future__ import annotations

from dataclasses import replace

from builder.extract.cast import (
    affiliation,
    affiliation_cut,
    is_first_name,
    is_name_at,
    is_name_word,
    POSSESSIVES,
    spelled,
    strip_titles,
    without_suffixes,
    Word,
)
from builder.extract.phrases import (
    described_org,
    Frame,
    looks_common,
    org_words,
    PRONOUN_PARAGRAPHS_BACK,
    respelled,
    span,
    Speaker,
)
from builder.patterns.cues import DOCUMENT_NOUNS, ISSUER_PREPOSITIONS, ISSUING_PARTICIPLES, PUBLISHING_PLACES, VOICE_NOUNS
from builder.patterns.quotes import (
    CANDIDACY_ROLES,
    DETERMINERS,
    FAMILY_NOUNS,
    FEMALE_WORDS,
    GROUP_NOUNS,
    INDEFINITES,
    KIN_NOUNS,
    MALE_WORDS,
    MEDIA_WORDS,
    NAME_PARTICLES,
    NAME_TITLES,
    ORG_HEADS,
    ORG_REFERENCES as _ORG_REFS,
    PREPOSITIONS,
    PRONOUN_GENDERS,
    PRONOUNS as PRONOUN_KINDS,
    ROLE_HEADS,
    SPOKES_ROLES,
    STATEMENT_NOUNS as _STATEMENTS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    UNNAMED_SOURCES,
)


class Resolver:
    """Names, roles, organisations, documents, descriptions and pronouns to speakers.

    Expects ``cast``, ``paragraphs``, ``events``, ``subjects``, ``mentioned``, ``sources``,
    ``_seen`` and ``_lower`` on the instance (set by ``SpeakerFinder``).
    """

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
                           found.antecedent or span(found)) if found else None
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
        if low in DOCUMENT_NOUNS and low not in _STATEMENTS and not (
                len(content) == 1 and last.capitalised and not self._opens_sentence(frame, last)):
            # (a document noun capitalised alone in mid-sentence is a name: "Cole's husband, Bill,")
            # "the 31-page lawsuit says", "the IMF report stated": the document speaks, named
            # with its issuer where the phrase gives one.
            issuer = [w for w in content[:-1] if w.capitalised] or self._issuer_after(np, frame)
            name = " ".join([*(w.text for w in issuer), last.text.lower()]) if issuer else last.text.lower()
            return Speaker(name, "document", cue, step, cue_at, at)
        if low in VOICE_NOUNS and (document := self._voiced(np, frame)):
            # "a narrator in the Cole ad asks", "the ad's narrator says": the ad speaks.
            return Speaker(document, "document", cue, step, cue_at, at)
        if low in _STATEMENTS and (author := self._statement_author(np, frame)) is not None:
            return replace(author, cue=cue, cue_at=cue_at)  # "said the statement from her lawyer, Jo Lee"
        if low in _STATEMENTS:
            names = [w.text for w in content[:-1] if w.capitalised]
            if names:
                return Speaker(self.cast.org_named(names), "org", cue, step, cue_at, at)
            # "the statement said": whoever spoke or acted just before (the one who issued it).
            issuer = self.pronoun("statement", frame.paragraph, at) if np[0].lower == "the" else None
            return Speaker(issuer.name, issuer.kind, cue, "pronoun", cue_at, at, np[-1].end,
                           issuer.antecedent or span(issuer)) if issuer else None
        run: list[Word] = []
        for k in range(len(content) - 1, -1, -1):
            w = content[k]
            in_frame = is_name_at(frame.words, frame.words.index(w)) if len(content) == 1 and w in frame.words else False
            in_frame = in_frame or (len(content) == 1 and self._titled_surname(w))
            if not (is_name_at(content, k) or in_frame) and not (run and w.lower in NAME_PARTICLES):
                break
            run.insert(0, w)
        if run and len(run) == 1 and not run[0].ent and self._opens_sentence(frame, run[0]) \
                and (looks_common(frame, run[0]) or run[0].lower in self._common_words()) \
                and not self.cast.person_named([run[0].text]):
            run = []  # a capitalised sentence opener ("Lately", "Delegates"), not a name
            if len(content) == 1:
                return None
        if run:
            tokens = [w.text for w in run]
            person = self.cast.person_named(tokens) or self._person_named_after_epithet(tokens)
            if person:
                person = respelled(person, tokens)
            if person:
                self.cast.note_gender(person, {w.lower for w in np})
            org_like = any(w.lower in ORG_HEADS or w.lower in MEDIA_WORDS for w in run) or (
                determiner and np[0].lower == "the")
            if person and not org_like:
                return Speaker(person, "person", cue, step, cue_at, at)
            given_name = len(run) == 1 and is_first_name(run[0].text)
            if org_like or (last.ent in {"ORG", "GPE", "NORP", "FAC", "LOC"} and not given_name):
                # (a common first name alone is a person whatever the tagger says: "Nadia said")
                return Speaker(self.cast.org_named(spelled(org_words(np, run))), "org", cue, step, cue_at, at)
            name = " ".join(strip_titles(tokens))
            if name:
                self.cast.note_gender(name, {w.lower for w in np})  # "Nadia said", "Mrs. Ode said"
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
        if (low in KIN_NOUNS or low in FAMILY_NOUNS) and (owner := self._named_owner(np)):
            # "Okafor's widow said", "Ann Okafor's family said": the relative, or the family, as
            # written; a relative named in apposition is that person ("Okafor's son, Tom, said").
            kind = "group" if low in FAMILY_NOUNS else "person"
            gender = "m" if low in MALE_WORDS else "f" if low in FEMALE_WORDS else None  # (not the owner's)
            named = self._apposed_name(np, frame)
            found = self._speaker(named, frame, cue, cue_at) if named is not None else None
            if found is not None and found.kind == "org":
                found = replace(found, kind="person")  # a relative is a person, whatever the tagger says
            if found is None:
                found = Speaker(" ".join(spelled([*owner, *np[len(owner):]])), kind, cue, step, cue_at, at)
            if gender and found.kind == "person":
                self.cast.genders.setdefault(found.name, gender)
            return found
        if words & ROLE_HEADS:
            person = self.cast.person_with_role(words, at)
            described = np[0].lower == "the" and any(w.capitalised for w in np[1:] if w.lower in affiliation(words)) \
                and not words & ROLE_HEADS <= CANDIDACY_ROLES
            if person is None and np[0].lower == "the" and not described:
                person = self._untitled_subject_before(frame.paragraph, at) or self._salient_untitled()
            if person:
                return Speaker(person, "person", cue, step, cue_at, at)
            if described and not words & SPOKES_ROLES:
                # "the Ohio senator" whom the article never named with that role: as written.
                return Speaker(" ".join(w.text for w in np[1:]), "person", cue, step, cue_at, at)
            owned = any(w.lower in POSSESSIVES for w in np[1:-1]) and np[0].capitalised
            if owned and not words & SPOKES_ROLES:
                # "Reyes's former campaign strategist" whom the article never named: as written.
                return Speaker(" ".join(spelled(np)), "person", cue, step, cue_at, at)
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
            org = self._org_of_kind(low, frame.paragraph, at) or described_org(np)
            return Speaker(org, "org", cue, step, cue_at, at) if org else None
        if np[0].lower == "the" and any(w.capitalised for w in np[1:-1]) and last.text.islower():
            # "the DNC member said": an unnamed person the text describes by a named body.
            return Speaker(self._as_written(np, frame), "source", cue, step, cue_at, at)
        return None

    def _voiced(self, np: list[Word], frame: Frame) -> str | None:
        """The document a narrator speaks in, with its issuer where the text names one: "Cole
        ad" for "a narrator in the Cole ad", and for "the ad's narrator" after it; else "ad"."""
        owned = [w for w in np[:-1] if w.lower in DOCUMENT_NOUNS]
        if owned:
            return self._described_before(owned[-1].lower, frame.paragraph, np[0].start) or owned[-1].lower
        words = frame.words
        k = _after(np, frame)
        if k >= len(words) or words[k].lower not in {"in", "of", "for"}:
            return None
        k += 1
        if k < len(words) and words[k].lower in DETERMINERS | INDEFINITES:
            k += 1
        issuer: list[str] = []
        while k < len(words) and words[k].quote < 0 and words[k].capitalised:
            issuer.append(words[k].text)
            k += 1
        if k < len(words) and words[k].lower in DOCUMENT_NOUNS:
            return " ".join([*issuer, words[k].lower])
        return None

    @staticmethod
    def _apposed_name(np: list[Word], frame: Frame) -> list[Word] | None:
        """The name between commas right after ``np``: "Tom" in "Okafor's son, Tom, said"."""
        words = frame.words
        k = _after(np, frame)
        if k >= len(words) or words[k].text != ",":
            return None
        m = k + 1
        while m < len(words) and is_name_at(words, m) and m - k <= 4:
            m += 1
        return list(words[k + 1 : m]) if m > k + 1 and m < len(words) and words[m].text == "," else None

    @staticmethod
    def _named_owner(np: list[Word]) -> list[Word]:
        """The capitalised name owning the phrase, with its possessive mark: "Ann Morrow's" in
        "Ann Morrow's family"; none for "his family" or "the family"."""
        mark = next((k for k, w in enumerate(np) if w.text in POSSESSIVES or w.text.endswith(("'s", "’s"))), None)
        if mark is None:
            return []
        name = [w for w in np[:mark + 1] if w.lower not in DETERMINERS and w.text not in POSSESSIVES]
        return list(np[: mark + 1]) if name and all(w.capitalised for w in name) else []

    @staticmethod
    def _issuer_after(np: list[Word], frame: Frame) -> list[Word]:
        """The named issuer in the words after a document noun: "a lawsuit filed by the Harbour
        Board", "a memo from Cole's office", "a page on the Cole campaign's website" (the Harbour
        Board, Cole's office, the Cole campaign); none where no capitalised name follows."""
        words = frame.words
        k = _after(np, frame)
        if k < len(words) and words[k].lower in ISSUING_PARTICIPLES:
            k += 1
        if k >= len(words) or words[k].lower not in ISSUER_PREPOSITIONS | {"on"}:
            return []
        place = words[k].lower == "on"
        k += 1
        if k < len(words) and words[k].lower in DETERMINERS:
            k += 1
        run: list[Word] = []
        while k < len(words) and words[k].quote < 0 and (words[k].capitalised or (
                run and words[k].lower in ORG_HEADS | {"campaign"}) or (run and _joins_name(words, k))):
            run.append(words[k])
            k += 1
        owner = k < len(words) and words[k].text in POSSESSIVES
        if place and not (owner and k + 1 < len(words) and words[k + 1].lower in PUBLISHING_PLACES):
            return []  # "a memo on the Harbour Board budget": no issuer
        return run

    def _titled_surname(self, word: Word) -> bool:
        """"Bishop says" after "Rosa Bishop": a title word alone that is the surname of a
        person the article named is that person, not the title."""
        if not word.capitalised or word.lower not in NAME_TITLES:
            return False
        person = self.cast.person_named([word.text])
        return person is not None and person.split()[-1] == word.text

    def _statement_author(self, np: list[Word], frame: Frame) -> Speaker | None:
        """The author named after a statement noun: "the statement from the mayor's lawyer,
        Jo Lee", "a statement by the county" -- a person's or organisation's name."""
        k = _after(np, frame)
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
        k = _after(np, frame)
        following = frame.words[k : k + 6]
        if following and following[0].lower in {"to", "of", "for", "at", "from", "with", "close", "in"}:
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

    def _common_words(self) -> frozenset[str]:
        """Words the article also writes in lower case: a capitalised "More" or "Similar"
        opening a sentence is one of them, not a name (names are never written so)."""
        if self._lower is None:
            self._lower = frozenset(w.text for para in self.paragraphs for w in para
                                    if w.quote < 0 and w.text.isalpha() and w.text.islower())
        return self._lower

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
        org = self.cast.org_of_kind(kind, at) or self._described_before(kind, paragraph, at)
        if org:
            return org
        for para, pos, speaker in reversed(self.events):
            if para < paragraph - 1:
                break
            if pos < at and speaker.kind == "org":
                return speaker.name
        return None

    def _described_before(self, kind: str, paragraph: int, at: int) -> str | None:
        """The last "<Name> <words> <kind>" written before ``at`` in this paragraph or the two
        before it, that the tagger gave no name: "the commission" after "a Marlow County ballot
        commission" is the Marlow County ballot commission."""
        for para in range(paragraph, max(-1, paragraph - 3), -1):
            words = self.paragraphs[para]
            for k in range(len(words) - 1, 0, -1):
                if words[k].start >= at or words[k].lower != kind or words[k].quote >= 0:
                    continue
                m = k
                while m > 0 and k - m < 4 and words[m - 1].quote < 0 and words[m - 1].text.isalpha() \
                        and words[m - 1].lower not in DETERMINERS and words[m - 1].lower not in INDEFINITES:
                    m -= 1
                while m < k and not words[m].capitalised:
                    m += 1
                if m < k and m > 0 and words[m - 1].lower in DETERMINERS | INDEFINITES:
                    return " ".join(spelled(list(words[m : k + 1])))
        return None

    def _untitled_subject_before(self, paragraph: int, at: int) -> str | None:
        """For an unmatched definite role: the person who last spoke or acted before ``at`` in
        this paragraph, if the article gave them no role ("Bill Hale got in on the game ...
        "...," the former governor said")."""
        for para, pos, speaker in reversed(self.events):
            if para != paragraph:
                break
            if pos < at and speaker.kind == "person":
                person = self.cast.persons.get(speaker.name)
                return speaker.name if person is None or not person.roles else None
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
        """The last compatible speaker of this paragraph or the one before -- unless the
        sentence before the pronoun's has a named subject that outranks it (``_subject_before``).

        Compatible: a person for he/she, an organisation for it; and not of the other
        gender where the article told one (Mr, Ms, "her husband", a "she" resolved before).
        """
        wanted = PRONOUN_KINDS.get(pronoun, "any")
        gender = PRONOUN_GENDERS.get(pronoun)
        before = paragraph - 1
        while before > 0 and self.quotes_only(before):
            before -= 1  # the middle of a multi-paragraph quotation does not count
        candidates = []
        places = []
        for para, pos, speaker in reversed(self.events):
            if para < before:
                break
            if pos < at and (wanted == "any" or speaker.kind == wanted) and not (
                    pronoun == "they" and speaker.kind in {"person", "source"}):
                candidates.append(speaker)
                places.append((para, pos))
        for k, speaker in enumerate(candidates):
            known = self.cast.genders.get(speaker.name)
            if gender and known and known != gender:
                namesake = self._namesake(speaker, gender)
                if namesake is None:
                    continue
                speaker = replace(speaker, name=namesake)  # "Marsh went ... he said" after Linda and David Marsh: David
            if gender and speaker.kind == "person" and (
                    subject := self._subject_before(paragraph, at, before, places[k], speaker.name, gender)) is not None:
                return subject  # "Reyes did not sound sure when Morrow asked ...": Reyes
            # A pronoun teaches a gender only where no other person of unknown gender could
            # have been meant: one wrong guess must not mislead every later "she".
            others = {c.name for c in candidates[k + 1 :] if c.kind == "person" and c.name != speaker.name
                      and c.name not in self.cast.genders}
            if gender and speaker.kind == "person" and not others:
                self.cast.genders.setdefault(speaker.name, gender)
            return speaker
        if gender is None:
            return None
        # No speaker or subject to refer to: a person of a compatible gender named in the last
        # sentence (of this paragraph or the few before it) that names one -- the first one
        # named there, as a subject stands before an object ("Ann Cole went after Jo Lee").
        named = [(para, pos, end, name) for para, pos, end, name in self._named()
                 if paragraph - PRONOUN_PARAGRAPHS_BACK <= para <= paragraph and pos < at
                 and self.cast.genders.get(name, gender) == gender]
        if not named:
            return None
        last = named[-1]
        sentence = self._sentence_start(last[0], last[1])
        para, pos, end, name = next((n for n in named if n[0] == last[0] and n[1] >= sentence
                                     and not self._modifier(n[0], n[1], n[2])), last)
        return Speaker(name, "person", "", "pronoun", None, pos, end)

    def _subject_before(self, paragraph: int, at: int, before: int, place: tuple[int, int], found: str,
                        gender: str) -> Speaker | None:
        """The person standing as the subject of the sentence before the pronoun's, where the
        speaker that recency found (at ``place``) was named before that sentence or in a
        subordinate clause of it: a main clause's subject outranks them ("At a rally on Monday,
        Reyes put ...", "Reyes did not sound sure when Morrow asked ..."). None where that
        sentence opens with no named person, the person is of the other gender, or a cue of
        that sentence reports the found speaker ("Reyes is right, Benning argues")."""
        own = self._clause_start(paragraph, at)
        if own >= 0:
            para, end = paragraph, own
        else:
            para = before
            if not 0 <= para < paragraph or not self.paragraphs[para]:
                return None
            end = self.paragraphs[para][-1].end
        start = self._clause_start(para, self._last_word_before(para, end))
        words = self.paragraphs[para]
        sentence = [n for n, w in enumerate(words) if start <= w.start < end]
        named = next(((pos, name_end, name) for p, pos, name_end, name in self._named()
                      if p == para and start <= pos < end), None)
        if named is None or not sentence:
            return None
        pos, name_end, name = named
        k = next(n for n, w in enumerate(words) if w.start == pos)
        j = next(n for n, w in enumerate(words) if w.end == name_end)
        m = k - 1
        while m >= 0 and words[m].lower in NAME_TITLES:
            m -= 1
        after = words[j + 1] if j + 1 < len(words) else None
        if (m >= 0 and words[m].lower in PREPOSITIONS) or self._modifier(para, pos, name_end) or k - sentence[0] > 15 \
                or any(words[n].quote >= 0 for n in sentence if n < k) or after is None or after.lower in ROLE_HEADS \
                or not (after.text == "," or (after.text.isalpha() and after.text.islower() and after.lower not in {"and", "or"})):
            return None  # the first person named is no subject of the sentence
        if name == found or self.cast.genders.get(name, gender) != gender:
            return None
        if (para, pos) < place < (paragraph, own):
            cued = next((n for n, w in enumerate(words) if w.start == place[1]), None) if place[0] == para else None
            reported = any((p, q) == place and cue.step != "pronoun" for p, q, cue in self.cue_speakers)
            # ("... he believes Morrow is right": a speaker in the clause another cue reports
            # is no reporter of the sentence)
            embedded = cued and (words[cued - 1].lower in SUBORDINATORS or any(
                cue.cue_at == words[cued - 1].start for p, _, cue in self.cue_speakers if p == para))
            if reported and not embedded:
                return None  # "Reyes is right, Benning argues": the sentence's reporter
        elif not place < (para, start):
            return None
        return Speaker(name, "person", "", "pronoun", None, pos, name_end)

    def _clause_start(self, paragraph: int, at: int) -> int:
        """Where the sentence holding ``at`` starts, a quotation followed by a capitalised word
        ending one too (`... called it "arbitrary." Dana Price warned`)."""
        words = self.paragraphs[paragraph]
        start = -1
        for k, word in enumerate(words):
            if word.start >= at:
                break
            if (word.quote < 0 and word.text in {".", "!", "?"}) or (
                    word.quote >= 0 and k + 1 < len(words) and words[k + 1].capitalised and words[k + 1].start < at):
                start = word.end
        return start

    def _last_word_before(self, paragraph: int, end: int) -> int:
        """Where the last word ending at or before ``end`` starts (the full stop of a sentence)."""
        return max((w.start for w in self.paragraphs[paragraph] if w.end <= end), default=end)

    def _modifier(self, paragraph: int, start: int, end: int) -> bool:
        """Whether the name at ``start``-``end`` qualifies a noun rather than standing as one:
        "the Cole campaign", "Cole's adviser"."""
        words = self.paragraphs[paragraph]
        k = next((n for n, w in enumerate(words) if w.start == start), None)
        j = next((n for n, w in enumerate(words) if w.end == end), None)
        if k is None or j is None:
            return False
        before = words[k - 1].lower if k else ""
        after = words[j + 1] if j + 1 < len(words) else None
        return before in {"the", "a", "an"} or (after is not None and after.text in POSSESSIVES) or (
            words[j].text.endswith(("'s", "’s")))

    def _sentence_start(self, paragraph: int, at: int) -> int:
        """Where the sentence holding position ``at`` of ``paragraph`` starts."""
        start = -1
        for word in self.paragraphs[paragraph]:
            if word.start >= at:
                break
            if word.quote < 0 and word.text in {".", "!", "?"}:
                start = word.end
        return start

    def _namesake(self, speaker: Speaker, gender: str) -> str | None:
        """The one other person of the cast, of ``gender``, who shares the surname by which
        ``speaker`` was named alone: a bare "Marsh" that the cast read as Linda Marsh is
        her son David Marsh when a "he" follows."""
        surname = speaker.name.split()[-1]
        named = next((w for para in self.paragraphs for w in para if w.start == speaker.at), None)
        if named is None or named.text != surname:
            return None
        found = [name for name in self.cast.persons
                 if name != speaker.name and name.split()[-1] == surname and self.cast.genders.get(name) == gender]
        return found[0] if len(found) == 1 else None

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
                    # The longest tail of the run that names a person: "House Speaker Paul
                    # Ryan" (a capitalised office before the name) names Paul Ryan; a tail is
                    # a full name ("Wall Street" is not a Street of the cast).
                    for m in range(k, max(k + 1, j - 1)):
                        person = self.cast.person_named([w.text for w in words[m:j]])
                        if person:
                            self._seen.append((para, words[m].start, words[j - 1].end, person))
                            break
                    k = max(j, k + 1)
        return self._seen


def _after(np: list[Word], frame: Frame) -> int:
    """The index in ``frame`` of the word after the phrase ``np`` (the frame's end if ``np`` is
    not in it)."""
    return frame.words.index(np[-1]) + 1 if np[-1] in frame.words else len(frame.words)


def _joins_name(words: tuple[Word, ...], k: int) -> bool:
    """Whether the plain words from ``k`` join a capitalised name to its next capitalised word:
    "the" in "Fix the Court", "of the" in "Friends of the Ferry"."""
    m = k
    while m < len(words) and m - k < 2 and words[m].lower in {"the", "of", "for", "and"}:
        m += 1
    return m > k and m < len(words) and words[m].capitalised
