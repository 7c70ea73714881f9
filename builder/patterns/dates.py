"""Rules as data for dates: month and weekday names, relative expressions, tense cues.

``builder.extract.dates`` builds its regular expressions from these tables; to teach
it a new word, add it here.
"""

from __future__ import annotations

# Month names and abbreviations as written in English news ("Feb.", "Sept.").
MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# A bare month ("in January") is a date only after one of these words: it keeps out
# the verb "may", "march on" and names such as "April Smith".
MONTH_LEADS: tuple[str, ...] = (
    "in", "since", "by", "until", "till", "from", "through", "throughout", "during", "of",
    "early", "late", "mid", "mid-", "last", "next", "this", "before", "after", "between",
    "and", "to", "on", "into",
)
# The same leads opening a sentence: "In March, ...", "Last September ...".
MONTH_LEADS_CAPITALISED: tuple[str, ...] = tuple(
    w.capitalize() for w in MONTH_LEADS if w in ("in", "since", "by", "until", "from", "through",
                                                  "throughout", "during", "early", "late", "last",
                                                  "next", "this", "before", "after"))
# A year written with an apostrophe ("the campaign of '08") only after one of these words.
SHORT_YEAR_LEADS: tuple[str, ...] = ("in", "of", "since", "from", "until", "by", "and", "to",
                                     "before", "after", "class of")
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
# Parts of a period kept in the mention's text but not in its precision: "early 2022" is 2022.
PERIOD_PARTS: tuple[str, ...] = ("early", "late", "mid", "the end of", "the start of",
                                 "the beginning of", "the middle of", "earlier", "later")

# Relative expressions resolved against the publication date: phrase -> (unit, offset).
# unit "day" resolves to YYYY-MM-DD, "month" to YYYY-MM, "year" to YYYY; "week" and
# "weekend" have no ISO precision of their own and resolve to None (still a mention).
RELATIVE: dict[str, tuple[str, int]] = {
    "today": ("day", 0), "tonight": ("day", 0), "this morning": ("day", 0),
    "this afternoon": ("day", 0), "this evening": ("day", 0),
    "yesterday": ("day", -1), "tomorrow": ("day", 1),
    "the day before yesterday": ("day", -2), "the day after tomorrow": ("day", 2),
    "last night": ("day", -1),
    "this week": ("week", 0), "last week": ("week", -1), "next week": ("week", 1),
    "the following week": ("week", 1), "the previous week": ("week", -1),
    "the week before": ("week", -1), "the week after": ("week", 1),
    "earlier this week": ("week", 0), "later this week": ("week", 0),
    "this weekend": ("weekend", 0), "last weekend": ("weekend", -1), "next weekend": ("weekend", 1),
    "this month": ("month", 0), "last month": ("month", -1), "next month": ("month", 1),
    "earlier this month": ("month", 0), "later this month": ("month", 0),
    "the following month": ("month", 1), "the previous month": ("month", -1),
    "this year": ("year", 0), "last year": ("year", -1), "next year": ("year", 1),
    "earlier this year": ("year", 0), "later this year": ("year", 0),
    "the following year": ("year", 1), "the previous year": ("year", -1),
}
# Relative expressions counted from the date the text has just named, not from the
# publication date: "In May ... The following month" is June.
ANCHORED_RELATIVE: frozenset[str] = frozenset({
    "the following week", "the previous week", "the week before", "the week after",
    "the following month", "the previous month", "the following year", "the previous year",
    "the following day", "the next day", "the previous day", "the day before", "the day after",
})
RELATIVE.update({"the following day": ("day", 1), "the next day": ("day", 1),
                 "the previous day": ("day", -1), "the day before": ("day", -1),
                 "the day after": ("day", 1)})
# Words before a date without a year that point back to a date already named: "at that
# March 2 event" (after "a 2008 event") is in the year last written.
BACK_REFERENCES: tuple[str, ...] = ("that", "the same", "those")
# Holidays as dates: name -> (month, day) for fixed ones, or (month, weekday, n) for the
# n-th weekday of the month (n = -1: the last; Election Day: the Tuesday after the first
# Monday of November, i.e. the first Tuesday on or after November 2).
HOLIDAYS_FIXED: dict[str, tuple[int, int]] = {
    "Christmas Day": (12, 25), "Christmas Eve": (12, 24), "Christmas": (12, 25),
    "New Year's Day": (1, 1), "New Year's Eve": (12, 31), "Independence Day": (7, 4),
    "the Fourth of July": (7, 4), "Veterans Day": (11, 11), "Boxing Day": (12, 26),
    "Halloween": (10, 31), "Valentine's Day": (2, 14),
}
HOLIDAYS_WEEKDAY: dict[str, tuple[int, int, int]] = {
    "Thanksgiving Day": (11, 3, 4), "Thanksgiving": (11, 3, 4), "Labor Day": (9, 0, 1),
    "Memorial Day": (5, 0, -1), "Martin Luther King Day": (1, 0, 3),
    "Presidents' Day": (2, 0, 3), "Presidents Day": (2, 0, 3),
}
ELECTION_DAY = "Election Day"
# A holiday's name is a date only when the next word is one of these (or punctuation):
# "before Thanksgiving", "on Election Day earlier this month", "a dismal Election Day for
# the party"; in "Thanksgiving parades", "the Thanksgiving Parade" or "a Christmas-themed
# event" it names a thing.
HOLIDAY_FOLLOWERS: frozenset[str] = frozenset("""
    for in on at to and or but when with by from earlier later last this next that which
    as after before since until is was will would had has have eve weekend morning night
""".split())
# A holiday named without a year is the nearest one to publication when it lies within
# this many days; further off, the tense decides (the next one, or the last one).
HOLIDAY_NEAR_DAYS = 45

# "12 years ago", "three months ago": a date counted back from publication (unit -> the
# precision it resolves to; weeks have none).
AGO_UNITS: dict[str, str] = {"year": "year", "years": "year", "month": "month", "months": "month",
                             "day": "day", "days": "day", "week": "week", "weeks": "week"}
# A dateline opening a paragraph ("LONDON, Feb 9 (Reuters) -") dates the article, not an
# event: its date is never a mention.
DATELINE = r"(?m)^[A-Z][A-Z .'\-]{1,40}(?:,[ \u00a0]?[A-Za-z .]{2,20})?,[ \u00a0]"

# Words that may stand before a relative expression and belong to it: "late last month".
RELATIVE_PARTS: tuple[str, ...] = ("early", "late", "mid", "earlier", "later")
# Weekday modifiers: "last Friday" is strictly before publication, "next Friday" after.
WEEKDAY_MODIFIERS: dict[str, int] = {"last": -1, "next": 1, "this": 0, "this past": -1,
                                     "this coming": 1, "coming": 1, "past": -1}

# Tense cues for "on Friday": the nearest cue to the date decides which Friday.
FUTURE_CUES: tuple[str, ...] = (
    "will", "'ll", "shall", "going to", "set to", "due to", "scheduled to", "expected to",
    "plans to", "plan to", "planning to", "intends to", "would", "upcoming", "is to", "are to",
    "due", "scheduled for", "set for", "planned for",
    # the present tense of a timetable: "polls open on Sunday", "the firm reports on 24 April"
    "opens", "polls open", "closes", "begins", "starts", "resumes", "reopens", "reconvenes",
    "reports", "takes place", "kicks off", "goes to the polls",
    # what is still ahead: "to air on Tuesday", "a chance of rain in November",
    # "ahead of October's budget", "commuters are braced on Monday for strikes"
    "to be", "to air", "ahead of", "chance of", "chance that", "braced", "running to",
    "going into", "up for",
)
# Cues of the present tense of a timetable: a past verb after the date outweighs them
# ("The paper reports the minister on Friday announced ...").
WEAK_FUTURE_CUES: frozenset[str] = frozenset({
    "opens", "closes", "begins", "starts", "resumes", "reopens", "reconvenes", "reports",
})
# The present progressive of a plan: "is standing for re-election in May".
FUTURE_PROGRESSIVE = r"\b(?:is|are|am)[ \u00a0]+(?:standing|running|preparing|bracing|heading|gearing)\b"
# A participle after one of these is passive, not past: "will be completed by May".
PASSIVE_AUXILIARIES: tuple[str, ...] = ("be", "being")
PAST_CUES: frozenset[str] = frozenset("""
    said told met spoke was were had did went came took gave made saw began began became
    held left sent wrote thought knew found got brought bought put ran fell rose led won
    lost paid struck hit broke chose spent stood sat heard felt kept meant read set
    announced declined confirmed
""".split())
# A bare four-digit year in this range is a date; outside it, a number.
YEAR_MIN, YEAR_MAX = 1900, 2099
# Older years ("founded in 1878") only after one of these words.
OLD_YEAR_MIN = 1000
OLD_YEAR_LEADS: tuple[str, ...] = ("in", "since", "from", "until", "by", "of", "before", "after",
                                   "between", "and", "to", "founded", "built", "born")
# Before a year, these make it a count or an amount, not a date.
YEAR_NOT_AFTER: tuple[str, ...] = ("$", "€", "£", "#", "no.", "number")
# A year between a determiner and a lower-case noun names an event ("the 2022 invasion"):
# it is part of the event's name, not a date the article states.
ATTRIBUTIVE_DETERMINERS: frozenset[str] = frozenset("""
    the a an its his her their our this that these those
""".split())
# A day-month date without a year that falls more than this many days after publication
# in a past-tense sentence belongs to the previous year ("December 20" in a January story).
FUTURE_SLACK_DAYS = 31
