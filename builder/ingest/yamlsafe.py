"""YAML for front matter and ``sources.yml``: safe tags only, no aliases, no impossible dates.

- the safe loader builds plain data only (no ``!!python/...`` objects); libyaml's
  when installed, as it is some fifty times faster than the pure-Python one;
- aliases (``*name``) are refused before anything is built: an "alias bomb" of a few
  hundred bytes would otherwise expand into gigabytes, and metadata has no use for them;
- a document longer than :data:`MAX_YAML_CHARS` is refused: metadata is short;
- a date-shaped scalar that is no date ("2024-13-45") stays a string, so the field
  check names the field and line instead of the whole front matter being lost.
"""

from __future__ import annotations

import yaml
from yaml.composer import ComposerError

MAX_YAML_CHARS = 256_000
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YAMLTooLong(yaml.YAMLError):
    """A document far longer than any metadata."""

    def __init__(self, length: int) -> None:
        self.problem = f"{length:,} characters, longer than any metadata; the limit is {MAX_YAML_CHARS:,}"
        super().__init__(self.problem)


class _Loader(_SafeLoader):  # type: ignore[misc, valid-type]
    def construct_yaml_timestamp(self, node):  # type: ignore[no-untyped-def]
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):  # month 13, day 45: left to the date check
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def load_yaml(text: str) -> object:
    """The YAML document in ``text`` as plain data; raises ``yaml.YAMLError``."""
    if len(text) > MAX_YAML_CHARS:
        raise YAMLTooLong(len(text))
    for event in yaml.parse(text, Loader=_SafeLoader):  # events only: nothing is expanded
        if isinstance(event, yaml.AliasEvent):
            raise ComposerError(None, None, f"aliases (*{event.anchor}) are not allowed", event.start_mark)
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
