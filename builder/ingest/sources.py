"""The optional ``sources.yml`` of a story folder: the story's title and per-file metadata.

    title: Harbour bridge reopens
    herald.txt: {outlet: Coastline Herald, url: https://..., date: 2024-03-14, author: Priya Raman}

Read safely, aliases refused (``builder.ingest.yamlsafe``); every bad entry is a warning naming the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from builder.ingest.decode import decode
from builder.ingest.text import check_field
from builder.ingest.yamlsafe import load_yaml
from builder.models import Warning_

ENTRY_FIELDS = ("outlet", "url", "date", "author")


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """What sources.yml says about one article file."""

    outlet: str | None = None
    url: str | None = None
    date: date | None = None
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Sources:
    title: str | None = None
    entries: dict[str, SourceEntry] = field(default_factory=dict)  # file name -> entry

    def entry(self, name: str, stem: str) -> SourceEntry | None:
        """The entry for a file, by its name or else by its stem."""
        return self.entries.get(name) or self.entries.get(stem)


def read_sources(path: Path, rel: str, warnings: list[Warning_]) -> Sources:
    """Parse and check one sources.yml; a broken file gives warnings and no metadata."""
    try:
        decoded = decode(path.read_bytes(), rel)
    except OSError as err:
        warnings.append(Warning_(rel, f"unreadable ({err.strerror}); ignored"))
        return Sources()
    warnings.extend(decoded.warnings)
    if decoded.text is None:
        warnings.append(Warning_(rel, f"{decoded.skip}; ignored"))
        return Sources()
    text = decoded.text
    try:
        data = load_yaml(text)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or str(err).split("\n")[0]
        warnings.append(Warning_(rel, f"not valid YAML ({problem}); ignored", mark.line + 1 if mark else None))
        return Sources()
    if data is None:
        return Sources()
    if not isinstance(data, dict):
        warnings.append(Warning_(rel, f"is a {type(data).__name__}, not a mapping; ignored", 1))
        return Sources()
    title = None
    entries: dict[str, SourceEntry] = {}
    for key, value in data.items():
        line = _line_of(text, str(key))
        if str(key) == "title":
            checked = check_field("title", value)
            if checked.problem:
                warnings.append(Warning_(rel, f"title: {checked.problem}", line))
            title = checked.value  # type: ignore[assignment]
            continue
        if not isinstance(value, dict):
            warnings.append(Warning_(rel, f"entry '{key}' is not a mapping of {', '.join(ENTRY_FIELDS)}; ignored",
                                     line))
            continue
        entries[str(key)] = _entry(value, str(key), rel, line, warnings)
    return Sources(title, entries)


def _entry(value: dict, key: str, rel: str, line: int | None, warnings: list[Warning_]) -> SourceEntry:
    fields: dict[str, object] = {}
    for name, raw in value.items():
        if name not in ENTRY_FIELDS:
            warnings.append(Warning_(rel, f"entry '{key}': unknown field '{name}' ignored", line))
            continue
        checked = check_field(str(name), raw)
        if checked.problem:
            warnings.append(Warning_(rel, f"entry '{key}': {checked.problem}", line))
        elif checked.value is not None:
            fields[str(name)] = checked.value
    return SourceEntry(**fields)  # type: ignore[arg-type]


def _line_of(text: str, key: str) -> int | None:
    match = re.search(rf"^['\"]?{re.escape(key)}['\"]?\s*:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None
