"""Rules for aligning claims across outlets, as data: synonyms, stop words, thresholds.

``builder.align.compare`` (normalising and judging) and ``builder.align``,
``builder.align.figures`` and ``builder.align.dates`` (grouping) read these;
a linguist can tune them without reading control flow.
"""

from __future__ import annotations

import re

# --- normalising quotations -------------------------------------------------------

# Editorial insertions inside a quotation: "He (the minister) wants", "[the minister]".
BRACKETED = re.compile(r"\s*(?:\([^()]{0,80}\)|\[[^\[\]]{0,80}\])")
# ... but one word in square brackets is the editor's word standing in the speaker's
# sentence ("We will fund [all] repairs"): it stays, without its brackets.
BRACKETED_WORD = re.compile(r"\[([^\W\d_][\w'\u2019-]*)\]")
# Marks of cut words: "…", "...", ". . ." (also ". . . ." at a sentence end).
ELLIPSIS = re.compile(r"\u2026|\.(?:\s?\.){2,}")
# "&" is the word "and": "jobs & housing" = "jobs and housing".
AMPERSAND = re.compile(r"\s*&\s*")
# An abbreviation written with dots is the same word without them: "F.B.I." = "FBI".
DOTTED_ABBREVIATION = re.compile(r"(?:[a-z]\.){2,}")
# A word written with asterisks ("f***ing", "s**t") is the word it hides: the first of
# these with the same first letter, ending and length (matching only; the text stays).
CENSORED = re.compile(r"([A-Za-z])(\*+)([A-Za-z]*)")
UNCENSORED: tuple[str, ...] = (
    "fucking", "fucked", "fucker", "fuck", "shit", "shitty", "bullshit", "bitch", "bastard", "damn",
    "damned", "hell", "ass", "asshole", "crap", "dick", "piss", "pissed", "motherfucker",
)
# Apostrophes and single quotation marks written in various ways.
APOSTROPHES = "\u2018\u2019\u201a\u201b\u2032\u00b4`"
# Dashes and hyphens: a dash separates words, it never carries meaning for the match.
DASHES = re.compile(r"[\u2010-\u2015\u2212\-]+")
# One word of a quotation (after lower-casing): letters/digits with inner apostrophes,
# periods (U.S.) or commas/points inside numbers (45,100 / 1.5).
WORD = re.compile(r"[^\W\d_]\*+[^\W\d_]*|\d+(?:[.,]\d+)*|[^\W\d_]+(?:[.'][^\W\d_]+)*\.?|[^\W_]+")
# Contraction endings split off as their own token, so that "I'd rather" and
# "I better" share the "I": a changed contraction is one changed word, not two.
CONTRACTION = re.compile(r"^(.+?)('(?:d|ll|re|ve|s|m)|n't)$")
# British and US spellings of one word compare equal: each rule rewrites a normalised
# (lower-case) word to the US form; the displayed words keep the spelling as written.
# Rules apply in order, the first that matches wins; SPELLING_WORDS first.
# "-our": a listed set of stems only ("four", "tour", "your" stay as they are).
_OUR_STEMS = ("arb|ard|arm|behavi|cand|clam|col|endeav|fav|ferv|flav|glam|harb|hon|hum|"
              "lab|neighb|od|parl|rig|rum|sav|savi|splend|tum|val|vap|vig")
# "-re": a listed set of stems, with metric prefixes ("kilometre").
_RE_STEMS = "calib|cent|fib|lit|lust|meag|met|sab|somb|spect|theat"
# Doubled l before an ending (travelled/traveled): a listed set of verbs only, as
# "filled"/"filed" are other words.
_LL_STEMS = ("barrel|cancel|channel|chisel|counsel|dial|duel|equal|fuel|funnel|grovel|"
             "jewel|label|level|libel|marshal|marvel|model|panel|pedal|quarrel|rival|"
             "shovel|signal|snorkel|total|travel|tunnel|unravel")
SPELLING_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"^((?:{_OUR_STEMS}))our(s|ed|ing|ite|ites|able|ably|er|ers|hood|hoods|ly|y)?$"),
     r"\1or\2"),
    # -ise/-ize, -isation/-ization, -yse/-yze: fold every z form to s (both sides of a
    # comparison), so no list of -ise words that never take z ("advise") is needed.
    (re.compile(r"^(\w{2,}[iy])z(e|es|ed|ing|er|ers|ation|ations|ational)$"), r"\1s\2"),
    (re.compile(rf"^((?:kilo|centi|milli)?(?:{_RE_STEMS}))re(s)?$"), r"\1er\2"),
    (re.compile(rf"^((?:kilo|centi|milli)?(?:{_RE_STEMS}))r(ed|ing)$"), r"\1er\2"),
    (re.compile(r"^(\w+(?:log|gog))ue(s)?$"), r"\1\2"),
    (re.compile(rf"^((?:{_LL_STEMS}))l(ed|ing|er|ers)$"), r"\1\2"),
)
# Words no ending rule covers: British form -> US form.
SPELLING_WORDS: dict[str, str] = {
    "defence": "defense", "defences": "defenses", "offence": "offense", "offences": "offenses",
    "licence": "license", "licences": "licenses", "pretence": "pretense",
    "grey": "gray", "greys": "grays", "programme": "program", "programmes": "programs",
    "manoeuvre": "maneuver", "manoeuvres": "maneuvers", "aluminium": "aluminum",
    "plough": "plow", "sceptic": "skeptic", "sceptical": "skeptical", "mould": "mold",
    "smoulder": "smolder", "smouldering": "smoldering", "jewellery": "jewelry",
    "enrolment": "enrollment", "instalment": "installment", "fulfil": "fulfill",
    "skilful": "skillful", "wilful": "willful", "anaemia": "anemia", "paediatric": "pediatric",
    "haemorrhage": "hemorrhage", "foetus": "fetus", "oestrogen": "estrogen",
    "leukaemia": "leukemia", "orthopaedic": "orthopedic", "encyclopaedia": "encyclopedia",
    "pyjamas": "pajamas", "cosy": "cozy", "draught": "draft",
    "storey": "story", "storeys": "stories", "learnt": "learned", "spelt": "spelled", "dreamt": "dreamed",
    "burnt": "burned", "spoilt": "spoiled",
}
# Number style: "two million" = "2 million" = "2,000,000" (values read by
# ``builder.extract.numbers.parse_number``). Words that stay inside a run of number
# words only between two of them: "two hundred and fifty", "a million".
# An article can also open one ("a million"); "and" never does ("me and two others").
NUMBER_ARTICLES: frozenset[str] = frozenset({"a", "an"})
NUMBER_JOINERS: frozenset[str] = NUMBER_ARTICLES | {"and"}

# Words that carry no content: ignored when blocking candidates and by ids.
STOP_WORDS: frozenset[str] = frozenset("""
    a an the and or but if of to in on at by for with from as is are was were be been
    being it its it's this that these those there here i i'm me my we our you your he
    him his she her they them their not no so do does did have has had will would can
    could should may might must just than then too very also about into over out up
    what which who whom when where why how all any some more most such only own same
    'd 'll 're 've 's 'm n't s said says say
""".split())

# Two credits are one person when one name is the other with a letter changed in a word of
# at least this many letters ("Mariela Quintero" / "Mariella Quintero"), the other words the same.
NAME_TYPO_MIN_LETTERS = 5

# --- thresholds for quotations ----------------------------------------------------

# Two versions are the same quotation when the longest common word sequence covers
# at least this share of BOTH (changed words and trimming allowed).
SAME_QUOTE_COVERAGE = 0.6
# ... or, for short quotations (both at most SHORT_QUOTE_WORDS words), when their
# character-level similarity (rapidfuzz ratio, 0-100) reaches this: "I'd rather not
# say" and "I'd better not say" differ by one word in four.
SHORT_QUOTE_WORDS = 6
SHORT_QUOTE_RATIO = 85.0
# A quotation with no speaker, or credited to another speaker, must match more
# strongly: the words alone have to say it is the same quotation.
UNATTRIBUTED_COVERAGE = 0.8
OTHER_SPEAKER_COVERAGE = 0.9
OTHER_SPEAKER_MIN_WORDS = 6
# A short quotation is part of a longer one (partial quoting) when at least this
# share of its words lines up, in order, with one passage of the longer one ...
PART_COVERAGE = 0.7
# ... or at least PART_MIN_SHARE of its words line up and the passage reads nearly the
# same letter by letter (rapidfuzz ratio): "many different communications are
# emerging" inside "... many different communications arise. ..."
PART_MIN_SHARE = 0.5
PART_FUZZY_RATIO = 80.0
# ... and it has at least this many words (shorter ones are fragments' business).
PART_MIN_WORDS = 4
# The parts of a split quotation are two claims, each with another outlet's version that
# holds both, unless one part has at most this many words ("I hope it's fast," he said.
# "Every day ..."): a lead-in that short is no statement of its own and joins the rest.
SPLIT_LEAD_MAX_WORDS = 4
# A version cut by an ellipsis ("We waited for months ... now the money is
# gone, ...") is also compared passage by passage: a passage of at least this many words
# that lines up with another quotation (PART_COVERAGE) makes the two one claim.
SEGMENT_MIN_WORDS = 6
# ... and each sentence of a quotation of several, of at least SEGMENT_MIN_WORDS words, that
# lines up with another quotation but for at most one word in seven ("what have the owners
# been offering" inside "At the port, what have the owners been doing, ..."): the sentence
# another outlet quoted amid words of its own. Two similar sentences the speaker said on two
# occasions ("the owners broke the deal" / "it's like the owners tore up the deal") differ by more.
SENTENCE_COVERAGE = 0.85
# When two parts of a split quotation land in the same longer quotation, at most
# this many words of the longer one may lie between them for the parts to count as
# one utterance; a wider gap means the reporter quoted two separate passages.
SPLIT_MAX_GAP = 1
# ... or up to this many words when they are the rest of the first part's sentence (the
# reporter trimmed its end: "mistakes were made," he said. "He does not ..." against
# "mistakes were made at the plant. He does not ..."): still one passage.
SPLIT_TRIMMED_TAIL = 8
# Punctuation that ends a sentence inside a quotation.
SENTENCE_END = re.compile(r"[.!?]")
# Two clusters of versions join only if, on average over their pairs, a version shares
# this share of the shorter one's words: a guard against chains of "similar to
# something similar" gluing unrelated quotes.
CLUSTER_COHERENCE = 0.5

# A fragment of one word joins a claim only by an exact match: a single word found
# inside a longer quotation is no evidence that it was taken from there.
FRAGMENT_CONTAINMENT_MIN_WORDS = 2
# A fragment nobody is credited with joins a quotation of another article that holds it
# only with at least this many words ("rent-strikers", "will be cleared"); a single
# word, only its own article's quotation.
UNCREDITED_FRAGMENT_WORDS = 2
# Leading words two outlets may add or drop around the same scare quote: "a slush fund"
# and "slush fund", "a sham process" and "sham process" are one fragment.
FRAGMENT_DETERMINERS: frozenset[str] = frozenset("""
    a an the some this that these those his her their its our my your
""".split())

# --- figures ----------------------------------------------------------------------

# Words of a figure's subject that mean the same thing: each maps to one canonical word.
SUBJECT_SYNONYMS: dict[str, str] = {
    "troops": "soldiers", "troop": "soldiers", "soldier": "soldiers", "servicemen": "soldiers",
    "serviceman": "soldiers", "service": "soldiers", "personnel": "soldiers",
    "servicemembers": "soldiers", "fighters": "soldiers",
    "dead": "killed", "died": "killed", "deaths": "killed", "death": "killed",
    "dying": "killed", "fatalities": "killed", "lives": "killed", "casualties": "killed",
    "slain": "killed", "killing": "killed", "kills": "killed",
    "injured": "wounded", "injuries": "wounded", "hurt": "wounded",
    "civilian": "civilians", "person": "people", "persons": "people", "individuals": "people",
    "u.s.": "american", "americans": "american",
    "ukrainians": "ukrainian", "russians": "russian",
    "dollar": "dollars", "usd": "dollars", "pct": "percent",
    "toll": "killed", "blocks": "buildings", "block": "buildings",
}
# Words dropped from a subject before comparing: "soldiers who were killed" = "soldiers killed".
SUBJECT_STOP_WORDS: frozenset[str] = frozenset("""
    a an the of who which that were was have has had been being by in on at some
    approximately about around nearly almost over more than least estimated total
    global annual overall confirmed
""".split())
# Subject words that make another figure: "previous revenue", "more seats" ("(1998)",
# any year, too); a shorter subject never joins a longer one by these.
SUBJECT_MARKERS: frozenset[str] = frozenset({"previous", "more", "fewer", "extra", "additional", "new"})
# Sentences of two figures of one subject read alike at least this much (rapidfuzz
# token_set_ratio of content words) to be one figure when an article gives several.
FIGURE_CONTEXT_MIN = 60
# Head nouns of subjects that name the same quantity in news (singular): each maps to one.
# Only the head counts: "marchers", "protesters" and "demonstrators" are one crowd; the
# verb ("gathered", "protested") never is part of it.
HEAD_SYNONYMS: dict[str, str] = {
    "marcher": "protester", "demonstrator": "protester", "protestor": "protester",
    "package": "plan", "proposal": "plan", "bill": "plan", "measure": "plan", "legislation": "plan",
    "troop": "soldier", "serviceman": "soldier", "servicemember": "soldier",
    "death": "killed", "fatality": "killed", "toll": "killed", "casualty": "killed",
    "injury": "wounded", "person": "people", "individual": "people", "lawmaker": "legislator",
    "legislator": "legislator", "congressman": "legislator", "vote": "vote", "ballot": "vote",
    "home": "house", "dwelling": "house", "fund": "money", "funding": "money", "cash": "money",
    "odd": "chance", "probability": "chance", "likelihood": "chance",
}
# Heads too general to make two other values one figure: "6,000 people" and "23,500
# people" count other things unless more is said.
GENERIC_HEADS: frozenset[str] = frozenset({"people", "percent", "time", "year", "day", "thing", "one"})
# Words that end the noun phrase whose last word is the head: "risk of flooding".
HEAD_STOPS: frozenset[str] = frozenset("""
    of in on at for from to by with out than who which that whom them those these it
    all tune figure sum amount total
""".split())
IRREGULAR_PLURALS: dict[str, str] = {
    "men": "man", "women": "woman", "freshmen": "freshman", "children": "child", "people": "people",
    "news": "news", "series": "series", "percent": "percent", "votes": "vote", "odds": "chance",
}
# Words after the head that say what happened to it, not what it is: "rescue package failed".
OUTCOME_VERBS: frozenset[str] = frozenset("""
    killed wounded injured dead died missing displaced arrested evacuated failed passed
    running waiting voted approved
""".split())
# Units of money: a large amount is distinctive enough to align by value alone.
MONEY_UNITS: frozenset[str] = frozenset({"dollars", "euros", "pounds", "yen", "yuan", "rupees",
                                         "roubles", "francs", "kroner", "kronor", "rand", "hryvnias"})
DISTINCTIVE_MONEY = 1e6
# A value with at least this many significant digits ("187", "513", "45,100") rarely
# recurs by chance in one story; "2", "10" or "300" do.
DISTINCTIVE_DIGITS = 2
# Two figures of the same distinctive value, one without a subject, join when their
# sentences share at least this much (rapidfuzz token_set_ratio of content words).
SAME_VALUE_CONTEXT_MIN = 30
# A value repeated in one article (its subject unsaid or the same) is the surest sign of
# one figure: it joins (score) before any pair across articles but the same head and value (3).
SAME_ARTICLE_REPEAT = 2.5
# Two figures of the same distinctive value under other head nouns ("two-thirds of the
# seats", "the two-thirds majority backing") join only when their sentences share this much.
OTHER_HEAD_CONTEXT_MIN = 50
# The values a hedge allows around its number, as factors: "more than $300 million" allows
# $342 million, "about 300" allows 280; the figures still differ, but they are one claim.
HEDGE_RANGES: dict[str, tuple[float, float]] = {
    "more than": (1.0, 1.25), "over": (1.0, 1.25), "at least": (1.0, 1.25), "upwards of": (1.0, 1.25),
    "just over": (1.0, 1.1), "well over": (1.0, 1.5), "greater than": (1.0, 1.25), "above": (1.0, 1.25),
    "less than": (0.8, 1.0), "fewer than": (0.8, 1.0), "under": (0.8, 1.0), "below": (0.8, 1.0),
    "just under": (0.9, 1.0), "up to": (0.8, 1.0), "at most": (0.8, 1.0), "as many as": (0.8, 1.0),
    "as much as": (0.8, 1.0), "nearly": (0.9, 1.0), "almost": (0.9, 1.0), "close to": (0.9, 1.05),
    "about": (0.9, 1.1), "around": (0.9, 1.1), "approximately": (0.9, 1.1), "roughly": (0.9, 1.1),
    "some": (0.9, 1.1), "an estimated": (0.9, 1.1), "estimated": (0.9, 1.1),
}
# A value that is another rounded to its own digits, keeping at least this many, agrees
# with it: "$1.4 billion" and "$1.375 billion" (the difference is shown as minor).
ROUNDING_MIN_DIGITS = 2
# ... where the rounded one is written with a scale: "1.4 billion", "$2.5m", "3.2bn".
ROUNDED_AMOUNT = re.compile(r"\d(?:[ \u00a0]?(?:thousand|million|billion|trillion)\b|(?:k|m|mn|bn|tn)\b)", re.IGNORECASE)
# Two sources' values are not a contested figure where one is the other rounded to its own
# digits and they lie within this share of each other: "$500 million" retells "$512 million"
# (the outlets differ on the number), a crowd of 300 against 340 is two estimates.
RETOLD_MAX_SHARE = 0.05
# Two outlets' other values for one subject are one claim when the larger is at most this
# many times the smaller (or their sentences read alike, or two sources give them):
# "about 400 people" at a vigil and "up to 1,000 people a day" at a clinic are two.
VALUE_SPREAD_MAX = 2.0
# Units a figure without one never takes from others of its subject.
SHARE_UNITS: frozenset[str] = frozenset({"percent", "percentage points"})
# Two values are the same figure when they differ by at most this share.
VALUE_TOLERANCE = 0.001

# --- dates ------------------------------------------------------------------------

# Words that name a date rather than an event: not evidence that two sentences talk
# about the same thing.
DATE_WORDS: frozenset[str] = frozenset("""
    january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
    thursday friday saturday sunday today yesterday tomorrow week weeks month months
    year years day days last next this early late mid ago earlier later since
""".split())
# Words of a date's sentence that say when or how it was reported, not what happened.
EVENT_STOP_WORDS: frozenset[str] = frozenset("""
    during before after while amid following ahead according reported
""".split())
# Sentences about one event share words once inflection and derivation are folded: a
# light stemmer replaces the first of these endings that leaves at least STEM_MIN_LENGTH
# letters, then drops a final "e": "invaded", "invading", "invade" -> "invad";
# "escalation", "escalated" -> "escalat" (and "escalation" never meets "invasion").
STEM_ENDINGS: tuple[tuple[str, str], ...] = (
    ("ies", "y"), ("ied", "y"), ("ings", ""), ("ing", ""), ("ions", ""), ("ion", ""),
    ("ments", ""), ("ment", ""), ("ed", ""), ("es", ""), ("s", ""),
)
STEM_MIN_LENGTH = 3
# Forms the endings cannot fold, mapped to the word they belong to: nominalisations
# that change the stem and irregular past forms. Same word family only, no synonyms.
WORD_FORMS: dict[str, str] = {
    "invasion": "invade", "decision": "decide", "collision": "collide",
    "explosion": "explode", "division": "divide", "conclusion": "conclude",
    "inclusion": "include", "exclusion": "exclude", "extension": "extend",
    "suspension": "suspend", "expansion": "expand", "admission": "admit",
    "permission": "permit", "submission": "submit", "intrusion": "intrude",
    "occupation": "occupy", "annexation": "annex", "resignation": "resign",
    "death": "die", "died": "die",
    "began": "begin", "begun": "begin", "met": "meet", "spoke": "speak", "spoken": "speak",
    "took": "take", "taken": "take", "fought": "fight", "won": "win", "lost": "lose",
    "held": "hold", "left": "leave", "sent": "send", "struck": "strike", "told": "tell",
    "went": "go", "gone": "go", "came": "come", "fell": "fall", "fallen": "fall",
    "rose": "rise", "risen": "rise", "broke": "break", "broken": "break", "chose": "choose",
    "chosen": "choose", "gave": "give", "given": "give", "flew": "fly", "flown": "fly",
    "ran": "run", "wrote": "write", "written": "write", "saw": "see", "seen": "see",
    "shot": "shoot", "led": "lead", "sought": "seek", "brought": "bring", "bought": "buy",
    "caught": "catch", "stood": "stand", "paid": "pay", "sold": "sell", "fled": "flee",
}
# Two date mentions with compatible dates are about the same event when the
# idf-weighted share of event words (stems) their sentences have in common reaches
# this. Two articles naming the same full day need no shared words at all (see
# builder.align.dates, step 2).
SAME_EVENT_SIMILARITY = 0.3
# With incompatible dates, the sentences must agree much more before we call it the
# same event reported with another date (a date discrepancy).
CONFLICTING_EVENT_SIMILARITY = 0.6

# --- discrepancies and titles -----------------------------------------------------

# An omission is reported for a claim that at least this share of the story's
# outlets carry, and only when the story has at least OMISSION_MIN_OUTLETS outlets.
OMISSION_SHARE = 0.5
OMISSION_MIN_OUTLETS = 3
# Claim titles are cut at a word boundary near this many characters.
TITLE_CHARS = 80

# --- how titles read (builder.align.titles) ------------------------------------------

# A figure with no countable subject is titled by its own words: at most this many
# words of its clause before it.
TITLE_PHRASE_WORDS = 6
# Subjects that name nothing a reader could count ("two million of them").
WEAK_SUBJECT_WORDS = frozenset(
    "of them it they those these this that he she we us you one some all each both".split())
# How a value shows its unit: signs before it, signs glued after it, words otherwise
# (a count of people needs no word: the subject says who).
UNIT_PREFIXES = {"dollars": "$", "euros": "\u20ac", "pounds": "\u00a3", "yen": "\u00a5"}
UNIT_SUFFIXES = {"percent": "%", "people": ""}
# Durations (always titled by their own words: what lasted is not their subject), and
# the singular of a unit for the value 1 ("about 1 week").
DURATION_UNITS = frozenset(
    "years months weeks days hours minutes seconds decades centuries".split())
UNIT_SINGULAR = {
    "years": "year", "months": "month", "weeks": "week", "days": "day", "hours": "hour",
    "minutes": "minute", "seconds": "second", "decades": "decade", "centuries": "century",
    "kilometres": "kilometre", "miles": "mile", "metres": "metre", "tonnes": "tonne",
    "barrels": "barrel", "acres": "acre", "hectares": "hectare",
}
# A title cut at a word never ends on one of these (it would read as cut mid-phrase).
TITLE_DANGLING_WORDS = frozenset(
    "a an the to of in on at for with by from and or but that which who whom whose his her "
    "its their our your my as than if is are was were be been has have had would will could "
    "should can may might must not no so about into onto over under".split())
# A date's event is a short label, cut near this many characters (the day follows it).
DATE_EVENT_CHARS = 56
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# A sentence opening with a phrase that holds the date names the event in that phrase:
# "During an interview aboard Air Force One on Friday, Trump said ..." (the date and its
# preposition already removed).
DATE_EVENT_OPENERS = re.compile(
    r"^(?:during|in|at|after|before|following|amid|ahead of)\s+"
    r"(?P<event>(?:an?|the|his|her|their|its)\s+.+)$", re.IGNORECASE)
# Sentence adverbs that open a sentence without saying what happened.
SENTENCE_ADVERBS = re.compile(
    r"^(?:however|meanwhile|still|also|but|and|yet|moreover|separately)\b,?\s*", re.IGNORECASE)
