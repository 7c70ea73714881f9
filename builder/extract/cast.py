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
from functools import lru_cache

from builder.patterns.quotes import (
    AFFILIATION_WORDS,
    CUE_VERBS,
    DETERMINERS,
    FEMALE_FIRST_NAMES,
    FEMALE_WORDS,
    KIN_NOUNS,
    MALE_FIRST_NAMES,
    MALE_WORDS,
    MEDIA_WORDS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NAME_TITLES,
    ORG_HEADS,
    POSTNOMINAL_ROLES,
    PREPOSITIONS,
    SENTENCE_OPENERS,
    ROLE_EQUIVALENTS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    ROLE_RANKS,
)

PARTY_STATE = re.compile(r"^[DRI]-[A-Z][A-Za-z.]*$")  # "D-Va.", "R-Ore.": party and state, never a name
NOT_NAMES = PREPOSITIONS | SENTENCE_OPENERS | frozenset({"and", "but", "or", "if", "when", "while", "as", "so"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_LETTERS = re.compile(r"[^\w]+")
# A lone surname this long or longer may be a one-letter misspelling of a person's named before.
SURNAME_TYPO_MIN_LETTERS = 5


@dataclass(frozen=True, slots=True)
class Word:
    """One token of an article as extraction sees it; ``quote >= 0`` stands for a whole quotation."""

    text: str
    start: int
    end: int
    ent: str = ""
    quote: int = -1
    # Read hundreds of thousands of times per archive: computed once, not per read.
    lower: str = field(init=False, repr=False, compare=False)
    capitalised: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lower", self.text.lower())
        object.__setattr__(self, "capitalised", self.quote < 0 and self.text[:1].isupper()
                           and any(c.isalpha() for c in self.text))


@lru_cache(maxsize=8192)
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
    genders: dict[str, str] = field(default_factory=dict)  # name -> "m" / "f", where the text tells

    def add_person(self, tokens: list[str], pos: int, role: frozenset[str] = frozenset()) -> None:
        name_tokens = strip_titles(tokens)
        if not name_tokens or name_tokens[-1].lower() in ORG_HEADS:
            return
        if len([t for t in name_tokens if t.lower() not in NAME_PARTICLES]) > 4:
            return  # a title-case headline run, not a name
        name = " ".join(name_tokens)
        person = self.persons.setdefault(name, Person(name, pos))
        role = role | {t.lower() for t in tokens[-2:] if t.lower() in POSTNOMINAL_ROLES}  # "Owen Pryce KC"
        if role:
            person.roles.append((role, pos))
        self.note_gender(name, {t.lower() for t in tokens} | role)

    def note_gender(self, name: str, words: set[str] | frozenset[str]) -> None:
        """Record a gender when ``words`` (titles, roles, a common first name) tell one and
        nothing contradicts it. A name of one word is a first name where it is a common one
        ("Nadia said"): a surname alone stands for the full name it was introduced with."""
        first = name.split()[0].lower()
        male = bool(words & MALE_WORDS) or first in MALE_FIRST_NAMES
        female = bool(words & FEMALE_WORDS) or first in FEMALE_FIRST_NAMES
        if male != female and name not in self.genders:
            self.genders[name] = "m" if male else "f"

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
                best is None or (person.first >= 0, len(have), -person.first)
                > (best.first >= 0, len(best.name.split()), -best.first)  # a body introduction beats a headline's
            ):
                best = person
        if best is None and len(keys) == 1:
            return self._misspelt(keys[0])
        return best.name if best else None

    def _misspelt(self, key: str) -> str | None:
        """The one person whose surname a lone name misspells by one letter: a "Whitlok" after
        "Dana Whitlock", "Okafr" after "Ann Okafor" (not "Okafors", a plural, and never a short
        name: "Lowe" is no "Lowes")."""
        if len(key) < SURNAME_TYPO_MIN_LETTERS:
            return None
        found = {person.name for person in self.persons.values() if len(person.name.split()) > 1
                 and _one_letter_apart(skeleton(person.name.split()[-1]), key)}
        return found.pop() if len(found) == 1 else None

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
                words = words.union(*(ROLE_EQUIVALENTS.get(w, ()) for w in words))
                theirs = affiliation(words)
                if not heads & words or (mine and theirs and not mine & theirs) or role & ROLE_RANKS != words & ROLE_RANKS:
                    continue  # (another office: "the former president" is not "Vice President Jo Hale")
                overlap = len(role & words) + (2 if mine and theirs else 0)  # the affiliation agrees
                scored.append((overlap, at if at <= pos else -at - 10**9, person.name))
        if not scored:
            return None
        if mine and not any(o > len(heads & role) + 1 for o, _, _ in scored) and len({n for _, _, n in scored}) > 1:
            return None  # "the Ohio senator" among several senators none of whom the text tied to Ohio
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


def _one_letter_apart(name: str, other: str) -> bool:
    """Whether ``other`` is ``name`` with one letter changed, dropped or added (not an added
    final "s"), the first letter kept."""
    if name == other or name[:1] != other[:1] or other == name + "s" or len(name) < SURNAME_TYPO_MIN_LETTERS:
        return False
    if len(name) == len(other):
        return sum(a != b for a, b in zip(name, other)) == 1
    short, long = sorted((name, other), key=len)
    return len(long) - len(short) == 1 and any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _contains(have: list[str], keys: list[str]) -> bool:
    """Whether ``keys`` occur in order, contiguously, inside ``have``."""
    n = len(keys)
    return any(have[i : i + n] == keys for i in range(len(have) - n + 1))


def affiliation(role: frozenset[str] | set[str]) -> set[str]:
    """The words of a role that are neither titles nor modifiers: {"russian"} in "russian president"."""
    return {w.replace(".", "") for w in role if w not in ROLE_HEADS and w not in ROLE_MODIFIERS
            and w not in DETERMINERS and w not in POSSESSIVES and w not in {"of", "for", "at", "the"}}


def spelled(words: list[Word]) -> list[str]:
    """Name words as the text spells them: a possessive or an apostrophe stays on its word
    ("Renters' Union", "O'Hara"), leading determiners dropped. Words without offsets
    (a headline's) are joined by spaces."""
    words = list(words)
    while words and words[0].lower in DETERMINERS:
        words = words[1:]
    out: list[str] = []
    for k, word in enumerate(words):
        if out and k and word.start >= 0 and words[k - 1].end == word.start:
            out[-1] += word.text
        else:
            out.append(word.text)
    return out


def is_name_word(word: Word) -> bool:
    """A capitalised word that can be part of a personal name (not a title)."""
    return (word.capitalised and word.lower not in NAME_TITLES and word.lower not in DETERMINERS
            and word.lower not in NOT_NAMES and word.ent not in {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY"}
            and not PARTY_STATE.match(word.text))


NAMED_ENTS = frozenset({"ORG", "GPE", "FAC", "NORP", "PERSON", "WORK_OF_ART", "EVENT", "LAW"})
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "miss", "sir", "dame"})


def is_name_at(words: list[Word] | tuple[Word, ...], k: int) -> bool:
    """Whether ``words[k]`` is a name word in its place: a title word ends a name after a
    first name or an honorific ("Dana King", "Mr. Bishop"), but not before one."""
    word = words[k]
    if is_name_word(word):
        return True
    if not word.capitalised or word.lower in DETERMINERS:
        return False
    after = words[k + 1] if k + 1 < len(words) else None
    if word.ent in NAMED_ENTS and after is not None and after.ent == word.ent and after.capitalised:
        return True  # inside one named entity: "New York Times", "General Motors"
    if k == 0:
        # "Dean, a former chairman, ...": a title word alone before an apposition is a surname.
        return after is not None and after.text == "," and word.lower not in HONORIFICS
    before = words[k - 1]
    if after is not None and is_name_word(after):
        return False
    return before.lower in HONORIFICS or (is_name_word(before) and before.ent == "PERSON" == word.ent)


def without_suffixes(words: list[Word]) -> list[Word]:
    """Name words without trailing suffixes or post-nominal letters: "Harriet Lowe MP" -> Harriet Lowe."""
    end = len(words)
    while end > 1 and words[end - 1].lower in NAME_SUFFIXES:
        end -= 1
    return words[:end]


def affiliation_cut(words: list[Word]) -> int | None:
    """Where a person's name meets an institution: the index of "of" in "Nadia Karim of
    Eastbrook University" (a name before it, an organisation ending the phrase)."""
    last = words[-1] if words else None
    if last is None:
        return None
    for k in range(len(words) - 2, 0, -1):
        institution = words[k + 1 :]
        if not (last.lower in ORG_HEADS or last.ent in {"ORG", "FAC", "GPE"}
                or any(w.lower in ORG_HEADS and w.capitalised for w in institution)):
            continue  # "Ada Kern of the Harwell Center for Coastal Studies"
        if words[k].lower in AFFILIATION_WORDS and is_name_word(words[k - 1]) and not words[k - 1].ent in {"ORG", "GPE"}:
            if not any(w.lower in ORG_HEADS for w in words[:k]):
                return k
    return None


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
        name = _name_run_right(words, k + 1) or _kin_name_right(words, k)
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
            elif label == "ORG" and _personal_name(texts):
                cast.add_person(texts, run[0].start)  # "Carly Vance" tagged as an organisation
            elif label in {"ORG", "FAC"}:
                cast.add_org(spelled(run), run[0].start)
            run = []
        if word.ent and word.quote < 0:
            run.append(word)
    return cast


def is_first_name(word: str) -> bool:
    """Whether ``word`` is a common English first name (of either list)."""
    low = word.lower()
    return low in MALE_FIRST_NAMES or low in FEMALE_FIRST_NAMES


def _personal_name(tokens: list[str]) -> bool:
    """A common first name and one or two more name words, none naming an organisation:
    a person whatever the tagger said ("Carly Vance", not "Carly Vance Foundation")."""
    return 2 <= len(tokens) <= 3 and is_first_name(tokens[0]) and not any(
        t.lower() in ORG_HEADS or t.lower() in MEDIA_WORDS or not t[:1].isupper() for t in tokens)


def _joins(words: list[Word], j: int) -> bool:
    """'of' / particles / possessives inside a chunk: "Secretary of State Ana Lindqvist"."""
    word = words[j]
    inside = 0 < j < len(words) - 1 and words[j - 1].capitalised and words[j + 1].capitalised
    return inside and (word.lower in NAME_PARTICLES or word.lower == "of")


def _read_chunk(cast: Cast, words: list[Word], i: int, j: int) -> None:
    chunk = words[i:j]
    verb = next((k for k, w in enumerate(chunk) if k and w.lower in CUE_VERBS), None)
    if verb is not None:  # a headline's "Mara Lind Tells Council ...": the name ends at the verb
        chunk = chunk[:verb]
        if not chunk:
            return
    cut = affiliation_cut(chunk)
    if cut is not None:  # "Historian Nadia Karim of Eastbrook University": a person, then an organisation
        cast.add_org(spelled(chunk[cut + 1 :]), chunk[cut + 1].start)
        chunk = chunk[:cut]
    suffixes = [w.text for w in chunk[len(without_suffixes(chunk)) :]]
    chunk = without_suffixes(chunk)
    k = len(chunk)
    while k > 0 and is_name_at(chunk, k - 1):
        k -= 1
    name, role = chunk[k:], chunk[:k]
    role_words = frozenset(w.lower for w in role)
    if any(w.lower in ORG_HEADS for w in chunk) and not role_words & ROLE_HEADS:
        cast.add_org(spelled(chunk), chunk[0].start)
    elif name and role_words & ROLE_HEADS and not any(w.lower in ORG_HEADS for w in name):
        cast.add_person([w.text for w in name] + suffixes, name[0].start, role_words)
    elif len(name) >= 2 and suffixes:
        cast.add_person([w.text for w in name] + suffixes, name[0].start)


def _name_run_left(words: list[Word], k: int) -> list[Word]:
    i = k
    while i > 0 and (is_name_word(words[i - 1]) or words[i - 1].lower in NAME_SUFFIXES):
        i -= 1
    run = without_suffixes(words[i:k])
    return run if 2 <= len(run) <= 4 else []


def _name_run_right(words: list[Word], k: int) -> list[Word]:
    j = k
    while j < len(words) and is_name_word(words[j]):
        j += 1
    run = words[k:j]
    return run if 2 <= len(run) <= 4 and j < len(words) and words[j].text in {",", "said", "says"} else []


def _kin_name_right(words: list[Word], k: int) -> list[Word]:
    """A first name alone after a family word and a comma: "her husband, Mark," -> [Mark]."""
    if k < 1 or words[k - 1].lower not in KIN_NOUNS or k + 2 >= len(words):
        return []
    name, after = words[k + 1], words[k + 2]
    return [name] if is_name_word(name) and not name.ent == "GPE" and after.text in {",", "said", "says"} else []


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
