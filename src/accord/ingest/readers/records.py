"""JSON Lines and JSON files: one article per record, unknown fields kept in ``extra``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from accord.errors import AccordError, Errors
from accord.ingest.dates import dateline_date, parse_date
from accord.ingest.models import RawArticle
from accord.ingest.surrogates import first_surrogate

TEXT_FIELDS = ("text", "body", "content")
_DATE_FIELDS = ("published", "date", "published_at")
_KNOWN = {"id", "title", "url", "outlet", "author", "language", *TEXT_FIELDS, *_DATE_FIELDS}


def _scalar(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def record_to_article(record: Any, *, source: str, stem: str, number: int) -> RawArticle | AccordError:
    """One JSON record as an article, or the reason it is not one."""
    if not isinstance(record, dict):
        return AccordError(Errors.A110, source=source, record=number, reason="is not a JSON object")
    surrogate = first_surrogate(record)
    if surrogate:
        where, char = surrogate
        reason = f"has a lone surrogate {char} in '{where}', not valid Unicode"
        return AccordError(Errors.A110, source=source, record=number, reason=reason)
    text = next(
        (record[f] for f in TEXT_FIELDS if isinstance(record.get(f), str) and record[f].strip()), None
    )
    if text is None:
        return AccordError(
            Errors.A110, source=source, record=number, reason="has no text (fields text, body or content)"
        )
    date_raw = next((record[f] for f in _DATE_FIELDS if record.get(f)), None)
    published = parse_date(date_raw) if isinstance(date_raw, str) else None
    if date_raw is not None and published is None:
        # A stated date that does not parse is kept as written rather than guessed at.
        published_raw: dict[str, Any] = {"published_raw": date_raw}
    else:
        published_raw = {}
    extra = {k: v for k, v in record.items() if k not in _KNOWN} | published_raw
    return RawArticle(
        source_id=_scalar(record.get("id")) or f"{stem}:{number}",
        text=text,
        title=_scalar(record.get("title")),
        url=_scalar(record.get("url")),
        author=_scalar(record.get("author")),
        outlet=_scalar(record.get("outlet")),
        published=published or (dateline_date(text) if date_raw is None else None),
        language=_scalar(record.get("language")),
        origin=f"{source}#{number}",
        extra=extra,
    )


def decode_error(exc: json.JSONDecodeError, *, line: bool = True) -> str:
    """The parser's whole message: 'Unterminated string starting at line 3 column 9'."""
    where = f"line {exc.lineno} column {exc.colno}" if line else f"column {exc.colno}"
    joint = " " if exc.msg.endswith(" at") else " at "
    return f"{exc.msg}{joint}{where}"


def _loads(text: str) -> Any:
    """``json.loads``, with what it raises besides JSONDecodeError turned into ValueError.

    Python refuses integers of more than 4,300 digits (ValueError) and overflows its stack on
    deeply nested arrays (RecursionError).
    """
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise ValueError("nested too deeply") from exc
    except json.JSONDecodeError:
        raise
    except ValueError as exc:  # "Exceeds the limit (4300 digits) ...; use sys.set_int_max_str_digits()"
        raise ValueError(str(exc).split(";")[0]) from exc


def read_jsonl(text: str, *, source: str, stem: str) -> Iterator[RawArticle | AccordError]:
    seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        seen = True
        try:
            record = _loads(line)
        except json.JSONDecodeError as exc:
            reason = f"is not valid JSON ({decode_error(exc, line=False)})"
            yield AccordError(Errors.A110, source=source, record=number, reason=reason)
            continue
        except ValueError as exc:  # every line is its own record: the lines after it still count
            yield AccordError(Errors.A110, source=source, record=number, reason=f"is not valid JSON ({exc})")
            continue
        yield record_to_article(record, source=source, stem=stem, number=number)
    if not seen:
        raise AccordError(Errors.A101, source=source)


def read_json(text: str, *, source: str, stem: str) -> Iterator[RawArticle | AccordError]:
    try:
        data = _loads(text)
    except json.JSONDecodeError as exc:
        raise AccordError(Errors.A104, source=source, kind="JSON", reason=decode_error(exc)) from exc
    except ValueError as exc:
        raise AccordError(Errors.A104, source=source, kind="JSON", reason=str(exc)) from exc
    if isinstance(data, dict):
        listed = next(
            (data[k] for k in ("articles", "items", "records") if isinstance(data.get(k), list)), None
        )
        records = listed if listed is not None else [data]
    elif isinstance(data, list):
        records = data
    else:
        raise AccordError(Errors.A104, source=source, kind="JSON", reason="neither an object nor a list")
    if not records:
        raise AccordError(Errors.A107, source=source, reason="no records")
    for number, record in enumerate(records, start=1):
        yield record_to_article(record, source=source, stem=stem, number=number)
