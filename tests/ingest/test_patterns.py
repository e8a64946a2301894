"""Every regular expression of the ingest stage runs in linear time on adversarial input.

Each pattern is run over 1 MB inputs with ``finditer`` (which tries a match at every position, the
most any caller asks of it) and timed as a ratio to a plain scan of the same text by a trivial
pattern that stops at every character. A linear pattern stays within a small multiple of that scan;
a quadratic one does not finish on 1 MB (a 50 KB base64 image took 20 s in ``normalize._URLISH``), so
an interval timer stops it at a generous multiple and the test names the pattern and the input.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import accord.ingest

SIZE = 1_000_000
RATIO = 25  # a linear pattern, measured: at most about 5x the scan
STOP_RATIO = 100  # stop a pattern that is obviously not linear instead of waiting for it
SOURCE = Path(accord.ingest.__file__).parent
_SCAN = re.compile(r"(?s).")


def _modules() -> Iterator[str]:
    yield "accord.ingest"
    for info in pkgutil.walk_packages([str(SOURCE)], prefix="accord.ingest."):
        yield info.name


def _patterns() -> dict[str, re.Pattern[str]]:
    found: dict[str, re.Pattern[str]] = {}
    for name in _modules():
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.setdefault(f"{name}.{attr}", value)
    return found


PATTERNS = _patterns()


def _fill(unit: str, prefix: str = "", suffix: str = "") -> str:
    body = (unit * (SIZE // max(len(unit), 1) + 1))[: SIZE - len(prefix) - len(suffix)]
    return prefix + body + suffix


# Shapes that make backtracking patterns quadratic: a long run that a pattern starts matching at
# every position but cannot finish, or a run one pattern can split in many ways.
ADVERSARIAL = {
    "slash then one long token": _fill("a", prefix="see / "),
    "long token with a dot": _fill("a", prefix="x.co", suffix="."),
    "repeated <a": _fill("<a"),
    "repeated <br then spaces": _fill(" ", prefix="<br", suffix="x"),
    "repeated <": _fill("<"),
    "front matter field with long spacing": _fill(" ", prefix="---\ntitle: a", suffix="b\n---\n"),
    "key then long spacing": _fill(" ", prefix="title", suffix="x"),
    "unclosed front matter": _fill("ab ", prefix="---\n"),
    "spaces": _fill(" "),
    "newlines": _fill("\n"),
    "two newlines and a letter": _fill("\n\na"),
    "one long word": _fill("a"),
    "lowercase after a drop cap": _fill("a", prefix="T "),
    "word-hyphen chain": _fill("a-"),
    "apostrophe chain": _fill("a'"),
    "digits": _fill("1"),
    "iso date with a long time": _fill("1", prefix="2022-03-01T", suffix="x"),
    "dateline place": _fill("A", prefix="KYIV"),
    "month names": _fill("March 3 "),
    "curly quotes": _fill("a“”"),
    "sentence ends": _fill("ab.C"),
    "dots": _fill("."),
    "at signs": _fill("a@"),
    "dashes": _fill("-"),
    "cyrillic": _fill("ыі"),
}


class _TooSlow(Exception):
    pass


def _stop(_signum: int, _frame: object) -> None:
    raise _TooSlow


def _time(pattern: re.Pattern[str], text: str, *, limit: float | None = None) -> float:
    if limit is not None:
        signal.setitimer(signal.ITIMER_REAL, limit)
    start = time.perf_counter()
    try:
        for _match in pattern.finditer(text):
            pass
    finally:
        if limit is not None:
            signal.setitimer(signal.ITIMER_REAL, 0)
    return time.perf_counter() - start


def _too_slow(text: str) -> dict[str, float]:
    """Patterns slower than RATIO times a plain scan of ``text`` (best of three), with their ratio.

    A pattern over the ratio is timed once more and keeps its better time, so a pause of the machine
    does not fail it; one still running at STOP_RATIO is stopped and reported as ``inf``.
    """
    scan = min(_time(_SCAN, text) for _ in range(3))
    previous = signal.signal(signal.SIGALRM, _stop)
    slow: dict[str, float] = {}
    try:
        for name, pattern in PATTERNS.items():
            try:
                took = _time(pattern, text, limit=STOP_RATIO * scan + 0.5)
                if took > RATIO * scan:
                    took = min(took, _time(pattern, text, limit=STOP_RATIO * scan + 0.5))
            except _TooSlow:
                took = float("inf")
            if took > RATIO * scan:
                slow[name] = round(took / scan, 1)
    finally:
        signal.signal(signal.SIGALRM, previous)
    return slow


def test_every_pattern_is_collected_here() -> None:
    """Patterns must live at module level, compiled, so this file times all of them."""
    inline = []
    for path in SOURCE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"
                and node.func.attr != "compile"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                inline.append(f"{path.relative_to(SOURCE)}:{node.lineno}")
    assert inline == [], "compile these at module level so test_patterns times them"
    for name in ("normalize._URLISH", "readers.html._TAG", "readers.text._FIELD", "readers.feed._BLOCK"):
        assert f"accord.ingest.{name}" in PATTERNS


@pytest.mark.slow
@pytest.mark.parametrize("shape", sorted(ADVERSARIAL))
def test_patterns_are_linear_on_adversarial_input(shape: str) -> None:
    slow = _too_slow(ADVERSARIAL[shape])
    assert slow == {}, f"slower than {RATIO}x a plain scan on {shape!r} (inf: stopped at {STOP_RATIO}x)"


ALPHABET = "a A1.-/:@<>!' \n\t“”#_=,;\"ыé"


@pytest.mark.slow
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.text(alphabet=ALPHABET, max_size=12),
    unit=st.text(alphabet=ALPHABET, min_size=1, max_size=4),
    suffix=st.text(alphabet=ALPHABET, max_size=4),
)
def test_patterns_are_linear_on_any_repeated_unit(prefix: str, unit: str, suffix: str) -> None:
    """The same, for 1 MB of any short unit repeated, between any short prefix and suffix."""
    slow = _too_slow(_fill(unit, prefix=prefix, suffix=suffix))
    assert slow == {}, f"slower than {RATIO}x a plain scan (inf: stopped at {STOP_RATIO}x)"
