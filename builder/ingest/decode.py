"""Raw bytes -> text, or a reason to skip the file.

Steps, in order:
1. empty (nothing but whitespace) -> skip;
2. a byte-order mark: UTF-8's is stripped silently, UTF-16/32 ones choose the codec;
3. binary (a known file signature, or a NUL byte in the first 8 KB) -> skip;
4. UTF-8; where that fails, UTF-8 with replacement characters when the file holds
   valid UTF-8 sequences elsewhere, else Windows-1252 (a warning either way);
5. line ends (CRLF, CR, Unicode separators) become "\\n";
6. control characters are removed (a warning); mostly non-text -> skip.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from builder.models import Warning_
from builder.patterns.metadata import BINARY_SIGNATURES, MAX_NON_TEXT_SHARE, SNIFF_BYTES

_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x85\x0b\x0c]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True, slots=True)
class Decoded:
    """The file's text (None when skipped), why it was skipped, and what was repaired."""

    text: str | None
    skip: str | None = None
    warnings: tuple[Warning_, ...] = ()


def decode(raw: bytes, path: str) -> Decoded:
    """Text of one article file; see the module docstring for the steps."""
    warnings: list[Warning_] = []
    # 1. empty
    if not raw.strip():
        return Decoded(None, "empty file")
    # 2. byte-order marks
    codec = None
    for bom, name in _BOMS:
        if raw.startswith(bom):
            codec, raw = name, raw[len(bom):]
            break
    # 3. binary
    if codec in (None, "utf-8") and (raw.startswith(BINARY_SIGNATURES) or b"\x00" in raw[:SNIFF_BYTES]):
        return Decoded(None, "binary file")
    # 4. character encoding
    if codec and codec != "utf-8":
        text = raw.decode(codec, errors="replace")
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            text, used = _fallback(raw)
            line = raw[: err.start].count(b"\n") + 1
            warnings.append(Warning_(path, f"not valid UTF-8 (byte 0x{raw[err.start]:02x}); read as {used}", line))
    # 5. line ends
    text = _LINE_BREAKS.sub("\n", text)
    # 6. control characters, and how much of the start is text at all
    sample = text[:SNIFF_BYTES]
    non_text = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    if sample and non_text / len(sample) > MAX_NON_TEXT_SHARE:
        return Decoded(None, "binary file (mostly non-text)", tuple(warnings))
    text, removed = _CONTROL.subn("", text)
    if removed:
        warnings.append(Warning_(path, f"removed {removed} control character(s)"))
    if not text.strip():
        return Decoded(None, "empty file", tuple(warnings))
    return Decoded(text, None, tuple(warnings))


def _fallback(raw: bytes) -> tuple[str, str]:
    """UTF-8 with replacements if the file is mostly UTF-8, else Windows-1252 (Latin-1 at worst)."""
    if _UTF8_MULTIBYTE.search(raw):
        return raw.decode("utf-8", errors="replace"), "UTF-8 with replacement characters"
    try:
        return raw.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "Latin-1"
