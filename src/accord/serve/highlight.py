"""Cut an article's text into segments, each tagged with the extracted items whose offsets cover it.

Templates render every segment escaped; only the wrapping <span> and its classes come from us, so
article text can never inject markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise


@dataclass(frozen=True)
class Span:
    kind: str  # actor | quote | event | position
    item_id: int
    start: int
    end: int
    label: str


@dataclass
class Segment:
    text: str
    kinds: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # ids of items that begin here

    @property
    def css(self) -> str:
        return " ".join(f"hl-{kind}" for kind in sorted(set(self.kinds)))


def segments(text: str, spans: list[Span]) -> list[Segment]:
    """The text in order, split at every span boundary; spans outside the text are ignored."""
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text)} | {s.start for s in valid} | {s.end for s in valid})
    out: list[Segment] = []
    for begin, end in pairwise(cuts):
        covering = [s for s in valid if s.start <= begin and end <= s.end]
        out.append(
            Segment(
                text=text[begin:end],
                kinds=[s.kind for s in covering],
                labels=[s.label for s in covering],
                anchors=[f"{s.kind}-{s.item_id}" for s in valid if s.start == begin],
            )
        )
    return out
