"""Text from files (names, metadata, YAML errors) made safe to print on a terminal.

A file name may hold a newline and escape sequences that forge a line of output or
recolour it; an outlet name may hold right-to-left overrides that show it reversed.
Every such character is printed as a visible escape (``\\n``, ``\\x1b``, ``\\u202e``).
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, bidirectional marks, embeddings, overrides and isolates,
# zero-width characters and the byte-order mark.
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object) -> str:
    """``text`` with every control, bidi and zero-width character (and lone surrogate) escaped."""
    return UNSAFE.sub(_escape, str(text).encode("utf-8", "backslashreplace").decode("utf-8"))
