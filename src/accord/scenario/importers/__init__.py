"""Importers for published negotiation data sets (BDM tables, KTAB, decide exchange model, DEU)."""

from __future__ import annotations

from pathlib import Path

from accord.errors import AccordError, Errors
from accord.scenario.importers.bdm import import_bdm
from accord.scenario.importers.deu import import_deu
from accord.scenario.importers.exchange import import_exchange
from accord.scenario.importers.ktab import import_ktab
from accord.scenario.model import Scenario


def detect_kind(path: Path) -> str:
    """Which importer reads this file, from its first line."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096).decode("utf-8-sig", errors="replace")
    except OSError as exc:
        raise AccordError(Errors.A402, path=path, kind="negotiation data", reason=str(exc)) from exc
    first = head.replace("\r", "\n").split("\n", 1)[0].strip().lower()
    if path.suffix.lower() == ".xml" and "<scenario" in head.lower():
        return "ktab"
    if first.startswith(('"prnrnmc"', "prnrnmc")):
        return "deu"
    if "#a" in head.lower() and ("#d" in head.lower() or "#p" in head.lower()):
        return "exchange"
    if first.startswith("actor,description") or "\nactor," in head.lower().replace(" ", ""):
        return "ktab"
    fields = {f.strip() for f in first.replace("\t", ",").split(",")}
    if fields & {"position", "x"} and fields & {"salience", "s"}:
        return "bdm"
    raise AccordError(
        Errors.A402, path=path, kind="negotiation data", reason="not a BDM, KTAB, exchange-model or DEU file"
    )


def import_file(path: Path | str) -> list[Scenario]:
    """Every scenario in a data file, whichever of the supported formats it is (DEU gives one per issue)."""
    path = Path(path)
    kind = detect_kind(path)
    if kind == "deu":
        return [issue.scenario for issue in import_deu(path)]
    reader = {"bdm": import_bdm, "ktab": import_ktab, "exchange": import_exchange}[kind]
    return [reader(path)]


__all__ = ["detect_kind", "import_bdm", "import_deu", "import_exchange", "import_file", "import_ktab"]
