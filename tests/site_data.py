"""The downloads of a built site, as a test reads them."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from builder import urls


def site_export_bytes(site: Path) -> bytes:
    """The site's JSON export, uncompressed (the site carries it gzip-compressed)."""
    return gzip.decompress((Path(site) / urls.DATA_JSON).read_bytes())


def site_export(site: Path) -> dict[str, Any]:
    """The site's JSON export, parsed."""
    return json.loads(site_export_bytes(site).decode("utf-8"))
