"""Rules as data for figures: number words, scales, hedges, units, reporting verbs.

Everything a linguist may want to extend lives here; ``builder.extract.numbers``
and ``builder.extract.figures`` hold only the control flow. All words lower-case.
"""

from __future__ import annotations

# Cardinal number words and their values.
UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
HUNDRED = "hundred"
SCALES: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,  # South Asian English
}
# Scales glued to digits or abbreviated: "1.2m", "€3bn", "250k", "$1.4tn".
SCALE_SUFFIXES: dict[str, float] = {
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12,
}
DOZEN = "dozen"
# Denominators of fractions: "three-quarters", "two-thirds", "half a million".
FRACTIONS: dict[str, float] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10,
}

# Vague quantities: the figure has no exact value; ``low`` holds the least it can mean
# ("thousands" is at least two thousand). Longest first, matched case-insensitively.
VAGUE: dict[str, float] = {
    "hundreds of thousands": 2e5,
    "tens of thousands": 2e4,
    "hundreds of millions": 2e8,
    "tens of millions": 2e7,
    "hundreds of billions": 2e11,
    "tens of billions": 2e10,
    "several hundred": 300, "several thousand": 3e3, "several million": 3e6,
    "a few hundred": 200, "a few thousand": 2e3, "a few million": 2e6,
    "dozens": 24,
    "hundreds": 200,
    "thousands": 2e3,
    "millions": 2e6,
    "billions": 2e9,
}

# Hedges kept as the figure's qualifier, longest first (the regex alternation relies on it).
HEDGES: tuple[str, ...] = (
    "an estimated", "as many as", "as much as", "as few as", "as little as", "upwards of",
    "more than", "fewer than", "less than", "greater than", "at least", "at most", "up to",
    "close to", "just over", "just under", "well over", "nearly", "almost", "around",
    "about", "approximately", "roughly", "some", "over", "under", "estimated", "below",
    "above", "only", "just",
)

# Currency signs before a number, and currency words after one.
CURRENCY_SIGNS: dict[str, str] = {
    "us$": "dollars", "c$": "dollars", "a$": "dollars", "nz$": "dollars", "hk$": "dollars", "s$": "dollars",
    "$": "dollars", "€": "euros", "£": "pounds", "¥": "yen", "₹": "rupees", "rs.": "rupees", "rs": "rupees",
}
# ISO codes written before an amount ("NOK 48m", "EUR 3bn"); matched in capitals only.
CURRENCY_CODES: dict[str, str] = {
    "USD": "dollars", "CAD": "dollars", "AUD": "dollars", "EUR": "euros", "GBP": "pounds",
    "JPY": "yen", "CNY": "yuan", "INR": "rupees", "CHF": "francs", "NOK": "kroner", "SEK": "kronor",
    "DKK": "kroner", "RUB": "roubles", "ZAR": "rand",
}
# Units glued to the digits: "300km", "85p", "40kg". "m" stays a scale ("£300m").
GLUED_UNITS: dict[str, str] = {
    "km": "kilometres", "kg": "kilograms", "mph": "miles per hour", "km/h": "kilometres per hour",
    "kmh": "kilometres per hour", "p": "pence", "mm": "millimetres", "cm": "centimetres",
}
CURRENCY_WORDS: dict[str, str] = {
    "dollars": "dollars", "dollar": "dollars", "euros": "euros", "euro": "euros",
    "pounds": "pounds", "pound": "pounds", "yen": "yen", "yuan": "yuan", "rupees": "rupees",
    "roubles": "roubles", "rubles": "roubles", "hryvnias": "hryvnias",
}
PERCENT_WORDS: dict[str, str] = {
    "%": "percent", "percent": "percent", "per cent": "percent",
    "percentage points": "percentage points", "percentage point": "percentage points",
}
# Durations: singular and plural normalised to the plural the export uses.
TIME_UNITS: dict[str, str] = {
    "year": "years", "years": "years", "month": "months", "months": "months",
    "week": "weeks", "weeks": "weeks", "day": "days", "days": "days",
    "hour": "hours", "hours": "hours", "minute": "minutes", "minutes": "minutes",
    "second": "seconds", "seconds": "seconds", "decade": "decades", "decades": "decades",
    "century": "centuries", "centuries": "centuries",
}
MEASURE_UNITS: dict[str, str] = {
    "km": "kilometres", "kilometres": "kilometres", "kilometers": "kilometres",
    "kilometre": "kilometres", "kilometer": "kilometres", "miles": "miles", "mile": "miles",
    "metres": "metres", "meters": "metres", "tonnes": "tonnes", "tons": "tonnes",
    "barrels": "barrels", "acres": "acres", "hectares": "hectares",
}
# A fraction word is a share ("a third of the vote" = 33.3 percent) when one of these
# follows it ("half their value", "two-thirds of voters") ...
SHARE_FOLLOWERS: frozenset[str] = frozenset("of the their its his her our all as".split())
# ... or one of these stands right before it ("by almost a quarter", "compared with half").
SHARE_LEADS: frozenset[str] = frozenset("by with than to nearly almost about around roughly over under just".split())
# After a fraction word these make it a share whatever stands before: "the two-thirds majority backing".
SHARE_NOUNS: frozenset[str] = frozenset({"majority", "supermajority", "share", "stake"})
# Before a fraction word these make it a part of time or of a match: "the first half".
NOT_SHARE_LEADS: frozenset[str] = frozenset("first second third fourth last final other the".split())
# A vote or seat tally ("passed in a 31-9 vote", "voted 212-198", "a 212-198 seat
# advantage") is two figures, one per side, when one of these words follows it (noun ->
# the subject counted) ...
TALLY_NOUNS: dict[str, str] = {
    "vote": "votes", "votes": "votes", "margin": "votes", "majority": "votes", "tally": "votes",
    "decision": "votes", "ruling": "votes", "seat": "seats", "seats": "seats",
}
# ... or one of these stands right before it ("voted 31-9", "by a vote of 58-21").
TALLY_LEADS: frozenset[str] = frozenset("voted vote votes of".split())
# A number hyphenated to one of these counts it: "the 112-page report", "a six-vote
# majority", "a 12-member panel" (the subject is the plural and the noun after it).
COMPOUND_COUNTS: dict[str, str] = {
    "page": "pages", "vote": "votes", "seat": "seats", "member": "members", "person": "people",
    "man": "men", "woman": "women", "count": "counts", "story": "storeys", "bed": "beds",
}
# Nouns that count people: the figure's unit becomes "people".
PERSON_NOUNS: frozenset[str] = frozenset("""
    people persons person individuals civilians soldiers soldier troops servicemen
    servicemembers fighters militants residents citizens children kids adults women men
    migrants refugees asylum-seekers workers employees staff patients passengers victims
    voters protesters demonstrators students members officers police casualties deaths
    dead wounded injured hostages prisoners inmates detainees evacuees survivors
    firefighters doctors nurses teachers journalists americans
""".split())
# Outcomes that complete a subject: "soldiers (have been) killed" -> "soldiers killed".
OUTCOME_WORDS: frozenset[str] = frozenset("""
    killed wounded injured dead died missing displaced captured arrested detained evacuated
    infected hospitalised hospitalized displaced fired laid-off sold raised spent lost
""".split())
# Words that end a subject noun phrase.
SUBJECT_STOPWORDS: frozenset[str] = frozenset("""
    and or but had have has been were was is are be being will would could should may might
    since in on at to from that who which whom whose as by for with when while after before
    than if because during into over under about this these those it its he she they we you
    i his her their our said says say told according per each a an the not also so ago
    last next earlier later yesterday today tomorrow across through throughout near between
    among amid against without within via including like toward towards inside outside
    around behind beyond despite along following more less fewer
""".split())
SUBJECT_MAX_WORDS = 4
# Verbs that end a subject once it has a word: "people spent the night", "seats became marginal".
# (Any "-ed"/"-ing" word right after a plural noun ends it too: "teams working", "voters backed".)
SUBJECT_VERBS: frozenset[str] = frozenset("""
    spent became become becomes come comes came went go goes work works worked live remain remains
    remained stay stayed say says said face faces faced need needs got get gets took take takes
    made make makes gave give gives left leave leaves fled flee flees rose rise rises fell fall falls
    stood stand stands sat sit ran run runs slept sleep sleep
""".split())
# "two million of them": the subject is the pronoun phrase itself.
OF_PRONOUNS: frozenset[str] = frozenset({"them", "those", "these", "us", "whom", "which", "it"})

# Reporting verbs that say whose figure it is: "X estimated that ...", "..., X said".
REPORTING_VERBS: frozenset[str] = frozenset("""
    said says say estimated estimates estimate reported reports claimed claims told tells
    stated states announced announces wrote writes added adds noted notes put puts insisted
    insists argued argues suggested suggests warned warns confirmed confirms revealed reveals
    disclosed acknowledged admitted estimated calculated counted tallied cited cites
""".split())
ACCORDING_TO = "according to"
# Between a name and its reporting verb: "Smith has also said", "the ministry reportedly said".
VERB_FILLERS: frozenset[str] = frozenset("""
    has had have also previously reportedly recently later earlier then again once
""".split())
PRONOUNS: frozenset[str] = frozenset({"he", "she"})
# Leading words of a capitalised run that are titles, not names.
TITLES: frozenset[str] = frozenset("""
    president prime minister spokesman spokeswoman spokesperson secretary chancellor
    general gen. governor gov. senator sen. rep. representative mayor adviser advisor
    director chief minister deputy leader mr. mrs. ms. dr. prof. king queen prince pope
    ambassador commander colonel envoy premier judge justice lawyer attorney ceo chairman
    chairwoman chair
""".split())
# Capitalised words that start a sentence or a clause but are not part of a name.
NOT_NAME_WORDS: frozenset[str] = frozenset("""
    the a an in on at by for from to of and but or so yet however meanwhile later earlier
    yesterday today tomorrow after before during while when since as if then also still
    he she they we it i you his her their our this that these those there here
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december last next according
""".split())

# --- Things that look like numbers but are not figures -------------------------------
# A number right after one of these words is a label or a reference: "Section 230".
LABEL_WORDS: frozenset[str] = frozenset("""
    section article page pages p. pp. chapter paragraph clause part rule title amendment
    resolution no. number # flight route highway interstate room gate platform level
    category phase stage season episode vol. volume issue figure table version bill
    act article. line apollo hotline helpline
""".split())
# Words that end a street name: "10 Downing Street" is an address, not a figure.
STREET_WORDS: tuple[str, ...] = (
    "Street", "St", "St.", "Road", "Rd", "Rd.", "Avenue", "Ave", "Ave.", "Lane", "Boulevard",
    "Blvd", "Square", "Place", "Drive", "Way", "Court", "Terrace", "Crescent",
)
# Street words written before the name: "218 Avenida Colón", "14 Rue Cler".
STREET_PREFIXES: tuple[str, ...] = (
    "Avenida", "Avenue", "Rue", "Calle", "Via", "Rua", "Boulevard", "Carrer", "Strasse", "Plaza", "Piazza",
)
# Lower-case words that may join the parts of a name: "Office for National Statistics".
NAME_CONNECTORS: frozenset[str] = frozenset({"of", "for", "and", "de", "on"})
# "father of two": family status in a biography, not a figure.
FAMILY_WORDS: frozenset[str] = frozenset("""
    father mother parent dad mum mom grandfather grandmother grandparent
""".split())
# After these, a number (or a list of them: "ages 12, 8, 6 and 3") is an age, not a figure.
AGE_LEADS: frozenset[str] = frozenset({"age", "ages", "aged"})
# Before a spelled-out number below ten these make it a reference to known things
# ("the two leaders", "their three children"), not a claim of how many there are.
REFERENTIAL_DETERMINERS: frozenset[str] = frozenset("""
    the these those all its their his her our your my
""".split())
REFERENTIAL_MAX = 10
# After a number: it is a time of day.
TIME_OF_DAY_SUFFIXES: tuple[str, ...] = (
    "a.m.", "p.m.", "am", "pm", "a.m", "p.m", "o'clock", "gmt", "utc", "bst", "cet", "et", "est", "edt",
    "pt", "pst", "pdt",
)
# After a duration these make it a point in time ("five years ago"), not an amount.
TIME_POINT_AFTER: frozenset[str] = frozenset({"ago", "earlier", "later", "before", "previously"})
# After "in a year" these make it a time, not a duration: "in a year when neither party ...".
DURATION_NOT_BEFORE: frozenset[str] = frozenset({"when", "where", "that", "which", "of"})
# Before a counted noun these belong to the subject: "29 more seats", "3,000 extra staff".
SUBJECT_COMPARATIVES: frozenset[str] = frozenset({"more", "fewer", "less", "extra", "additional", "new"})
# Years: a bare four-digit number in this range is a year unless it counts something.
YEAR_MIN, YEAR_MAX = 1000, 2099

# --- Subjects written before the figure ----------------------------------------------
# Nouns naming the measure a number follows: "magnitude 7.1", "a magnitude 6.8 tremor".
MEASURE_BEFORE: frozenset[str] = frozenset({"magnitude", "turnout", "score", "rating", "index"})
# Verbs linking a level or a change to its number: "turnout was 61.4%", "the toll rose to
# 1,200", "net profit rose to $610m", "shares closed up 8.7%". The noun phrase opening the
# clause is then what is counted.
LEVEL_VERBS: frozenset[str] = frozenset("""
    was is were are stood stands rose rises risen fell falls fallen climbed climbs jumped jumps
    grew grows slipped slips dropped drops declined declines increased increases decreased
    decreases widened narrowed reached reaches hit hits totalled totaled totals came soared
    surged slumped tumbled gained closed ended reached edged be
""".split())
# Words between such a verb and the number: "rose to", "closed up", "fell by".
# The clause before such a verb is read back at most this many words.
SUBJECT_CLAUSE_MAX_WORDS = 24
# Verbs taking the measure as object: "expects operating profit of $1bn" counts the profit.
VERBS_BEFORE_OBJECT: frozenset[str] = frozenset("""
    expects expect expected forecasts forecast sees see posts post posted targets target
    reports report booked books
""".split())
LEVEL_PARTICLES: frozenset[str] = frozenset({"to", "by", "at", "up", "down", "about", "nearly", "almost"})
# Words opening a clause before its subject: "as the number of deaths climbed to".
CLAUSE_OPENERS: frozenset[str] = frozenset("""
    as while and but when whereas although though so yet then meanwhile
""".split())
# Determiners and possessives skipped at the start of a noun phrase.
DETERMINERS: frozenset[str] = frozenset("""
    the a an his her their its our my your this that these those
""".split())
# Nouns that only wrap an amount ("a figure of €2bn", "to the tune of $5m", "a sum of"):
# what is counted is the object of the verb they belong to, or nothing.
SUBJECT_WRAPPERS: frozenset[str] = frozenset({"tune", "figure", "sum", "amount", "total", "all"})
# Subjects read after a number that only wrap it ("in all", "figure"): the parse decides.
WRAPPER_SUBJECTS: frozenset[str] = frozenset({"in all", "all", "tune", "figure", "sum", "amount", "total"})
# "the number of confirmed deaths": the counted noun is after "of".
COUNT_WRAPPERS: frozenset[str] = frozenset({"number", "total", "tally", "count"})
# Nouns of change: "a 12% rise in annual revenue" counts the revenue.
CHANGE_NOUNS: frozenset[str] = frozenset("""
    rise increase fall drop decline jump gain growth slump cut reduction
""".split())
# Before a number without its own noun, these carry over the previous figure's subject:
# "revenue of $4.2bn, up 12%", "rose 9.4% to $71.30", "turnout 61.4%, up from 58.2%".
CARRY_OVER_BEFORE: frozenset[str] = frozenset({"up", "down", "from", "to"})
# After a date, these make the number a past or future figure of its own: the subject
# gets the year ("people killed (1998)"). A year after "since" starts a span up to now,
# unless a "when" clause follows ("since 1998, when a tremor killed 2,300 people").
ERA_SKIP_BEFORE: frozenset[str] = frozenset({"since"})
# An era counts when the date lies this many days before publication, or in a later year.
ERA_MIN_DAYS = 365
# A figure marked as an earlier value: "rose to $610m from $498m", "a year earlier".
PREVIOUS_AFTER: tuple[str, ...] = ("a year earlier", "a year ago", "the year before", "previously")
# A later clause with its own subject: a date before it is not the figure's.
CLAUSE_CONJUNCTIONS: frozenset[str] = frozenset({"while", "but", "whereas", "although", "and", "as"})
