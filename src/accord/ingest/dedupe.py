"""Near-duplicate detection: MinHash over word shingles, an LSH index, single-link clusters.

Syndicated copies, trimmed versions, copies with boilerplate added and lightly reworded ("spun")
versions of one story share most of their word shingles. Two articles are near-duplicates when the
estimated Jaccard similarity of their shingle sets reaches the threshold, or when the shorter one
is mostly contained in the longer one (a truncated copy), estimated from the same MinHash and the
two set sizes. Each article's MinHash and set size are stored, so a later run loads them back and
new articles join the clusters that already exist.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

_MAGIC = b"AMH1"
_SCHEME = "affine32"
_SEED = 1
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
# Containment is only trusted when the shorter text is at least this fraction of the longer; below it
# the MinHash estimate of a small overlap is too noisy to scale up.
_MIN_SIZE_RATIO = 0.2
# The LSH index must surface pairs whose Jaccard is below the threshold but whose containment is high
# (a copy cut to half its length has Jaccard 0.5 and containment 1), so it looks lower than the
# threshold and each candidate is then checked exactly.
_CANDIDATE_FACTOR = 0.6


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def shingles(text: str, size: int) -> set[bytes]:
    """The set of ``size``-word shingles of ``text`` (lowercased, punctuation dropped)."""
    words = tokens(text)
    if len(words) <= size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> np.ndarray:
    return np.asarray(MinHash(num_perm=num_perm, seed=_SEED, scheme=_SCHEME).permutations)


@dataclass(frozen=True)
class Fingerprint:
    """The MinHash of an article's shingle set, and how many shingles the set has."""

    minhash: LeanMinHash
    size: int

    def to_bytes(self) -> bytes:
        values = np.asarray(self.minhash.hashvalues, dtype="<u8")
        return _MAGIC + struct.pack("<II", self.size, len(values)) + values.tobytes()

    @classmethod
    def from_bytes(cls, blob: bytes, num_perm: int) -> Fingerprint | None:
        """The stored fingerprint, or None when it is absent or was made with other settings."""
        if not blob or not blob.startswith(_MAGIC) or len(blob) < 12:
            return None
        size, count = struct.unpack("<II", blob[4:12])
        if count != num_perm or len(blob) != 12 + 8 * count:
            return None
        values = np.frombuffer(blob[12:], dtype="<u8")
        return cls(LeanMinHash(seed=_SEED, hashvalues=values, scheme=_SCHEME), size)


def fingerprint(text: str, *, num_perm: int, shingle_size: int) -> Fingerprint:
    grams = shingles(text, shingle_size)
    minhash = MinHash(num_perm=num_perm, seed=_SEED, permutations=_permutations(num_perm), scheme=_SCHEME)
    if grams:
        minhash.update_batch(list(grams))
    return Fingerprint(LeanMinHash(minhash), len(grams))


def similarity(a: Fingerprint, b: Fingerprint) -> float:
    """max(Jaccard, containment of the smaller set in the larger), both estimated from the MinHash."""
    if a.size == 0 or b.size == 0:
        return 0.0
    jaccard = float(a.minhash.jaccard(b.minhash))
    small, large = sorted((a.size, b.size))
    if small / large < _MIN_SIZE_RATIO:
        return jaccard
    # |A ∩ B| = J (|A| + |B|) / (1 + J); containment divides that by the smaller set.
    containment = jaccard * (small + large) / ((1.0 + jaccard) * small)
    return max(jaccard, min(containment, 1.0))


@dataclass
class ClusterIndex:
    """In-memory LSH index of every stored article, with the cluster each belongs to."""

    threshold: float
    num_perm: int
    lsh: MinHashLSH = field(init=False)
    prints: dict[int, Fingerprint] = field(default_factory=dict)
    cluster_of: dict[int, int] = field(default_factory=dict)
    members: dict[int, set[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        candidate = max(min(self.threshold * _CANDIDATE_FACTOR, 0.95), 0.05)
        self.lsh = MinHashLSH(threshold=candidate, num_perm=self.num_perm)

    def add(self, article_id: int, print_: Fingerprint, cluster_id: int) -> None:
        self.lsh.insert(article_id, print_.minhash, check_duplication=False)
        self.prints[article_id] = print_
        self.cluster_of[article_id] = cluster_id
        self.members.setdefault(cluster_id, set()).add(article_id)

    def matching_clusters(self, print_: Fingerprint) -> set[int]:
        """Clusters holding at least one article near-duplicate of ``print_``."""
        found: set[int] = set()
        if print_.size == 0:
            return found
        for key in self.lsh.query(print_.minhash):
            cluster = self.cluster_of[key]
            if cluster in found:
                continue
            if similarity(print_, self.prints[key]) >= self.threshold:
                found.add(cluster)
        return found

    def merge(self, target: int, others: Iterable[int]) -> set[int]:
        """Move the members of ``others`` into ``target``; return the article ids that moved."""
        moved: set[int] = set()
        for other in others:
            if other == target:
                continue
            for article_id in self.members.pop(other, set()):
                self.cluster_of[article_id] = target
                moved.add(article_id)
        self.members.setdefault(target, set()).update(moved)
        return moved
