from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli import app

runner = CliRunner()

GENEVA = (
    "GENEVA, May 4, 2023 — Negotiators met for six hours to discuss a phased exchange of detainees and "
    "the reopening of two border crossings.\nThe mediator said the mood had been serious but not hostile."
)
HARVEST = (
    "Farmers in the south began harvesting wheat early after a dry spring, and port operators said storage "
    "was close to capacity.\nThe ministry promised temporary silos and a subsidy for rail freight."
)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "geneva.txt").write_text("Detainee exchange discussed in Geneva\n" + GENEVA, encoding="utf-8")
    record = {"id": "harvest-1", "title": "Early harvest", "text": HARVEST, "outlet": "Plains Gazette",
              "published": "2023-06-01"}  # fmt: skip
    (folder / "feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    return folder


def _ingest(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["ingest", *args], input=input)
    return result.exit_code, result.stdout, result.stderr


def test_ingest_folder_then_list(inputs: Path, sqlite_url: str) -> None:
    code, _out, err = _ingest(str(inputs), "--db", sqlite_url)
    assert code == 0, err
    assert "2 added" in err
    listed = runner.invoke(app, ["articles", "--db", sqlite_url, "--format", "json"])
    assert listed.exit_code == 0
    rows = json.loads(listed.stdout)
    assert [r["source_id"] for r in rows] == ["harvest-1", "geneva"]  # newest first
    geneva = rows[1]
    assert geneva["title"] == "Detainee exchange discussed in Geneva"
    assert geneva["published"] == "2023-05-04"  # from the dateline
    assert geneva["language"] == "en" and geneva["cluster_size"] == 1


def test_reingest_is_a_no_op_and_exit_zero(inputs: Path, sqlite_url: str) -> None:
    _ingest(str(inputs), "--db", sqlite_url)
    code, _out, err = _ingest(str(inputs), "--db", sqlite_url)
    assert code == 0 and "0 added" in err and "2 unchanged" in err


def test_failures_exit_one_with_one_line_each(inputs: Path, sqlite_url: str) -> None:
    (inputs / "empty.txt").write_text("")
    (inputs / "broken.json").write_text("[{")
    code, _out, err = _ingest(str(inputs), "--db", sqlite_url)
    assert code == 1
    error_lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(error_lines) == 2
    assert any("empty.txt" in line and "A101" in line for line in error_lines)
    assert any("broken.json" in line and "A104" in line for line in error_lines)
    assert "2 added" in err  # the good files were stored anyway


def test_strict_stops_early(inputs: Path, sqlite_url: str) -> None:
    (inputs / "a-empty.txt").write_text("")
    code, _out, err = _ingest(str(inputs), "--db", sqlite_url, "--strict")
    assert code == 1 and "0 added" in err


def test_stdin(sqlite_url: str) -> None:
    code, _out, err = _ingest("-", "--db", sqlite_url, input=GENEVA)
    assert code == 0, err
    shown = runner.invoke(app, ["articles", "--db", sqlite_url, "--format", "json"])
    assert json.loads(shown.stdout)[0]["source_id"].startswith("stdin-")


def test_db_from_environment(inputs: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACCORD_DB", sqlite_url)
    assert _ingest(str(inputs))[0] == 0
    assert len(json.loads(runner.invoke(app, ["articles", "--format", "json"]).stdout)) == 2


def test_max_file_bytes_setting_reaches_the_readers(
    tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "long.txt"
    path.write_text(GENEVA, encoding="utf-8")
    monkeypatch.setenv("ACCORD_MAX_FILE_BYTES", "100")
    code, _out, err = _ingest(str(path), "--db", sqlite_url)
    assert code == 1 and "A105" in err


def test_articles_filters_and_csv(inputs: Path, sqlite_url: str) -> None:
    _ingest(str(inputs), "--db", sqlite_url)

    def ids(*args: str) -> list[str]:
        result = runner.invoke(app, ["articles", "--db", sqlite_url, "--format", "csv", *args])
        assert result.exit_code == 0, result.output
        return [row["source_id"] for row in csv.DictReader(io.StringIO(result.stdout))]

    assert ids("--since", "2023-05-10") == ["harvest-1"]
    assert ids("--until", "2023-05-10") == ["geneva"]
    assert ids("--outlet", "plains") == ["harvest-1"]
    assert ids("--search", "DETAINEES") == ["geneva"]
    assert ids("--limit", "1") == ["harvest-1"]
    bad = runner.invoke(app, ["articles", "--db", sqlite_url, "--since", "May"])
    assert bad.exit_code != 0


def test_articles_table(inputs: Path, sqlite_url: str) -> None:
    _ingest(str(inputs), "--db", sqlite_url)
    result = runner.invoke(app, ["articles", "--db", sqlite_url])
    assert result.exit_code == 0 and "harvest-1" in result.stdout and "2 articles" in result.stdout


def test_show_by_source_id_and_hash(inputs: Path, sqlite_url: str) -> None:
    _ingest(str(inputs), "--db", sqlite_url)
    by_id = runner.invoke(app, ["show", "geneva", "--db", sqlite_url, "--format", "json"])
    assert by_id.exit_code == 0
    data = json.loads(by_id.stdout)
    assert data["text"].startswith("Detainee exchange") and data["cluster"] == []
    by_hash = runner.invoke(app, ["show", data["content_hash"][:10], "--db", sqlite_url])
    assert by_hash.exit_code == 0 and "serious but not hostile" in by_hash.stdout
    assert "no near-duplicates" in by_hash.stdout
    missing = runner.invoke(app, ["show", "nothing-like-this", "--db", sqlite_url])
    assert missing.exit_code == 1 and "A202" in missing.stderr


def test_show_lists_the_cluster(inputs: Path, sqlite_url: str) -> None:
    copy = {"id": "geneva-copy", "outlet": "River Times", "text": GENEVA + "\nShare this article."}
    (inputs / "copy.jsonl").write_text(json.dumps(copy) + "\n")
    _ingest(str(inputs), "--db", sqlite_url)
    shown = runner.invoke(app, ["show", "geneva", "--db", sqlite_url])
    assert shown.exit_code == 0
    assert "cluster" in shown.stdout and "geneva-copy@1" in shown.stdout


def test_articles_lists_what_the_api_lists(sqlite_url: str) -> None:
    """`accord articles` and GET /api/v1/articles read through one query layer: the same search rule
    (every word, in any form, best match first) and the same outlet rule (name contains it, any case).
    Before, the CLI matched the search as one substring and the API required the exact outlet name."""
    from fastapi.testclient import TestClient

    from accord.serve import create_app
    from accord.store import open_store
    from sample_store import SECTIONED_DOCS, fill

    fill(open_store(sqlite_url), SECTIONED_DOCS)
    asked = [
        {"search": "border delegations"},  # words in another order than the text's
        {"search": "delegation"},  # another form of a word in the text
        {"outlet": "example wire"},  # an outlet's sections, any case
        {"outlet": "Example Wire — Ukraine talks"},
        {"search": "delegations", "outlet": "wire", "since": "2022-01-01", "until": "2022-12-31"},
    ]
    api_names = {"search": "q", "outlet": "outlet", "since": "date_from", "until": "date_to"}
    with TestClient(create_app(sqlite_url)) as client:
        for options in asked:
            args = [part for name, value in options.items() for part in (f"--{name}", value)]
            listed = runner.invoke(app, ["articles", "--db", sqlite_url, "--format", "json", *args])
            assert listed.exit_code == 0, listed.output
            cli = [row["source_id"] for row in json.loads(listed.stdout)]
            params = {api_names[name]: value for name, value in options.items()}
            api = [row["source_id"] for row in client.get("/api/v1/articles", params=params).json()["items"]]
            assert cli == api and cli, options
