"""Near-duplicate detection: MinHash over word shingles, an LSH index, single-link clusters.

Syndicated copies, trimmed versions, copies with boilerplate added and lightly reworded ("spun")
versions of one story share most of their word shingles. Two articles are near-duplicates when the
estimated Jaccard similarity of their shingle sets reaches the threshold, or when the shorter one
is mostly contained in the longer one (a truncated copy), estimated from the same MinHash and the
two set sizes. Each article's MinHash and set size are stored, so a later run loads them back and
new articles join the clusters that already exist.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from datasketch import LeanMinHash, MinHashLSH
from pydantic import BaseModel, ConfigDict

from accord.settings import DEFAULTS, Settings

_MAGIC = b"AMH2"
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
_WORD_CACHE_LIMIT = 500_000
_word_hash_cache: dict[str, int] = {}


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _word_hash(word: str) -> int:
    value = _word_hash_cache.get(word)
    if value is None:
        if len(_word_hash_cache) >= _WORD_CACHE_LIMIT:
            _word_hash_cache.clear()
        value = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")
        _word_hash_cache[word] = value
    return value


@lru_cache(maxsize=8)
def _constants(num_perm: int, shingle_size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Odd multipliers that combine word hashes into shingle hashes, and the permutation pairs (a, b)."""
    rng = np.random.default_rng(_SEED)
    top = np.iinfo(np.uint64).max
    combine = rng.integers(1, top, size=shingle_size, dtype=np.uint64) | np.uint64(1)
    a = rng.integers(1, top, size=num_perm, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, top, size=num_perm, dtype=np.uint64)
    return combine, a, b


def shingle_hashes(text: str, size: int) -> np.ndarray:
    """64-bit hashes of the distinct ``size``-word shingles of ``text`` (lowercased, punctuation dropped).

    Each word is hashed once; a shingle's hash mixes its words' hashes with fixed odd multipliers,
    all in wrapping 64-bit arithmetic, so the whole text is hashed in a few numpy operations.
    """
    return hashes_of_tokens(tokens(text), size)


def hashes_of_tokens(words: list[str], size: int) -> np.ndarray:
    """:func:`shingle_hashes` for text already split by :func:`tokens`."""
    if not words:
        return np.empty(0, dtype=np.uint64)
    cache = _word_hash_cache
    word_hashes = np.array([cache.get(w) or _word_hash(w) for w in words], dtype=np.uint64)
    combine, _, _ = _constants(1, size)
    width = min(size, len(words))
    count = len(words) - width + 1
    hashes = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(width):
            hashes = hashes * combine[j] + word_hashes[j : j + count]
    return np.unique(hashes)


def shingles(text: str, size: int) -> set[bytes]:
    """The set of ``size``-word shingles of ``text`` as bytes (for inspection and tests)."""
    words = tokens(text)
    if len(words) <= size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


class DedupeParams(BaseModel):
    """How near duplicates are found (the settings ``dedupe_threshold``, ``dedupe_num_perm`` and
    ``shingle_size``)."""

    model_config = ConfigDict(frozen=True)

    threshold: float = DEFAULTS.dedupe_threshold
    num_perm: int = DEFAULTS.dedupe_num_perm
    shingle_size: int = DEFAULTS.shingle_size

    @classmethod
    def of(cls, settings: Settings) -> DedupeParams:
        return cls(
            threshold=settings.dedupe_threshold,
            num_perm=settings.dedupe_num_perm,
            shingle_size=settings.shingle_size,
        )


DEFAULT_DEDUPE = DedupeParams()


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
    """MinHash of the text's shingle set (see :func:`fingerprint_of`)."""
    return fingerprint_of(shingle_hashes(text, shingle_size), num_perm=num_perm)


def fingerprint_of(hashes: np.ndarray, *, num_perm: int) -> Fingerprint:
    """MinHash of a set of shingle hashes: for each of ``num_perm`` multiply-shift hash functions
    (a·h + b, top 32 bits), the least value over the set."""
    _, a, b = _constants(num_perm, 1)
    if hashes.size == 0:
        values = np.full(num_perm, np.iinfo(np.uint32).max, dtype=np.uint64)
    else:
        with np.errstate(over="ignore"):
            mixed = (a[:, None] * hashes[None, :] + b[:, None]) >> np.uint64(32)
        values = mixed.min(axis=1)
    return Fingerprint(LeanMinHash(seed=_SEED, hashvalues=values, scheme=_SCHEME), int(hashes.size))


def _combine(jaccard: float, small: int, large: int) -> float:
    """max(Jaccard, containment of the smaller set in the larger), from the Jaccard and set sizes."""
    if small == 0 or large == 0:
        return 0.0
    if small / large < _MIN_SIZE_RATIO:
        return jaccard
    # |A ∩ B| = J (|A| + |B|) / (1 + J); containment divides that by the smaller set.
    containment = jaccard * (small + large) / ((1.0 + jaccard) * small)
    return max(jaccard, min(containment, 1.0))


def similarity(a: Fingerprint, b: Fingerprint) -> float:
    """max(Jaccard, containment), estimated from the two MinHashes and set sizes."""
    if a.size == 0 or b.size == 0:
        return 0.0
    small, large = sorted((a.size, b.size))
    return _combine(float(a.minhash.jaccard(b.minhash)), small, large)


def exact_similarity(a: np.ndarray, b: np.ndarray) -> float:
    """max(Jaccard, containment) of two sorted, distinct shingle-hash arrays, computed exactly."""
    if a.size == 0 or b.size == 0:
        return 0.0
    common = int(np.intersect1d(a, b, assume_unique=True).size)
    small, large = sorted((int(a.size), int(b.size)))
    return _combine(common / (small + large - common), small, large)


@dataclass
class ClusterIndex:
    """In-memory LSH index of every stored article, with the cluster each belongs to.

    Candidates come from the LSH index and a MinHash estimate; the decision is then made on the
    exact shingle sets, since estimating a containment from a small MinHash Jaccard is too noisy
    (it links unrelated articles on the same topic). Shingle sets of articles stored by earlier
    runs are computed on demand through ``load_shingles`` and cached.
    """

    threshold: float
    num_perm: int
    load_shingles: Callable[[str], np.ndarray] | None = None
    lsh: MinHashLSH = field(init=False)
    prints: dict[str, Fingerprint] = field(default_factory=dict)  # keyed by article content hash
    exact: dict[str, np.ndarray] = field(default_factory=dict)
    cluster_of: dict[str, int] = field(default_factory=dict)
    members: dict[int, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        candidate = max(min(self.threshold * _CANDIDATE_FACTOR, 0.95), 0.05)
        self.lsh = MinHashLSH(threshold=candidate, num_perm=self.num_perm)

    def add(self, key: str, print_: Fingerprint, cluster_id: int, hashes: np.ndarray | None = None) -> None:
        self.lsh.insert(key, print_.minhash, check_duplication=False)
        self.prints[key] = print_
        if hashes is not None:
            self.exact[key] = hashes
        self.cluster_of[key] = cluster_id
        self.members.setdefault(cluster_id, set()).add(key)

    def _shingles_of(self, key: str) -> np.ndarray | None:
        hashes = self.exact.get(key)
        if hashes is None and self.load_shingles is not None:
            hashes = self.exact[key] = self.load_shingles(key)
        return hashes

    def matching_clusters(self, print_: Fingerprint, hashes: np.ndarray | None = None) -> set[int]:
        """Clusters holding at least one article near-duplicate of the one with ``print_``/``hashes``."""
        found: set[int] = set()
        if print_.size == 0:
            return found
        keys = list(self.lsh.query(print_.minhash))
        if not keys:
            return found
        # All candidates' MinHash estimates at once: the share of equal values is the Jaccard estimate.
        theirs = np.vstack([self.prints[k].minhash.hashvalues for k in keys])
        jaccard = (theirs == np.asarray(print_.minhash.hashvalues)).mean(axis=1)
        sizes = np.array([self.prints[k].size for k in keys], dtype=np.float64)
        small, large = np.minimum(sizes, print_.size), np.maximum(sizes, print_.size)
        containment = np.minimum(jaccard * (small + large) / ((1.0 + jaccard) * np.maximum(small, 1)), 1.0)
        estimate = np.where(
            small / np.maximum(large, 1) >= _MIN_SIZE_RATIO, np.maximum(jaccard, containment), jaccard
        )
        for index in np.argsort(-estimate):
            if estimate[index] < self.threshold * _CANDIDATE_FACTOR:
                break
            key = keys[index]
            cluster = self.cluster_of[key]
            if cluster in found:
                continue
            other = self._shingles_of(key) if hashes is not None else None
            if hashes is not None and other is not None:
                score = exact_similarity(hashes, other)
            else:
                score = float(estimate[index])
            if score >= self.threshold:
                found.add(cluster)
        return found

    def merge(self, target: int, others: Iterable[int]) -> set[str]:
        """Move the members of ``others`` into ``target``; return the keys that moved."""
        moved: set[str] = set()
        for other in others:
            if other == target:
                continue
            for key in self.members.pop(other, set()):
                self.cluster_of[key] = target
                moved.add(key)
        self.members.setdefault(target, set()).update(moved)
        return moved
