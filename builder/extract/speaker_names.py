"""One name per person across a story.

Within an article a speaker is already the longest name introduced there (see
``builder.extract.speakers``), but across a story the same person is still "Pryce"
in one article, "Owen Pryce KC" in another and "the barrister" in a third, or is
spelled Zelensky / Zelenskyy / Zelenskiy. :func:`unify_speakers` maps them to one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from builder.extract import analysed_text
from builder.extract.cast import Cast, Word, build_cast, skeleton, strip_titles
from builder.models import Article, Mention
from builder.nlp import pipeline
from builder.patterns.quotes import DETERMINERS, INDEFINITES, NAME_TITLES, ORG_HEADS, ROLE_HEADS


def story_cast(articles: Sequence[Article]) -> Cast:
    """Names introduced with a role in any article ("Kremlin spokesman Jan Novak"), from titles and bodies."""
    cast = Cast()
    tokenizer = pipeline().tokenizer
    for article in sorted(articles, key=lambda a: a.id):
        for text in (article.title, analysed_text(article.body)):  # an oversized body: its analysed part
            words = [Word(t.text, t.idx, t.idx + len(t.text)) for t in tokenizer(text) if not t.is_space]
            build_cast(words, cast)
    return cast


def _is_role_only(name: str) -> bool:
    """"the Kremlin spokesman", "a spokeswoman": a role without a personal name."""
    words = name.split()
    # "US president", "the spokeswoman" -- but not "Dana King", whose capitalised last word is a name.
    return bool(words) and words[-1].lower() in ROLE_HEADS and (not words[-1][:1].isupper() or all(
        w.lower() in NAME_TITLES or w.lower() in DETERMINERS for w in words[:-1]))


def _same_person(a: list[str], b: list[str]) -> bool:
    """Same surname spelling-insensitively, and no clash of first names."""
    if skeleton(a[-1]) != skeleton(b[-1]):
        return False
    return len(a) == 1 or len(b) == 1 or skeleton(a[0]) == skeleton(b[0])


def _canonical_names(spellings: Counter[str]) -> dict[str, str]:
    """Map every spelling to its group's most used full spelling (ties: alphabetical)."""
    names = sorted(spellings, key=lambda n: (-len(n.split()), n))
    groups: list[list[str]] = []
    for name in names:
        tokens = name.split()
        matches = [g for g in groups if _same_person(g[0].split(), tokens)]
        if len(tokens) == 1 and len(matches) > 1:
            continue  # "Smith" with John and Anna Smith in the story: ambiguous, leave it
        if matches:
            matches[0].append(name)
        else:
            groups.append([name])
    mapping = {name: name for name in spellings}
    for group in groups:
        full = [n for n in group if len(n.split()) == max(len(m.split()) for m in group)]

        def votes(candidate: str) -> int:
            last = candidate.split()[-1]
            return sum(c for n, c in spellings.items() if n in group and (n == candidate or n == last))

        best = min(full, key=lambda n: (-votes(n), n))
        for name in group:
            mapping[name] = best
    return mapping


def _indefinite(body: str, mention: Mention) -> bool:
    """Whether the words naming the mention's speaker are an indefinite description ("a
    senior campaign adviser", "one party strategist"): the text leaves that person unnamed."""
    if mention.speaker_start is None or mention.speaker_antecedent_start is not None:
        return False
    before = body[max(0, mention.speaker_start - 12) : mention.speaker_start].split()
    first = body[mention.speaker_start : mention.speaker_end].split()[:1]
    return any(w.lower() in INDEFINITES for w in first + before[-1:])


def unify_speakers(articles: Sequence[Article], mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions with one canonical speaker name per person across the story, in the same order."""
    cast = story_cast(articles)
    bodies = {article.id: article.body for article in articles}
    cleaned: list[str | None] = []
    for mention in mentions:
        name = mention.speaker
        if name and _indefinite(bodies.get(mention.article, ""), mention):
            cleaned.append(name)  # "said a senior campaign adviser": unnamed, whoever else holds that role
            continue
        if name and _is_role_only(name) and name.split()[0].lower() not in INDEFINITES:
            # ("a senior campaign adviser" is someone the text leaves unnamed: never a name)
            role = {w.lower() for w in name.split()} - DETERMINERS
            name = cast.person_with_role(role, 10**12) or name
        if name and (name.split()[0] in INDEFINITES or name.split()[-1].lower() in ORG_HEADS
                     or mention.speaker_kind not in {None, "person"}):
            # An unnamed source's description, an organisation whose first word is no title
            # ("finance ministry", "Health Ministry", "Evening Herald"), a document or a group
            # stays as written.
            cleaned.append(name)
            continue
        if name:
            tokens = strip_titles([w for w in name.split() if w.lower() not in DETERMINERS])
            name = " ".join(tokens) or name
        cleaned.append(name)
    spellings = Counter(n for n in cleaned if n)
    for person in cast.persons.values():
        if any(_same_person(person.name.split(), n.split()) for n in spellings):
            spellings[person.name] += 0  # a full name introduced in some article, even if never a speaker
    mapping = _canonical_names(spellings)
    return [replace(m, speaker=mapping.get(n, n) if n else None) for m, n in zip(mentions, cleaned)]
