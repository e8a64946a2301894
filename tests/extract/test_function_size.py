"""The extraction components stay made of small functions: one job each, the top-level ones reading as
the sequence of their steps. A function that grows past the limit is split into named steps."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

COMPONENTS = Path(__file__).resolve().parents[2] / "src" / "accord" / "extract" / "components"
MAX_LINES = 60  # end_lineno - lineno + 1, the decorators aside, the docstring and comments counted


def _long_functions(source: str, limit: int) -> list[tuple[str, int]]:
    tree = ast.parse(source)
    return [
        (node.name, node.end_lineno - node.lineno + 1)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > limit
    ]


def test_no_function_of_the_extraction_components_is_over_60_lines() -> None:
    files = sorted(COMPONENTS.glob("*.py"))
    assert files
    long = [
        f"{path.name}:{name} ({lines} lines)"
        for path in files
        for name, lines in _long_functions(path.read_text(encoding="utf-8"), MAX_LINES)
    ]
    assert not long, f"split into named steps (at most {MAX_LINES} lines each): {', '.join(long)}"


def _function(name: str, lines: int) -> str:
    """The source of a function ``lines`` long, its def line included."""
    return f"def {name}():\n" + "".join(f"    x{i} = {i}\n" for i in range(lines - 1))


def test_the_measure_counts_a_function_from_its_def_to_its_last_line_nested_ones_too() -> None:
    assert _long_functions(_function("fits", MAX_LINES), MAX_LINES) == []
    assert _long_functions(_function("over", MAX_LINES + 1), MAX_LINES) == [("over", MAX_LINES + 1)]
    nested = "def outer():\n" + textwrap.indent(_function("inner", MAX_LINES + 1), "    ")
    assert _long_functions(nested, MAX_LINES) == [("outer", MAX_LINES + 2), ("inner", MAX_LINES + 1)]
