"""Rules for finding wire copies, as data: shingles, thresholds, agency names.

``builder.align.wire`` reads these.
"""

from __future__ import annotations

import re

# Words per shingle: five-word sequences survive light edits (a changed word spoils
# five shingles, not the whole text) yet two independent reports rarely share many.
SHINGLE_WORDS = 5
# Two articles are copies of one story where the Jaccard similarity of their
# shingle sets reaches this (light edits of one text score 0.6 to 0.9; independent
# reports of one event, quoting the same sentences, stay well under 0.3).
WIRE_MIN_JACCARD = 0.5
# Articles with fewer shingles than this are too short to call copies.
WIRE_MIN_SHINGLES = 20
# MinHash permutations (datasketch): the estimate's error is about 1/sqrt(NUM_PERM).
NUM_PERM = 128

# News agencies: the name shown, and how a text names it. A dateline credit,
# "LONDON (Reuters) -", counts more than the name anywhere in the text.
AGENCIES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern)) for name, pattern in (
        ("Reuters", r"\bReuters\b"),
        ("Associated Press", r"\bAssociated Press\b|\(AP\)|\bAP\b(?= ?[-\u2013\u2014])"),
        ("AFP", r"\bAFP\b|\bAgence France[- ]Presse\b"),
        ("Bloomberg", r"\bBloomberg\b"),
        ("dpa", r"\bdpa\b|\bDeutsche Presse-Agentur\b"),
        ("PA Media", r"\bPA Media\b|\bPress Association\b|\(PA\)"),
        ("Xinhua", r"\bXinhua\b"),
        ("Kyodo", r"\bKyodo\b"),
        ("Anadolu", r"\bAnadolu\b"),
        ("PTI", r"\bPTI\b|\bPress Trust of India\b"),
        ("UPI", r"\bUPI\b|\bUnited Press International\b"),
        ("EFE", r"\bEFE\b"),
        ("ANSA", r"\bANSA\b"),
        ("Yonhap", r"\bYonhap\b"),
        ("TASS", r"\bTASS\b"),
    ))
# A credit in a dateline or a credit line: "(Reuters)", "(AFP) -", "Reporting by".
CREDIT = re.compile(r"\((?P<name>[^()]{2,40})\)\s*[-\u2013\u2014]|^\s*(?:\w+ )?\((?P<lead>[^()]{2,40})\)",
                    re.MULTILINE)
