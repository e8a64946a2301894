from __future__ import annotations

import numpy as np

from accord.ingest.dedupe import (
    ClusterIndex,
    Fingerprint,
    exact_similarity,
    fingerprint,
    shingle_hashes,
    shingles,
    similarity,
)

STORY = " ".join(
    f"Round {n} of the talks took place in a hotel by the lake and ended with a short statement on item {n}."
    for n in range(40)
)
OTHER = " ".join(
    f"Wheat exports through port {n} fell after insurers raised their rates for the season number {n}."
    for n in range(40)
)


def test_shingles_and_hashes_agree_on_size() -> None:
    assert len(shingles("a b c d e f", 5)) == 2 == shingle_hashes("a b c d e f", 5).size
    assert shingles("two words", 5) == {b"two words"}
    assert shingle_hashes("", 5).size == 0


def test_hashes_are_stable_across_calls() -> None:
    first = fingerprint(STORY, num_perm=64, shingle_size=5)
    second = fingerprint(STORY, num_perm=64, shingle_size=5)
    assert np.array_equal(first.minhash.hashvalues, second.minhash.hashvalues)


def test_fingerprint_round_trip_and_settings_mismatch() -> None:
    print_ = fingerprint(STORY, num_perm=128, shingle_size=5)
    back = Fingerprint.from_bytes(print_.to_bytes(), 128)
    assert back is not None and back.size == print_.size
    assert np.array_equal(back.minhash.hashvalues, print_.minhash.hashvalues)
    assert Fingerprint.from_bytes(print_.to_bytes(), 64) is None  # other num_perm: recompute
    assert Fingerprint.from_bytes(b"junk", 128) is None


def test_similarity_of_copies_truncations_and_strangers() -> None:
    full = fingerprint(STORY, num_perm=128, shingle_size=5)
    half = fingerprint(STORY[: len(STORY) // 2], num_perm=128, shingle_size=5)
    other = fingerprint(OTHER, num_perm=128, shingle_size=5)
    assert similarity(full, full) == 1.0
    assert similarity(full, half) > 0.8  # containment: the half is inside the whole
    assert similarity(full, other) < 0.1
    a, b = shingle_hashes(STORY, 5), shingle_hashes(STORY[: len(STORY) // 2], 5)
    assert exact_similarity(a, b) == 1.0
    assert exact_similarity(a, shingle_hashes(OTHER, 5)) == 0.0


def test_index_checks_stored_articles_exactly_through_the_loader() -> None:
    loaded: list[str] = []

    def load(key: str) -> np.ndarray:
        loaded.append(key)
        return shingle_hashes(STORY, 5)

    index = ClusterIndex(threshold=0.25, num_perm=128, load_shingles=load)
    index.add("stored", fingerprint(STORY, num_perm=128, shingle_size=5), cluster_id=7)  # as read back
    copy = STORY + " Subscribe for more."
    hashes = shingle_hashes(copy, 5)
    assert index.matching_clusters(fingerprint(copy, num_perm=128, shingle_size=5), hashes) == {7}
    assert loaded == ["stored"]
    stranger = shingle_hashes(OTHER, 5)
    assert index.matching_clusters(fingerprint(OTHER, num_perm=128, shingle_size=5), stranger) == set()


def test_merge_moves_members() -> None:
    index = ClusterIndex(threshold=0.25, num_perm=64)
    index.add("a", fingerprint(STORY, num_perm=64, shingle_size=5), 1)
    index.add("b", fingerprint(OTHER, num_perm=64, shingle_size=5), 2)
    assert index.merge(1, [2]) == {"b"}
    assert index.cluster_of == {"a": 1, "b": 1} and index.members == {1: {"a", "b"}}
