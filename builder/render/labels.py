"""Readable words for the codes in the data model: rules as data, apart from the logic.

Every symbol shown on the site is paired with words, so meaning never rests on
colour alone.
"""

from __future__ import annotations

from typing import Final

KIND_LABELS: Final = {"quote": "Quotation", "figure": "Figure", "date": "Date"}

STATUS_LABELS: Final = {
    "differ": "Outlets differ",
    "agree": "Outlets agree",
    "contested": "Sources differ",
    "single": "One outlet only",
}
STATUS_ORDER: Final = {"differ": 0, "contested": 1, "agree": 2, "single": 3}

# One cell of the claims x outlets matrix: (symbol, words).
CELL_LABELS: Final = {
    "same": ("=", "same"),
    "differs": ("≠", "differs"),
    "both": ("±", "both ways"),
    "source": ("§", "one source's figure"),
    "only": ("●", "only here"),
    "absent": ("–", "absent"),
}

DISCREPANCY_LABELS: Final = {
    "wording": "Different wording",
    "number": "Different number",
    "date": "Different date",
    "speaker": "Different speaker",
    "omission": "Left out",
}

# How a quotation's speaker was found (models.ATTRIBUTION_STEPS), in words.
ATTRIBUTION_LABELS: Final = {
    "same-sentence": "named in the same sentence",
    "same sentence": "named in the same sentence",
    "colon": "named before a colon that introduces the quotation",
    "pronoun": "a pronoun that refers back to the speaker",
    "paragraph": "named earlier in the paragraph",
    "continuation": "continues an earlier quotation of the same speaker",
}

# Why a discrepancy is minor (models.MinorReason), in words.
MINOR_LABELS: Final = {
    "punctuation": "minor: punctuation only",
    "both-ways": "minor: the same article also quotes it as the others do",
    "rounding": "minor: the same figure, rounded",
}
# How a variant stands to the most common one (models.VariantRelation), in words.
RELATION_LABELS: Final = {
    "reference": "most common",
    "tied": "the fullest (none is more common)",
    "agrees": "the same words (or part of them)",
    "punctuation": "other punctuation only",
    "differs": "differs from the most common",
    "both": "differs; its outlets also print the most common wording",
    "source": "another source's figure",
}
INFERRED_DATE_LABEL: Final = "date inferred from the story"
UNDATED_LABEL: Final = "date unknown"
NO_SPEAKER_LABEL: Final = "speaker not found"

# The fields of the data downloads, described for the Data page.
DATA_FIELDS: Final = (
    ("stories[]", "id, title, and the ids of the articles about one event"),
    ("articles[]", "id, story, path, outlet, title, published (YYYY-MM-DD or null), "
     "published_inferred, author, url, body (the plain text every offset indexes into)"),
    ("mentions[]", "one quotation, figure or date at an exact place: article, kind, text "
     "(exactly body[start:end]), start, end, speaker, value, subject, date"),
    ("articles[].wire", "for a copy of one agency story run by several outlets: group (shared "
     "by the copies), agency (as the text names it, or null), of (the other copies)"),
    ("claims[]", "the same quotation, figure or date across outlets: id, story, kind, title, "
     "mentions, status (agree, differ, contested, single), url (this site's page for it)"),
    ("claims[].variants[]", "the versions that read alike after normalisation: id, text, "
     "outlets, mentions, first_published (date, outlet, article, inferred), relation to the most "
     "common variant, diff from it, speakers, reports (outlets, a wire group counted once); "
     "most reports first"),
    ("claims[].contested[]", "for a figure whose values come from different sources: speaker, "
     "value, variant, outlets, mentions"),
    ("claims[].discrepancies[]", "id (the anchor on the claim page), type (wording, number, "
     "date, speaker, omission), mentions, summary, sides (the most common side first: variant, "
     "text, outlets, mentions, speaker), both_ways (outlets that print both), minor and "
     "minor_reason (punctuation, both-ways or rounding)"),
)

# What the Data page says may be reused: Parallax's own work is free, the articles are not ours.
DATA_REUSE: Final = (
    "What Parallax made is yours to reuse, for any purpose, under the Creative Commons "
    "Attribution 4.0 licence (CC BY 4.0): the claims, their status and discrepancies, the "
    "speakers, figures and dates as normalised, the ids, offsets and this site's pages. "
    "Credit “Parallax” and link to the page or file you used.",
    "The articles are not ours: their text, and the quotations taken from it, stay with their "
    "outlets and authors. The downloads carry each article's body so that every offset can be "
    "checked; quote from it as you would quote the article (briefly, naming the outlet), and "
    "ask the outlet before republishing more.",
)
