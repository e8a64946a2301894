"""Ingest stage: files, folders, stdin → normalized articles, near-duplicate clusters, stored."""

from accord.ingest.dedupe import fingerprint, similarity
from accord.ingest.language import detect_language
from accord.ingest.models import IngestIssue, IngestReport, RawArticle
from accord.ingest.normalize import normalize_text, word_count
from accord.ingest.pipeline import content_hash, ingest_paths
from accord.ingest.readers import read_bytes, read_file, read_path

__all__ = [
    "IngestIssue",
    "IngestReport",
    "RawArticle",
    "content_hash",
    "detect_language",
    "fingerprint",
    "ingest_paths",
    "normalize_text",
    "read_bytes",
    "read_file",
    "read_path",
    "similarity",
    "word_count",
]
