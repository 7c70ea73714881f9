"""Direct quotations and who said them.

Two passes over one article:

* :func:`find_quotations` reads quotation marks from their context, not their glyph
  (scraped news closes “ with “ or opens with ”), pairs them within a paragraph,
  tells single quotation marks from apostrophes, and follows the newspaper
  convention of a quotation left open at a paragraph end and reopened in the next.
* :func:`extract_quotes` finds each quotation's speaker with the attribution chain
  (see :func:`_attribute`) over the narrative words around it, and resolves names
  with the article's cast (``builder.extract.cast``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from builder.extract.cast import Cast, Word, build_cast
from builder.extract.governing import Request, governors
from builder.extract.phrases import NON_NAME_ENTS, Frame, Speaker
from builder.extract.speakers import SpeakerFinder
from builder.ids import mention_id
from builder.models import Article, Mention
from builder.nlp import pipeline
from builder.patterns.quotes import (
    CLOSING_CONTEXT,
    DATELINE,
    DOUBLE_MARKS,
    ELISIONS,
    FRAGMENT_MAX_WORDS,
    LATER_SENTENCES_MAX,
    NOT_AFTER_POSSESSIVE,
    OPENING_CONTEXT,
    PREPOSITIONS,
    SINGLE_MARKS,
    SPLIT_GAP_MAX_TOKENS,
    TRANSCRIPT_NOT_SPEAKERS,
    TRANSCRIPT_SPEAKERS_MIN,
    TRANSCRIPT_TURN,
    UNCLOSED_MAX_WORDS,
)

# Abbreviations whose full stop the tokenizer may split off ("Capt" "."): no sentence ends there.
TITLE_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen lt col capt sgt cpl pvt maj adm cmdr gov sen rep rev fr st jr sr ft mt pres supt insp det
""".split())
# Words that start a new sentence after a quotation closed with its full stop inside the marks.
CLAUSE_OPENERS = frozenset("""
he she it they we i the a an this that these those his her its their but and in on at after before
however meanwhile still yet later earlier asked
""".split())
_SPLIT_ENDINGS = frozenset(",—–-…:")
# Which attribution of a chain's parts wins (lower is more direct).
STEP_STRENGTH = {"same-sentence": 0, "colon": 0, "pronoun": 1, "paragraph": 2, "continuation": 3}
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_TURN = re.compile(TRANSCRIPT_TURN)
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quotation's place: ``start``/``end`` inside the marks, ``outer_*`` including them."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    paragraph: int
    open_end: bool = False  # left open at the paragraph end, reopened in the next one


# --- quotation marks ---------------------------------------------------------------


def _can_open(text: str, i: int) -> bool:
    if i == 0:
        return True  # a mark that starts a paragraph always opens
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in OPENING_CONTEXT or before in DOUBLE_MARKS | SINGLE_MARKS) and not after.isspace()


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (after.isspace() or after in CLOSING_CONTEXT or after in DOUBLE_MARKS | SINGLE_MARKS) and not before.isspace()


def _is_apostrophe(text: str, i: int) -> bool:
    """it's, Zelensky's, the '90s, rock 'n' roll, soldiers' (only when nothing else closes)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True
    if after.isdigit():
        return True
    following = _WORD.match(text, i + 1)
    return bool(following and following.group().lower() in ELISIONS and not before.isalnum()
                and (following.end() >= len(text) or not text[following.end()].isalnum()))


def _weak_close(text: str, i: int) -> bool:
    """A plural possessive that looks like a closing mark: "the players' union".

    A possessive is followed by what is owned, never by a determiner, preposition or
    conjunction: in "would 'not second-guess' the bank" the mark closes.
    """
    if text[i - 1 : i] != "s" or not re.match(r"\s+[a-z]", text[i + 1 : i + 3]):
        return False
    following = _WORD.match(text, i + 1 + len(text[i + 1 :]) - len(text[i + 1 :].lstrip()))
    return not (following and following.group().lower() in NOT_AFTER_POSSESSIVE)


def _paragraph_quotes(text: str, offset: int, paragraph: int, next_reopens: bool) -> list[Quotation]:
    """The quotations of one paragraph (``text``), with body offsets."""
    marks = [i for i, c in enumerate(text) if c in DOUBLE_MARKS or c in SINGLE_MARKS]
    found: list[Quotation] = []
    open_at: int | None = None
    family = ""
    for n, i in enumerate(marks):
        double = text[i] in DOUBLE_MARKS
        if double and text[i] == '"' and i > 0 and text[i - 1].isdigit():
            continue  # an inch mark: 6" pipe
        if open_at is None:
            if double and _can_open(text, i):
                open_at, family = i, "double"
            elif not double and _can_open(text, i) and not _is_apostrophe(text, i):
                closers = [k for k in marks[n + 1 :] if text[k] in SINGLE_MARKS and _can_close(text, k)
                           and not _is_apostrophe(text, k)]
                if closers:
                    open_at, family = i, "single"
            continue
        if (family == "double") != double:
            continue  # a nested quotation of the other family
        if not double:
            if _is_apostrophe(text, i) or not _can_close(text, i):
                continue
            later = [k for k in marks if k > i and text[k] in SINGLE_MARKS and _can_close(text, k)
                     and not _is_apostrophe(text, k)]
            if _weak_close(text, i) and later:
                continue
        elif _can_open(text, i) and not _can_close(text, i):
            open_at = i  # the earlier mark was never closed: start again here
            continue
        found.append(_quotation(text, offset, paragraph, open_at, i))
        open_at = None
    if open_at is not None and family == "double":
        words = len(_WORD.findall(text[open_at:]))
        if next_reopens or words <= UNCLOSED_MAX_WORDS:
            found.append(_quotation(text, offset, paragraph, open_at, len(text), open_end=next_reopens))
    return [q for q in found if q.end > q.start and _WORD.search(text[q.start - offset : q.end - offset])]


def _quotation(text: str, offset: int, paragraph: int, i: int, k: int, open_end: bool = False) -> Quotation:
    start, end = i + 1, k
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Quotation(offset + start, offset + end, offset + i, offset + min(k + 1, len(text)), paragraph, open_end)


def paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of the body."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(body) if m.group().strip()]


def find_quotations(body: str) -> list[Quotation]:
    """Every quotation of the body, in reading order, bounded by its paragraph."""
    paras = paragraphs(body)
    found: list[Quotation] = []
    for n, (start, end) in enumerate(paras):
        nxt = body[paras[n + 1][0] : paras[n + 1][1]].lstrip() if n + 1 < len(paras) else ""
        reopens = bool(nxt) and nxt[0] in DOUBLE_MARKS and _can_open(nxt, 0)
        found.extend(_paragraph_quotes(body[start:end], start, n, reopens))
    return found


def is_fragment(text: str) -> bool:
    return len(_WORD.findall(text)) <= FRAGMENT_MAX_WORDS


# --- words and frames ----------------------------------------------------------------


def _words(doc: Doc, quotes: list[Quotation], paras: list[tuple[int, int]]) -> list[list[Word]]:
    """Narrative words per paragraph; each quotation stands as one placeholder word."""
    out: list[list[Word]] = [[] for _ in paras]
    para_starts = [s for s, _ in paras]
    q, p = 0, 0
    for token in doc:
        if token.is_space:
            continue
        i = token.idx
        while p + 1 < len(para_starts) and para_starts[p + 1] <= i:
            p += 1
        while q < len(quotes) and quotes[q].outer_end <= i:
            q += 1
        if q < len(quotes) and quotes[q].outer_start <= i + len(token.text) - 1 and i < quotes[q].outer_end:
            if not out[p] or out[p][-1].quote != q:
                out[p].append(Word("\u201c\u201d", quotes[q].outer_start, quotes[q].outer_end, quote=q))
            end = quotes[q].outer_end
            if i + len(token.text) > end and token.text[end - i :].strip():  # "”―": the dash after the mark
                out[p].append(Word(token.text[end - i :], end, i + len(token.text)))
            continue
        out[p].append(Word(token.text, i, i + len(token.text), token.ent_type_))
    return [_join_hyphens(para_words) for para_words in out]


def _join_hyphens(words: list[Word]) -> list[Word]:
    """One word for a hyphenated name or compound the tokenizer split: "Lopez", "-",
    "Cantera" -> "Lopez-Cantera" (spelled as in the text), "Talk-show"; and a title
    abbreviation keeps its full stop ("Capt.")."""
    out: list[Word] = []
    k = 0
    while k < len(words):
        word = words[k]
        while (k + 2 < len(words) and words[k + 1].text in {"-", "‐"} and word.quote < 0
               and word.text[-1:].isalpha() and words[k + 2].text[:1].isalpha()
               and word.end == words[k + 1].start and words[k + 1].end == words[k + 2].start):
            word = Word(word.text + words[k + 1].text + words[k + 2].text, word.start, words[k + 2].end,
                        word.ent or words[k + 2].ent)
            k += 2
        if (k + 1 < len(words) and words[k + 1].text == "." and word.lower in TITLE_ABBREVIATIONS
                and word.end == words[k + 1].start):
            word = Word(word.text + ".", word.start, words[k + 1].end, word.ent)  # "Capt" "." -> "Capt."
            k += 1
        out.append(word)
        k += 1
    return out


def _without_datelines(body: str, words: list[list[Word]], paras: list[tuple[int, int]]) -> list[list[Word]]:
    """Paragraph words without a leading wire dateline ("LONDON (Reuters) - "): its agency
    credit would otherwise be the last organisation named when "the company said"."""
    out = []
    for para_words, (start, _) in zip(words, paras):
        dateline = DATELINE.match(body, start)
        out.append([w for w in para_words if w.start >= dateline.end()] if dateline else para_words)
    return out


def _frames(words: list[Word], paragraph: int, final: frozenset[int] = frozenset()) -> list[Frame]:
    """Sentences of the narrative: split at . ! ? outside quotations, and after a quotation
    ending a sentence inside its marks (``final``) when a new clause starts after it
    (`... were "reckless." They vowed to ...`)."""
    frames: list[Frame] = []
    current: list[Word] = []
    for k, word in enumerate(words):
        current.append(word)
        after = words[k + 1] if k + 1 < len(words) else None
        # After a quotation inside a sentence (`Norway called it "reckless." Chile insisted ...`)
        # any capitalised word starts the next one; after a quotation opening its sentence only
        # a clause opener does (`"We will win." Smith said` is one sentence).
        new_clause = after is not None and after.capitalised and (
            after.lower in CLAUSE_OPENERS or any(w.quote < 0 and w.text[:1].isalpha() for w in current))
        abbreviation = word.text == "." and k > 0 and words[k - 1].end == word.start and (
            words[k - 1].lower in TITLE_ABBREVIATIONS or (len(words[k - 1].text) == 1 and words[k - 1].text.isupper()))
        bracketed = word.text == "." and after is not None and after.text == ")"  # "(D-Va.)": the bracket goes on
        if (word.quote < 0 and word.text in {".", "!", "?"} and not abbreviation and not bracketed) or (
                word.quote in final and new_clause and len(current) > 1):
            frames.append(Frame(tuple(current), paragraph))
            current = []
    if current:
        frames.append(Frame(tuple(current), paragraph))
    return frames


# --- attribution -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str | None = None
    cue: str | None = None
    step: str | None = None
    continues: int | None = None  # index of the quotation this one continues
    context: tuple[int, int] = (0, 0)
    source: Speaker | None = None  # where the speaker is named, and what a pronoun resolved to


def _attribute(body: str, quotes: list[Quotation], frames: list[Frame], finder: SpeakerFinder) -> list[Attribution]:
    """The attribution chain, one result per quotation:

    1. a cue in the same sentence (`X said`, `said X`, `according to X`, `X told the Post`);
    1b. where no cue is found by the words, the cue governing the quotation in the parse
       of its sentence (`Describing it as "...," the union filed a claim`);
    2. an introduction by colon or dash (`X said: "..."`, `X: "..."`), or a signature
       after it (`"..." ― Carla Diaz`);
    3. a pronoun subject (he, she, they, it) resolved to the last compatible speaker
       of the paragraph or the one before;
    4. a paragraph that is only a quotation takes the speaker introduced just before it;
       a quotation opening its paragraph takes a person named as speaking in one of the
       next sentences of that paragraph; a quotation later in a paragraph, with no
       cue, takes the speaker of the quotation or cue before it there (or, standing
       as a sentence of its own, the subject of the sentence before it);
    5. a quotation continuing another (split by an attribution, or reopened in the
       next paragraph) keeps its speaker: every part of a chain carries the most
       direct speaker found along it.
    Nothing found: no speaker.
    """
    frame_of: dict[int, Frame] = {}
    for frame in frames:
        for word in frame.words:
            if word.quote >= 0:
                frame_of[word.quote] = frame
    paragraph_frames: dict[int, list[Frame]] = {}
    for frame in frames:
        paragraph_frames.setdefault(frame.paragraph, []).append(frame)
    own: list[Speaker | None] = []
    # 1.-3. Cues in the quotation's own sentence (a pronoun subject is step 3).
    finder.read(frames)
    for qi in range(len(quotes)):
        frame = frame_of.get(qi)
        own.append(finder.for_quote(frame, qi) or finder.signed(frame, qi) if frame else None)
    # 1b. No cue found by the word rules: the cue governing the quotation in the parse.
    _parse_step(body, quotes, frame_of, own, finder)
    # 1c. A quotation closing its own sentence before a cue that reports a clause of its own.
    _closed_before_cue(body, quotes, frame_of, own, finder)
    # 1d. Quotations joined by "and" / "or" under one cue before them.
    _coordinated(quotes, frame_of, own, finder)
    results = [
        Attribution(s.name, s.cue, s.step, None, _context(frame_of.get(qi), quotes[qi]), s) if s else
        Attribution(context=_context(frame_of.get(qi), quotes[qi]))
        for qi, s in enumerate(own)
    ]
    # 5a. Split quotations: `"A," he said, "B."` -- B has no cue but A's, in the gap between them.
    for qi in range(1, len(quotes)):
        prev, cur = quotes[qi - 1], quotes[qi]
        if prev.paragraph != cur.paragraph or prev.open_end:
            continue
        gap = finder.words_between(prev.paragraph, qi - 1, qi)
        mine = own[qi]
        theirs = own[qi - 1]
        gap_holds_their_cue = theirs is not None and theirs.cue_at is not None and any(
            w.start == theirs.cue_at for w in gap)
        split_mark = body[prev.start : prev.end].rstrip()[-1:] in _SPLIT_ENDINGS
        if len(gap) <= SPLIT_GAP_MAX_TOKENS and (not gap or (gap_holds_their_cue and split_mark)) and (
            mine is None or (theirs is not None and mine.cue_at == theirs.cue_at)
        ):
            results[qi] = _continue(results[qi], results[qi - 1], qi - 1)
    # 5b. Multi-paragraph quotations: open at a paragraph end, reopened at the next start.
    for qi, quote in enumerate(quotes):
        if qi and quotes[qi - 1].open_end and quotes[qi - 1].paragraph == quote.paragraph - 1:
            results[qi] = replace(results[qi], continues=qi - 1)
    # A quotation and the parts continuing it (split halves, later paragraphs) form one chain.
    chains: dict[int, list[int]] = {}
    head_of: list[int] = []
    for qi, result in enumerate(results):
        head_of.append(head_of[result.continues] if result.continues is not None else qi)
        chains.setdefault(head_of[qi], []).append(qi)
    for head, chain in chains.items():
        # 4. A paragraph that is only a quotation: the speaker introduced just before it.
        if results[head].speaker is None and finder.quote_only(quotes[head].paragraph, head):
            speaker = finder.last_speaker(quotes[head].paragraph - 1)
            if speaker:
                results[head] = replace(results[head], speaker=speaker.name, cue=speaker.cue, step="paragraph",
                                        source=speaker)
        # 4b. A quotation opening its paragraph, named in a sentence after it:
        # `"We had no warning." The river rose overnight. Farmer Ian Doyle said ...`.
        frame = frame_of.get(head)
        if results[head].speaker is None and frame is not None and frame is paragraph_frames[frame.paragraph][0] \
                and frame.words[0].quote == head:
            later = paragraph_frames[frame.paragraph][1 : 1 + LATER_SENTENCES_MAX]
            speaker = finder.named_in(later)
            if speaker:
                results[head] = replace(results[head], speaker=speaker.name, cue=speaker.cue, step="paragraph",
                                        source=speaker)
        # 4c. A quotation later in its paragraph, with no cue of its own, takes the speaker of
        # the quotation before it there: `"A," Senator Ida Marsh said. "B."`.
        if results[head].speaker is None:
            before = [q for q in range(head) if quotes[q].paragraph == quotes[head].paragraph and results[q].speaker]
            cued = finder.cued_before(quotes[head].paragraph, quotes[head].outer_start)
            if cued is None and frame is not None and frame.words[0].quote == head and len(chain) == 1:
                # `Sen. Ann Cole identified fatigue as the reason. "Voters are tired."`: a
                # quotation standing as its own sentence continues the subject before it.
                cued = finder.subject_before(quotes[head].paragraph, quotes[head].outer_start)
            if before and not own[head]:
                source = results[before[-1]]
                results[head] = replace(results[head], speaker=source.speaker, cue=source.cue, step="paragraph",
                                        source=source.source)
            elif cued and not own[head]:
                results[head] = replace(results[head], speaker=cued.name, cue=cued.cue, step="paragraph", source=cued)
        # 5. The whole chain carries one speaker: the most direct one found along it.
        found = [results[q] for q in chain if results[q].speaker and results[q].step != "continuation"]
        if not found:
            found = [results[q] for q in chain if results[q].speaker]
        best = min(found, key=lambda r: STEP_STRENGTH.get(r.step or "", 9), default=None)
        for q in chain:
            if best is not None and results[q].speaker != best.speaker:
                results[q] = _continue(results[q], best, results[q].continues)
    return results


def _parse_step(body: str, quotes: list[Quotation], frame_of: dict[int, Frame],
                own: list[Speaker | None], finder: SpeakerFinder) -> None:
    """Fill in ``own`` where the word rules found nothing, from the parse of the quotation's
    sentence (``builder.extract.governing``)."""
    todo = [qi for qi, s in enumerate(own) if s is None and qi in frame_of and not finder.quotes_only_frame(frame_of[qi])]
    requests = []
    for qi in todo:
        start, end = _context(frame_of[qi], quotes[qi])
        requests.append(Request(start, end, quotes[qi].outer_start, quotes[qi].outer_end))
    for qi, governor in zip(todo, governors(body, requests)):
        if governor is None:
            continue
        frame = frame_of[qi]
        np = [w for w in frame.words if w.quote < 0 and governor.start <= w.start and w.end <= governor.end
              and w.ent not in NON_NAME_ENTS and w.lower not in PREPOSITIONS]
        if np:
            own[qi] = finder.speaker_of(np, frame, governor.cue, governor.cue_at)


def _closed_before_cue(body: str, quotes: list[Quotation], frame_of: dict[int, Frame],
                       own: list[Speaker | None], finder: SpeakerFinder) -> None:
    """`"... exceptions." Vance said he backs one`, `"He lost the peace." Stone replied: "..."`:
    a quotation opening its sentence and closing it with a full stop is no part of a cue after
    it that reports a clause (or another quotation) of its own; it goes on with the speaker of
    the quotation just before it, in its paragraph or ending the one before."""
    for qi in range(1, len(quotes)):
        frame, mine, theirs = frame_of.get(qi), own[qi], own[qi - 1]
        if frame is None or mine is None or theirs is None or mine.cue_at is None or mine.name == theirs.name:
            continue
        if frame.words[0].quote != qi or not body[quotes[qi].start : quotes[qi].end].rstrip().endswith("."):
            continue
        if quotes[qi].paragraph - quotes[qi - 1].paragraph > 1 or not mine.at < mine.cue_at:
            continue  # (a subject after its cue, `"..." said Ann Cole`, is the quotation's)
        if finder.reports_clause(frame, mine.cue_at):
            own[qi] = replace(theirs, step="paragraph")


def _transcript_turns(body: str, paras: list[tuple[int, int]], cast: Cast) -> dict[int, tuple[Speaker, int]]:
    """The speaker of each paragraph of a transcript, and where the paragraph's words start
    after the label: `QUILL: ...` and `REYES: ...` in turn, by paragraph. An unlabelled
    paragraph opening with a quotation mark goes on with the turn before it. The label names
    the speaker of every quotation in the turn (`REYES: ... as the auditors wrote, "borrowed time."`): a full
    name labelled earlier completes a surname (`JANE SMITH:`, then `SMITH:`), and a person of
    the article's cast the label's name."""
    labels: dict[int, re.Match[str]] = {}
    for n, (start, end) in enumerate(paras):
        m = _TURN.match(body, start, end)
        if m and not any(w.lower() in TRANSCRIPT_NOT_SPEAKERS for w in m.group(1).split()):
            labels[n] = m
    if len({m.group(1).split()[-1] for m in labels.values()}) < TRANSCRIPT_SPEAKERS_MIN:
        return {}
    full = {m.group(1).split()[-1]: m.group(1) for m in labels.values() if " " in m.group(1)}
    turns: dict[int, tuple[Speaker, int]] = {}
    turn: Speaker | None = None
    for n, (start, end) in enumerate(paras):
        m = labels.get(n)
        if m is not None:
            tokens = [_name_case(t) for t in full.get(m.group(1), m.group(1)).split()]
            name = cast.person_named(tokens) or " ".join(tokens)
            turn = Speaker(name, "person", ":", "colon", m.end(1), m.start(1), m.end(1))
            turns[n] = (turn, m.end())
        elif turn is not None and body[start] in DOUBLE_MARKS:
            turns[n] = (turn, start)
        else:
            turn = None
    return turns


def _name_case(word: str) -> str:
    """A name written in capitals, in the case of a name: `O'NEILL` -> `O'Neill`."""
    return re.sub(r"(?<=['’-])[a-z]", lambda m: m.group().upper(), word[0] + word[1:].lower())


def _coordinated(quotes: list[Quotation], frame_of: dict[int, Frame], own: list[Speaker | None],
                 finder: SpeakerFinder) -> None:
    """`as Cole went on about "A," and "B" and "C," Reyes said yes`: a quotation joined to the
    one before it by "and" or "or" is a second object of the cue that reported the first,
    where that cue stands before the first; a cue after the list is another clause's."""
    for qi in range(1, len(quotes)):
        frame, theirs = frame_of.get(qi), own[qi - 1]
        if frame is None or theirs is None or theirs.cue_at is None or frame_of.get(qi - 1) is not frame:
            continue
        if not theirs.cue_at < quotes[qi - 1].outer_start or own[qi] == theirs:
            continue
        gap = finder.words_between(frame.paragraph, qi - 1, qi)
        if [w.lower for w in gap] in (["and"], ["or"]):
            own[qi] = theirs


def _continue(result: Attribution, source: Attribution, index: int | None) -> Attribution:
    return Attribution(source.speaker, source.cue, "continuation" if source.speaker else None,
                       index, result.context, source.source)


def _context(frame: Frame | None, quote: Quotation) -> tuple[int, int]:
    if frame is None:
        return quote.outer_start, quote.outer_end
    return min(frame.words[0].start, quote.outer_start), max(frame.words[-1].end, quote.outer_end)


SPEAKER_KINDS = {"person": "person", "source": "person", "org": "organisation", "document": "document",
                 "group": "group"}


def _provenance(source: Speaker | None) -> dict[str, object]:
    """The Mention fields saying where the speaker is named and, for a pronoun (or "the
    statement"), where the name it resolved to stands."""
    if source is None:
        return {}
    named = source.at >= 0 and source.end > source.at  # a headline has no body offsets
    antecedent = source.antecedent
    return {
        "speaker_kind": SPEAKER_KINDS.get(source.kind),
        "speaker_start": source.at if named else None,
        "speaker_end": source.end if named else None,
        "speaker_antecedent_start": antecedent[0] if antecedent else None,
        "speaker_antecedent_end": antecedent[1] if antecedent else None,
    }


def _title_words(title: str) -> list[Word]:
    if not title:
        return []
    return [Word(t.text, -1, -1) for t in pipeline().tokenizer(title) if not t.is_space]


def extract_quotes(article: Article, doc: Doc) -> list[Mention]:
    """Every direct quotation of the article, with its speaker where one can be found."""
    body = article.body
    quotes = find_quotations(body)
    paras = paragraphs(body)
    words = _without_datelines(body, _words(doc, quotes, paras), paras)
    cast: Cast = build_cast(_title_words(article.title))
    for para_words in words:
        build_cast(para_words, cast)
    final = frozenset(qi for qi, q in enumerate(quotes) if body[q.start : q.end].rstrip()[-1:] in {".", "!", "?"})
    frames = [frame for n, para_words in enumerate(words) for frame in _frames(para_words, n, final)]
    comma_quotes = frozenset(qi for qi, q in enumerate(quotes) if body[q.start : q.end].rstrip()[-1:] == ",")
    finder = SpeakerFinder(cast, words, comma_quotes)
    results = _attribute(body, quotes, frames, finder)
    # A transcript's turns name the speaker of every quotation in them (`REYES: ...`), over
    # the attribution chain; a quotation opening a turn starts after its label.
    turns = _transcript_turns(body, paras, cast)
    for qi, (quote, result) in enumerate(zip(quotes, results)):
        turn = turns.get(quote.paragraph)
        if turn is not None:
            speaker, words_start = turn
            results[qi] = replace(result, speaker=speaker.name, cue=speaker.cue, step=speaker.step, source=speaker)
            if quote.start <= speaker.at < quote.end:
                quotes[qi] = replace(quote, start=words_start)
    ids = [mention_id(article.id, "quote", q.start, q.end) for q in quotes]
    mentions = []
    for quote, result, mid in zip(quotes, results, ids):
        text = body[quote.start : quote.end]
        mentions.append(Mention(
            id=mid, article=article.id, kind="quote", text=text, start=quote.start, end=quote.end,
            context_start=result.context[0], context_end=result.context[1],
            speaker=result.speaker, cue=result.cue if result.speaker else None,
            attribution=result.step if result.speaker else None,
            fragment=is_fragment(text),
            continues=ids[result.continues] if result.continues is not None else None,
            **_provenance(result.source if result.speaker else None),
        ))
    return mentions
