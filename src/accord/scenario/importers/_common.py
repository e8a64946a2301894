"""Helpers the importers share: reading text files with any line ending or BOM, putting scales on 0–100."""

from __future__ import annotations

from pathlib import Path

from accord.errors import AccordError, Errors
from accord.scenario.ids import slug as slug  # re-exported for the importers


def read_text(path: Path, kind: str) -> str:
    """The file's text with a BOM removed and CR or CRLF line endings turned into LF."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise AccordError(Errors.A402, path=path, kind=kind, reason=str(exc)) from exc
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    return text.replace("\r\n", "\n").replace("\r", "\n")


def number(text: str, path: Path, kind: str, where: str) -> float:
    try:
        value = float(text.strip().strip("'\""))
    except ValueError as exc:
        raise AccordError(
            Errors.A402, path=path, kind=kind, reason=f"{where}: {text.strip()!r} is not a number"
        ) from exc
    if value != value:  # NaN
        raise AccordError(Errors.A402, path=path, kind=kind, reason=f"{where}: value is NaN")
    return value


def unique_ids(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        base = slug(name)
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base}_{seen[base]}")
    return out


def to_percent(values: list[float], low: float, high: float) -> list[float]:
    """Map ``low``..``high`` linearly onto 0..100 (a point scale when low == high)."""
    if high == low:
        return [50.0 for _ in values]
    return [min(100.0, max(0.0, 100.0 * (v - low) / (high - low))) for v in values]


def saliences_to_unit(values: list[float]) -> tuple[list[float], str]:
    """Saliences on 0–1 as they are, or on 0–100 divided by 100 (decided by the largest value)."""
    if max(values, default=0.0) > 1.0:
        return [v / 100.0 for v in values], "salience divided by 100"
    return list(values), "salience as given (0–1)"
