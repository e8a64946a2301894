"""Bytes to text: refuse what is empty, binary or undecodable, with one clear reason."""

from __future__ import annotations

import codecs

from accord.errors import AccordError, Errors

_SNIFF = 8192
_TEXT_CONTROLS = {9, 10, 12, 13, 27}


_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in _TEXT_CONTROLS)


def _control_ratio(data: bytes) -> float:
    sample = data[:_SNIFF]
    controls = len(sample.translate(None, delete=_NOT_CONTROL))
    return controls / max(len(sample), 1)


def decode_bytes(data: bytes, source: str) -> str:
    """Decode a file's bytes as UTF-8 (BOM aware), UTF-16 with a BOM, or Windows-1252 as a last resort.

    Raises AccordError A101 (empty), A102 (binary) or A103 (undecodable).
    """
    if not data.strip():
        raise AccordError(Errors.A101, source=source)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise AccordError(Errors.A103, source=source, reason=f"bad UTF-16: {exc.reason}") from exc
        if not text.strip():
            raise AccordError(Errors.A101, source=source)
        return text
    if b"\x00" in data[:_SNIFF] or _control_ratio(data) > 0.05:
        raise AccordError(Errors.A102, source=source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # Legacy single-byte files: accept Windows-1252 only when every byte is defined in it and
    # the result has no control characters, so random bytes are still refused.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if text and not any(ord(c) < 32 and ord(c) not in _TEXT_CONTROLS for c in text):
        return text
    raise AccordError(
        Errors.A103,
        source=source,
        reason=f"not UTF-8: {utf8_error.reason} at byte {utf8_error.start}",
    )
