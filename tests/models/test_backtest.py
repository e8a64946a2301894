"""The DEU backtest: deterministic, split as declared, the compromise model matches the cross-check file."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from accord.errors import AccordError
from accord.models.backtest import backtest_deu, deu_forecasts
from accord.scenario.importers.deu import import_deu

DEU = Path(__file__).resolve().parents[2] / "data" / "negotiation" / "deu"
TABLE = DEU / "deu3_blksv.tsv"


def test_compromise_matches_the_schelling_cross_check() -> None:
    scored, _outcomes, forecasts = deu_forecasts(import_deu(TABLE, "votes"), ["compromise"])
    ours = {issue.issue_id: f for issue, f in zip(scored, forecasts["compromise"], strict=True)}
    with (DEU / "deu-paired-differences_schelling.csv").open(encoding="utf-8") as handle:
        theirs = {row["issue_id"]: row for row in csv.DictReader(handle)}
    common = [k for k in theirs if k in ours]
    assert len(common) == 351
    mae = np.mean([abs(ours[k] - float(theirs[k]["outcome"])) for k in common])
    assert mae == pytest.approx(22.99, abs=0.01)
    close = sum(abs(ours[k] - float(theirs[k]["compromise_forecast"])) < 0.5 for k in common)
    assert close >= 330


def test_backtest_is_deterministic_and_split() -> None:
    first = backtest_deu(TABLE, "votes", ["compromise", "median"], resamples=300)
    again = backtest_deu(TABLE, "votes", ["compromise", "median"], resamples=300)
    assert first == again
    by = {(s.split, s.model): s for s in first}
    assert by[("all", "compromise")].n == 353
    assert by[("tune (DEU I+II)", "compromise")].n + by[("test (DEU III)", "compromise")].n == 353
    base = by[("all", "compromise")]
    assert base.mae_diff == 0 and base.diff_low == 0
    median = by[("all", "median")]
    assert median.diff_low <= median.mae_diff <= median.diff_high
    assert 0 <= median.hit_rate <= 1 and median.rmse >= median.mae


def test_unusable_table_is_a_clear_error(tmp_path: Path) -> None:
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    out_column = header.index('"out"')
    rows = [lines[0], lines[1]]
    for line in lines[2:5]:
        cells = line.split("\t")
        cells[out_column] = ""
        rows.append("\t".join(cells))
    path = tmp_path / "no-outcomes.tsv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(AccordError, match="no issue has both an outcome"):
        backtest_deu(path)
