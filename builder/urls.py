"""Where each page lives on the site: one place, used by the export and the renderer.

All addresses are site-relative directory urls (mkdocs ``use_directory_urls``);
the matching source page is ``<url>index.md`` or ``<url[:-1]>.md``.
"""

from __future__ import annotations

import re


def story_url(story_id: str) -> str:
    return f"stories/{story_id}/"


def claim_url(story_id: str, claim_id: str) -> str:
    return f"stories/{story_id}/claims/{claim_id}/"


def article_url(story_id: str, article_slug: str) -> str:
    return f"stories/{story_id}/articles/{article_slug}/"


def outlet_url(outlet_slug: str) -> str:
    return f"outlets/{outlet_slug}/"


def speaker_url(speaker_slug: str) -> str:
    return f"speakers/{speaker_slug}/"


def page_url(first_page_url: str, number: int) -> str:
    """Page ``number`` of a list that takes several pages: the first keeps the list's own
    url, the next ones follow at ``<url>page/2/``, ``<url>page/3/`` (stable as the list grows
    at its end)."""
    return first_page_url if number == 1 else f"{first_page_url}page/{number}/"


_LATER_PAGE = re.compile(r"(?:^|/)page/[0-9]+/$")


def is_later_page(url: str) -> bool:
    """Whether ``url`` is page 2, 3, ... of a list (:func:`page_url`).

    >>> is_later_page("outlets/x/page/2/"), is_later_page("outlets/x/"), is_later_page("stories/page/")
    (True, False, False)
    """
    return bool(_LATER_PAGE.search(url))


# The JSON export, gzip-compressed: a tenth of its size (an archive's JSON carries every
# article's text); `gunzip` it, or read it as it is (pandas, R, jq through zcat).
DATA_JSON = "data/claims.json.gz"
DATA_CSV = "data/claims.csv"
DATA_IDS = "data/ids.json"  # the id ledger of the build (builder.ledger)
DATA_SCHEMA = "data/claims.schema.json"  # the contract of DATA_JSON (once uncompressed), published beside it
