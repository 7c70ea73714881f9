"""YAML for front matter and ``sources.yml``: safe tags only, no aliases, no impossible dates.

- ``yaml.SafeLoader`` builds plain data only (no ``!!python/...`` objects);
- aliases (``*name``) are refused: an "alias bomb" of a few hundred bytes would
  otherwise expand into gigabytes, and front matter has no use for them;
- a date-shaped scalar that is no date ("2024-13-45") stays a string, so the field
  check names the field and line instead of the whole front matter being lost.
"""

from __future__ import annotations

import yaml
from yaml.composer import ComposerError


class _Loader(yaml.SafeLoader):
    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise ComposerError(None, None, f"aliases (*{event.anchor}) are not allowed", event.start_mark)
        return super().compose_node(parent, index)

    def construct_yaml_timestamp(self, node):  # type: ignore[no-untyped-def]
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):  # month 13, day 45: left to the date check
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def load_yaml(text: str) -> object:
    """The YAML document in ``text`` as plain data; raises ``yaml.YAMLError``."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
