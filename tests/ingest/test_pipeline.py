from __future__ import annotations

import json
import os
import re
import signal
import unicodedata
from pathlib import Path

import pytest
from sqlalchemy import Engine, event, func, select
from sqlalchemy.orm import Session

from accord.ingest import ingest_paths, normalize_text
from accord.store.schema import Article, Cluster, IngestError, Outlet

EVAL = Path(__file__).resolve().parents[2] / "eval"
SEEDS = EVAL / "seeds"
CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"

# Two unrelated stories of our own, long enough for shingles to mean something.
STORY = (
    "Negotiators from the two governments met for seven hours in a lakeside hotel outside Geneva "
    "on Tuesday.\n"
    "They discussed a phased exchange of detainees, the reopening of two border crossings and a joint "
    "commission that would investigate missing persons on both sides of the contact line.\n"
    "The mediator told reporters that the mood had been serious but not hostile, and that drafting "
    "teams would continue the work on Wednesday morning before the heads of delegation return.\n"
    "Officials on one side insisted that any exchange must include civilians held since the spring, "
    "while the other side asked for lists of names to be verified by the Red Cross first.\n"
    "A date for the next plenary session has not been set, and neither side would say whether the "
    "leaders themselves had been briefed on the outcome of the day."
)
OTHER = (
    "Farmers in the southern provinces began harvesting wheat a fortnight early this year after "
    "a dry spring.\n"
    "Port operators said storage was already close to capacity and that shipping insurance costs had doubled "
    "since the start of the season, squeezing the margins of small exporters.\n"
    "The agriculture ministry promised temporary silos and a subsidy for rail freight, but growers' "
    "associations called the measures too little and too late for this harvest.\n"
    "Economists expect the export volume to fall by about a tenth compared with last year."
)


def _rows(engine: Engine) -> list[Article]:
    with Session(engine) as session:
        return list(session.scalars(select(Article).order_by(Article.id)))


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_seeds_ingest_with_every_sentence_kept_and_artifacts_fixed(engine: Engine) -> None:
    report = ingest_paths([SEEDS], engine, progress=False)
    assert report.ok and report.added == 4
    stored = {a.source_id: a for a in _rows(engine)}
    for path in sorted(SEEDS.glob("*.txt")):
        original = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        article = stored[path.stem]
        assert re.sub(r"\s+", "", article.text) == re.sub(r"\s+", "", original)
        for line in original.splitlines():
            if line.strip():
                # Every original paragraph is there, word for word, once its spacing is repaired.
                assert normalize_text(line) in article.text
        assert not re.search(r"[a-z]\"[A-Za-z]", article.text)
        assert article.language == "en"
        assert article.word_count > 500
        assert article.published is None  # the seeds state no publication date
        assert article.minhash and article.cluster_id


def test_reingest_adds_nothing(engine: Engine, tmp_path: Path) -> None:
    _write(tmp_path, "story.txt", STORY)
    _write(tmp_path, "other.txt", OTHER)
    first = ingest_paths([tmp_path], engine, progress=False)
    second = ingest_paths([tmp_path], engine, progress=False)
    assert (first.added, first.unchanged) == (2, 0)
    assert (second.added, second.new_versions, second.unchanged) == (0, 0, 2)
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Article)) == 2
        assert session.scalar(select(func.count()).select_from(Cluster)) == 2


def test_changed_text_is_a_new_version_not_an_overwrite(engine: Engine, tmp_path: Path) -> None:
    path = _write(tmp_path, "story.txt", STORY)
    ingest_paths([path], engine, progress=False)
    path.write_text(STORY + "\nUpdate: the next session will take place on Friday.", encoding="utf-8")
    report = ingest_paths([path], engine, progress=False)
    assert (report.added, report.new_versions) == (0, 1)
    old, new = _rows(engine)
    assert (old.source_id, old.version, new.source_id, new.version) == ("story", 1, "story", 2)
    assert "Update" not in old.text and "Update" in new.text
    assert old.cluster_id == new.cluster_id  # the update is a near-duplicate of its first version


def test_known_url_with_changed_text_is_a_new_version(engine: Engine, tmp_path: Path) -> None:
    url = "https://wire.example/geneva"
    path = _write(tmp_path, "a.jsonl", json.dumps({"id": "w-1", "url": url, "text": STORY}) + "\n")
    ingest_paths([path], engine, progress=False)
    path.write_text(json.dumps({"id": "w-1-updated", "url": url, "text": STORY + " Corrected."}) + "\n")
    report = ingest_paths([path], engine, progress=False)
    assert report.new_versions == 1
    versions = {(a.source_id, a.version) for a in _rows(engine)}
    assert versions == {("w-1", 1), ("w-1-updated", 2)}


def test_rewrite_from_another_outlet_joins_the_cluster_in_a_later_run(engine: Engine, tmp_path: Path) -> None:
    _write(tmp_path / "one", "a.jsonl", json.dumps({"id": "a", "outlet": "Atlas Daily", "text": STORY}))
    _write(tmp_path / "one", "b.jsonl", json.dumps({"id": "b", "outlet": "Atlas Daily", "text": OTHER}))
    ingest_paths([tmp_path / "one"], engine, progress=False)
    paragraphs = STORY.split("\n")
    rewrite = "\n".join([paragraphs[2], paragraphs[0], paragraphs[1]]).replace("told reporters", "said")
    rewrite += "\nSubscribe to our newsletter for more."
    _write(tmp_path / "two", "c.jsonl", json.dumps({"id": "c", "outlet": "River Times", "text": rewrite}))
    ingest_paths([tmp_path / "two"], engine, progress=False)
    by_id = {a.source_id: a for a in _rows(engine)}
    assert by_id["c"].cluster_id == by_id["a"].cluster_id != by_id["b"].cluster_id
    with Session(engine) as session:
        cluster = session.get(Cluster, by_id["a"].cluster_id)
        assert cluster is not None and (cluster.size, cluster.outlet_count) == (2, 2)


def test_article_bridging_two_clusters_merges_them(engine: Engine, tmp_path: Path) -> None:
    paragraphs = STORY.split("\n")
    first, second = "\n".join(paragraphs[:3]), "\n".join([*paragraphs[3:], OTHER])
    _write(tmp_path / "one", "halves.jsonl", json.dumps({"id": "h1", "text": first}) + "\n"
           + json.dumps({"id": "h2", "text": second}) + "\n")  # fmt: skip
    ingest_paths([tmp_path / "one"], engine, progress=False)
    h1, h2 = _rows(engine)
    assert h1.cluster_id != h2.cluster_id
    _write(tmp_path / "two", "whole.jsonl", json.dumps({"id": "w", "text": STORY + "\n" + OTHER}) + "\n")
    ingest_paths([tmp_path / "two"], engine, progress=False)
    clusters = {a.cluster_id for a in _rows(engine)}
    assert len(clusters) == 1
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Cluster)) == 1
        only = session.get(Cluster, clusters.pop())
        assert only is not None and only.size == 3


def test_bad_files_are_recorded_and_the_rest_is_stored(engine: Engine, tmp_path: Path) -> None:
    _write(tmp_path, "a-empty.txt", "")
    (tmp_path / "b-binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    _write(tmp_path, "c-broken.json", '{"text": "unterminated')
    _write(tmp_path, "d-good.txt", STORY)
    report = ingest_paths([tmp_path], engine, progress=False)
    assert not report.ok and report.added == 1
    assert [e.code for e in report.errors] == ["A101", "A102", "A104"]
    with Session(engine) as session:
        stored = session.scalars(select(IngestError).order_by(IngestError.id)).all()
        assert [(Path(e.source).name, e.code) for e in stored] == [
            ("a-empty.txt", "A101"),
            ("b-binary.txt", "A102"),
            ("c-broken.json", "A104"),
        ]


def test_strict_stops_at_the_first_failure(engine: Engine, tmp_path: Path) -> None:
    _write(tmp_path, "a-good.txt", OTHER)
    _write(tmp_path, "b-empty.txt", "")
    _write(tmp_path, "c-good.txt", STORY)
    report = ingest_paths([tmp_path], engine, strict=True, progress=False)
    assert report.added == 1 and len(report.errors) == 1
    assert [a.source_id for a in _rows(engine)] == ["a-good"]


def test_outlets_are_shared_rows(engine: Engine, tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": f"x{i}", "outlet": "Atlas Daily", "text": t}) for i, t in enumerate([STORY, OTHER])
    ]
    _write(tmp_path, "x.jsonl", "\n".join(lines))
    ingest_paths([tmp_path], engine, progress=False)
    with Session(engine) as session:
        assert session.scalars(select(Outlet.name)).all() == ["Atlas Daily"]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="sample corpus not present")
def test_sample_corpus_ingests_cleanly(engine: Engine) -> None:
    report = ingest_paths([CORPUS], engine, progress=False)
    assert report.ok, report.errors
    assert report.added >= 10
    again = ingest_paths([CORPUS], engine, progress=False)
    assert again.added == again.new_versions == 0 and again.unchanged == report.added


def test_cluster_ids_come_from_the_database(engine: Engine, tmp_path: Path) -> None:
    _write(tmp_path, "story.txt", STORY)
    _write(tmp_path, "other.txt", OTHER)
    ingest_paths([tmp_path], engine, progress=False)
    # Another stage adding a cluster the ordinary way must not collide with ingest's clusters,
    # which it would on PostgreSQL if ingest had chosen ids itself behind the sequence's back.
    with Session(engine) as session, session.begin():
        session.add(Cluster(size=1, outlet_count=0))
    with Session(engine) as session:
        ids = session.scalars(select(Cluster.id)).all()
        assert len(ids) == len(set(ids)) == 3
        assert all(i > 0 for i in ids)


def test_progress_bar_only_on_terminals_unless_asked(engine: Engine, tmp_path: Path) -> None:
    from accord.ingest.pipeline import _progress_wanted

    assert _progress_wanted(None, 1000) is False  # pytest captures stderr: not a terminal
    assert _progress_wanted(True, 1) is True and _progress_wanted(False, 1000) is False
    _write(tmp_path, "story.txt", STORY)
    assert ingest_paths([tmp_path], engine, progress=True).added == 1


def test_big_record_file_commits_in_batches(engine: Engine, tmp_path: Path) -> None:
    records = [
        json.dumps({"id": f"r{n}", "text": f"Record number {n} of a long feed. {STORY}"}) for n in range(450)
    ]
    _write(tmp_path, "many.jsonl", "\n".join(records))
    commits: list[object] = []

    def count(connection: object) -> None:
        commits.append(connection)

    event.listen(engine, "commit", count)
    try:
        report = ingest_paths([tmp_path], engine, progress=False)
    finally:
        event.remove(engine, "commit", count)
    assert report.added == 450
    # One read-back at the start, then 200 + 200 + 50 records: a kill mid-file keeps the first batches.
    assert len(commits) >= 4


def test_ctrl_c_right_after_a_commit_is_counted_as_the_store_holds_it(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C that lands just after the database committed a batch waits until the batch is counted,
    so the interrupted report's totals are what the store holds."""
    records = [json.dumps({"id": f"c{n}", "text": f"Commit test {n}. {STORY}"}) for n in range(450)]
    _write(tmp_path, "many.jsonl", "\n".join(records))
    commit = Session.commit
    commits: list[int] = []

    def commit_then_interrupt(session: Session) -> None:
        commit(session)
        commits.append(1)
        if len(commits) == 2:
            os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(Session, "commit", commit_then_interrupt)
    report = ingest_paths([tmp_path], engine, progress=False)
    monkeypatch.undo()
    assert report.interrupted
    with Session(engine) as session:
        stored = session.scalar(select(func.count()).select_from(Article))
    assert stored is not None and 0 < stored < 450 and report.added == stored


def _pool_listeners(engine: Engine) -> list[object]:
    dispatch = engine.pool.dispatch
    return [*dispatch.connect, *dispatch.first_connect, *dispatch.checkout]


def test_ingest_leaves_the_callers_engine_as_it_found_it(engine: Engine, tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", STORY)
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        before = connection.exec_driver_sql("PRAGMA synchronous").scalar() if sqlite else None
    pool, listeners = engine.pool, _pool_listeners(engine)
    assert ingest_paths([tmp_path], engine, progress=False).added == 1
    # Not disposed (same pool), no listener added, and the connections it lent keep their settings.
    assert engine.pool is pool
    assert _pool_listeners(engine) == listeners
    if sqlite:  # ingest writes with synchronous=NORMAL on the connection it borrows, then sets it back
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == before
    assert [a.source_id for a in _rows(engine)] == ["a"]
