"""What the fuzzer feeds sourcetrace and how it judges the answer, shared by bench/fuzz.py (100,000+
inputs a target) and the short derandomized runs in tests/test_fuzz.py and tests/test_spans_property.py.

A *target* is a way in: each reader by its file type (text, html, jsonl, warc), standard input
(sniffed), and ``trace_text``. ``case(target, number, seed)`` makes input ``number`` of a campaign,
deterministically: half the time a seed (a report as written: the gold sets, the shipped examples, the
Russian and Ukrainian development articles, wrapped in the target's format) mutated as an attacker or
a broken exporter would, otherwise bytes or text generated from scratch, in English, Russian or
Ukrainian fragments (a third each). ``judge(target, data)`` runs it and names what went wrong, if anything:

- ``crash``: an exception escaped, or a message says a bug (E010 for a reader, E100 for the tracer);
- ``span``: a span that does not slice the document text (out of range, empty, or not the text its
  record holds); for readers, a document text that is not what a span can index (a lone surrogate,
  a carriage return left in, empty);
- ``ok``: anything else, refusals with a numbered message included.

Hangs are timed by the caller (bench/fuzz.py): over 10 s on an input under 100 KB.
"""
from __future__ import annotations

import codecs
import encodings.aliases
import gzip
import io
import json
import random
import re
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = ("text", "html", "jsonl", "warc", "stdin", "trace_text")
SUFFIX = {"text": ".txt", "html": ".html", "jsonl": ".jsonl", "warc": ".warc", "stdin": ""}
NUMBERED = re.compile(r"\[[EW]\d{3}\]")
# Extraction faults pinned by xfail tests in tests/test_fuzz_regressions.py, for the lead to mend in
# extract/ and lang/: the campaign counts them like any other; the short CI run lets them by. Empty
# while none is pinned: the three found in the first Cyrillic inputs were fixed (46eee12), so if one
# comes back it counts as new.
KNOWN: dict[str, re.Pattern] = {}
BUGS = ("[E010]", "[E100]")

# Fragments real reports are made of, and odd Unicode; tests/test_spans_property.py builds its
# texts from these too.
FRAGMENTS = [
    # figures
    "60,164 cases", "60 164 cases", "60.164 cases", "29.8 thousand", "two million people",
    "a dozen soldiers", "hundreds of servicemen", "about 20,000 cases of desertion per month",
    "between 15,000 and 17,000", "1,500-2,000", "more than 5,000", "almost 290\u202f000",
    "nearly 4,000 deserters", "12%", "3.5 percentage points", "four-fold", "tripled",
    "every 14th serviceman", "three or even four times higher", "$1.2 million", "Article 408",
    "the 93rd Brigade", "a 34-year-old sergeant", "at 14:30",
    # time
    "since February 2022", "from January 2022 to September 2025", "in the first seven months of this year",
    "in the first half of 2024", "in October alone", "earlier this year", "last week", "on Wednesday",
    "May 3", "the next year", "since the start of the full-scale invasion",
    # attribution
    "according to", "citing", "said", "told", "reported", "claimed", "according to a report by",
    "said in a reply to a request from", "calculations based on data from", "as reported by",
    "TASS", "Interfax", "the ministry", "The agency", "the office", "a source in law enforcement",
    "unnamed sources within the security services", "people familiar with the matter",
    "Experts say", "Legal experts have noted", "critics argue", "it is believed",
    # hedges
    "if accurate", "allegedly", "reportedly", "may", "could not be independently verified",
    "so-called", "This data, if accurate,", "probably",
    # incidents
    "a deserter was sentenced to prison", "identified only by his initials", "was detained",
    "after stealing an armored personnel carrier", "at a military base in western Ukraine",
    "The individual", "He",
    # punctuation and layout
    ".", ",", ";", ":", "!", "?", "\u2014", "(", ")", "\"", "\u201c", "\u201d", "\u2019", "\n", "\n\n",
    # odd unicode
    "\u00a0", "\u202f", "\u200b", "e\u0301", "\u0423\u043a\u0440\u0430\u0457\u043d\u0441\u044c\u043a\u0430 \u043f\u0440\u0430\u0432\u0434\u0430",
    "\u0421\u0417\u0427", "29,8 \u0442\u0438\u0441.", "\u05e9\u05dc\u05d5\u05dd", "\U0001f642", "\ufeff",
]
DATELINES = ["", "MOSCOW, May 3. /TASS/. ", "KYIV (Reuters) - ", "Headline With 5,000 Cases\n\nVARDEN, March 14. /VALPRESS/. "]
# The same kinds of fragment as Russian and Ukrainian reporting writes them (lang/ru, lang/uk).
FRAGMENTS_RU = [
    "более 3 тыс.", "3 184", "60 164 дела", "29,8 тыс.", "от 30 до 50 тыс.", "от 190 тысяч до 245 тысяч",
    "около 20 тысяч случаев дезертирства в месяц", "двое", "семерых", "десятки", "примерно треть.",
    "в два раза больше", "на 155", "4 631 870 человек", "статья 408", "в среднем 40 обстрелов за добу",
    "с начала 2025 года", "в сентябре прошлого года", "с 3 по 9 марта", "16–19 февраля 2024 года",
    "в апреле—июне", "на 2025 год", "за сутки", "за десять месяцев", "по состоянию на 08:00 22 апреля",
    "в прошлом августе", "с начала 2022 года по 1 ноября 2025 года",
    "по данным", "согласно данным", "со ссылкой на", "сообщил", "рассказал", "заявили", "Об этом",
    "ТАСС", "Интерфакс", "Минобороны", "ГУ МЧС", "источник в правоохранительных органах",
    "собеседник агентства", "попросивший не называть его имени", "в Единой базе данных зарегистрированы",
    "якобы", "по неподтверждённым данным", "проверить эти данные независимо не удалось", "может достигать",
    "был задержан", "приговорён к лишению свободы", "в Курганской области", "Он",
]
FRAGMENTS_UK = [
    "понад 3 тис.", "60 164 справи", "29,8 тис.", "від 30 до 50 тис.", "близько 20 тисяч випадків на місяць",
    "двоє", "десятки", "щодня регіон залишають 177 людей", "177 людей на добу", "на місяць", "третина",
    "з початку 2025 року", "у вересні минулого року", "з 3 по 9 березня", "за добу", "станом на 22 квітня",
    "за даними", "за офіційними даними", "згідно з", "повідомили", "розповів", "заявив", "йдеться у відповіді",
    "Міненерго", "Офісу Омбудсмана", "видання «Верстка»", "«Українська правда»", "Джерело в Коордштабі",
    "західні ЗМІ, посилаючись на неназвані джерела, стверджують", "Двоє посадовців", "На умовах анонімності",
    "попросив не називати", "знайомих із ситуацією", "нібито", "за неперевіреними даними", "ймовірно",
    "був затриманий", "засудили до позбавлення волі", "у Харківській області", "Він",
]
FRAGMENTS_BY_LANGUAGE = {"en": FRAGMENTS, "ru": FRAGMENTS_RU, "uk": FRAGMENTS_UK}
DATELINES_BY_LANGUAGE = {"en": DATELINES, "ru": ["", "МОСКВА, 3 мая. /ТАСС/. ", "КУРГАН, 22 апреля. /ТАСС/. "],
                         "uk": ["", "КИЇВ, 3 травня. /Укрінформ/. ", "Харків — "]}
SHARED = [".", ",", ";", ":", "!", "?", "\u2014", "(", ")", "«", "»", "\n", "\n\n", "\u00a0", "\u202f", "\u200b"]
# What breaks readers: nothing here is a report, all of it turns up in real files or attacks.
NASTY_BYTES = [b"\x00", b"\x00\x00\x00", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\xff\xfe\x00\x00", b"\r", b"\r\n",
               b"\x1b[31m", b"\x08\x0b\x0c", b"\\ud800", b"\\udfff", b"\\u0000", b'"', b"\\", b"{", b"}", b"[" * 64,
               b"]" * 64, b"9" * 4400, b"-1e999999", b"NaN", b"\x1f\x8b\x08\x00", b"\xc3\x28", b"\xed\xa0\x80",
               b"<script>alert(1)</script>", b"<!--", b"-->", b"<![CDATA[", b"&#0;", b"&#xD800;", b"&#1114112;",
               b"WARC/1.0\r\n", b"Content-Length: 99999999999\r\n", b"Content-Length: -5\r\n", b"\r\n\r\n",
               b"HTTP/1.1 200 OK\r\n", b"Content-Type: text/html; charset=idna\r\n", b"Content-Encoding: br\r\n"]
NASTY_TEXT = ["\x00", "\ud800", "\udfff", "\u0301\u0301\u0301", "\u202e", "\ufeff", "\u2028", "\r", "\x85", "\x1f",
              "1,000 " * 8, "9" * 400, "May 32", "February 30", "0 May", "year 9999", "in the year 1",
              "\u0661\u0662\u0663", "\u00bd", "\u2075", "١٬٠٠٠", "((((((((", "))))", "\" \" \" \"", ". . . .",
              "a" * 300, "\t\t\t", "TASS TASS TASS TASS", "according to according to"]
DATES = ["2025-05-10", "2024-01-01", "2026-03-14", "2023-12-31", "2022-02-24"]


# --- seeds -------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def seed_texts() -> tuple[str, ...]:
    texts = []
    for name in ("figures.jsonl", "heldout.jsonl"):
        path = ROOT / "bench" / "gold" / name
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    demo = ROOT / "sourcetrace" / "examples" / "demo" / "demo.jsonl"
    texts += [json.loads(line)["text"] for line in demo.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += [path.read_text(encoding="utf-8") for path in (ROOT / "sourcetrace" / "examples").glob("*.txt")]
    return tuple(texts)


@lru_cache(maxsize=1)
def cyrillic_texts() -> tuple[str, ...]:
    """The Russian and Ukrainian development articles (never the blind sets), split at paragraphs
    into passages of a few hundred to a few thousand characters."""
    texts = []
    for name in ("ru-dev.jsonl", "uk-dev.jsonl"):
        path = ROOT / "bench" / "articles" / name
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                paragraphs = json.loads(line)["text"].split("\n\n")
                texts += ["\n\n".join(paragraphs[i:i + 3]) for i in range(0, len(paragraphs), 3)]
    return tuple(texts)


@lru_cache(maxsize=1)
def all_seeds() -> tuple[str, ...]:
    """What mutated inputs start from: English seeds, and as many Cyrillic passages as there are."""
    return seed_texts() + cyrillic_texts()


def wrap(target: str, text: str, rng: random.Random) -> bytes:
    """A report as a file of the target's type would hold it."""
    if target == "html":
        charset = rng.choice(["utf-8", "windows-1251", "iso-8859-1", "utf-16", rng.choice(CODECS)])
        page = (f'<!doctype html><html><head><meta charset="{charset}"><title>{text[:60]}</title></head>'
                f'<body><nav>Home | World</nav><article><h1>{text[:80]}</h1>'
                + "".join(f"<p>{p}</p>" for p in text.split("\n") if p) + "</article></body></html>")
        return _encode(page, charset, rng)
    if target == "jsonl":
        lines = [json.dumps({"text": t, "id": rng.randrange(10**6), "published": rng.choice(DATES)},
                            ensure_ascii=rng.random() < 0.5) for t in [text, rng.choice(all_seeds())]]
        return ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")  # a broken exporter writes these too
    if target == "warc":
        return warc_bytes([wrap("html", text, rng), _encode(text, "utf-8", rng)], gzipped=rng.random() < 0.5)
    if target == "stdin":
        return wrap(rng.choice(["text", "html", "jsonl", "warc"]), text, rng)
    return _encode(text, rng.choice(["utf-8", "utf-8", "cp1251", "utf-16", "koi8_r", "latin-1", "utf-32"]), rng)


def warc_bytes(pages: list[bytes], gzipped: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    for number, page in enumerate(pages):
        kind = "text/html; charset=utf-8" if page.lstrip().startswith(b"<") else "text/plain"
        headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
        record = writer.create_warc_record(f"https://example.org/{number}", "response", payload=io.BytesIO(page),
                                           http_headers=headers)
        writer.write_record(record)
    return out.getvalue()


CODECS = sorted(set(encodings.aliases.aliases.values()))


def _encode(text: str, encoding: str, rng: random.Random) -> bytes:
    try:
        data = text.encode(encoding, errors="replace")
    except (LookupError, UnicodeError, TypeError):
        data = text.encode("utf-8", "surrogatepass")
    return codecs.BOM_UTF8 + data if encoding == "utf-8" and rng.random() < 0.1 else data


# --- inputs ------------------------------------------------------------------------------------

def case(target: str, number: int, seed: int = 0):
    """Input ``number`` of a campaign on ``target``: bytes for a reader, (text, published) for trace_text."""
    rng = random.Random(f"{target}:{seed}:{number}")
    if target == "trace_text":
        return text_case(rng)
    if rng.random() < 0.5:
        data = wrap(target, rng.choice(all_seeds()), rng)
    else:
        data = wrap(target, generated_text(rng), rng) if rng.random() < 0.6 else rng.randbytes(rng.randrange(2000))
    for _ in range(rng.choice([0, 1, 1, 2, 3, 8])):
        data = mutate_bytes(data, rng)
    return data


def text_case(rng: random.Random) -> tuple[str, str | None]:
    if rng.random() < 0.4:
        text = rng.choice(all_seeds())
        for _ in range(rng.choice([1, 2, 4, 8])):
            text = mutate_text(text, rng)
    else:
        text = generated_text(rng)
    if rng.random() < 0.002:  # now and then a long one: time must grow with the text, no faster
        text = (text + " ") * max(1, rng.randrange(20_000, 90_000) // max(len(text), 1))
    return text[:99_000], rng.choice([None, *DATES])


def generated_text(rng: random.Random) -> str:
    """Fragments of one language (English, Russian or Ukrainian, a third each), now and then one of
    another, with odd text and random words."""
    language = rng.choice(list(FRAGMENTS_BY_LANGUAGE))
    own = FRAGMENTS_BY_LANGUAGE[language] + (SHARED if language != "en" else [])
    parts = [_pick(own, rng) for _ in range(rng.randrange(1, 60))]
    return rng.choice(DATELINES_BY_LANGUAGE[language]) + rng.choice([" ", " ", "", ". ", "\n"]).join(parts)


def _pick(own: list[str], rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.7:
        return rng.choice(own)
    if roll < 0.8:
        return rng.choice(NASTY_TEXT)
    if roll < 0.85:  # a fragment of another language: mixed text is what detection must survive
        return rng.choice(rng.choice(list(FRAGMENTS_BY_LANGUAGE.values())))
    return _random_word(rng)


def _random_word(rng: random.Random) -> str:
    return "".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0xA0, 0x2FFF), rng.randrange(0x1F300, 0x1F6FF),
                                   rng.randrange(0, 32)])) for _ in range(rng.randrange(1, 12)))


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    where = rng.randrange(len(data) + 1)
    how = rng.randrange(7)
    if how == 0 and data:  # flip a byte
        return data[:where - 1] + bytes([rng.randrange(256)]) + data[where:] if where else data
    if how == 1:
        return data[:where] + rng.choice(NASTY_BYTES) + data[where:]
    if how == 2:  # cut a piece out, or the end off
        return data[:where] + data[where + rng.randrange(1, 200):] if rng.random() < 0.7 else data[:where]
    if how == 3:  # repeat a piece
        piece = data[where:where + rng.randrange(1, 100)]
        return data[:where] + piece * rng.randrange(2, 50) + data[where:]
    if how == 4:  # splice another seed in
        return data[:where] + rng.choice(all_seeds()).encode("utf-8")[: rng.randrange(1, 500)] + data[where:]
    if how == 5:
        return gzip.compress(data) if rng.random() < 0.2 else data + rng.randbytes(rng.randrange(1, 64))
    return data[:where] + b"[" * 100_000 + b"]" * rng.choice([0, 100_000]) + data[where:] if rng.random() < 0.1 else data


def mutate_text(text: str, rng: random.Random) -> str:
    where = rng.randrange(len(text) + 1)
    how = rng.randrange(4)
    if how == 0:
        return text[:where] + rng.choice(NASTY_TEXT + rng.choice(list(FRAGMENTS_BY_LANGUAGE.values()))) + text[where:]
    if how == 1:
        return text[:where] + text[where + rng.randrange(1, 80):]
    if how == 2:
        piece = text[where:where + rng.randrange(1, 60)]
        return text[:where] + piece * rng.randrange(2, 20) + text[where:]
    return text[:where] + _random_word(rng) + text[where:]


# --- judging -----------------------------------------------------------------------------------

WARM_UP = ["TASS said 300 soldiers deserted in May.", "ТАСС сообщил, что в мае дезертировали 300 военных.",
           "Як повідомили в Міноборони, у травні дезертирували 300 військових."]


def warm_up(target: str) -> None:
    """Load what an input could need (each language's parser, for trace_text) before any is timed."""
    for text in WARM_UP if target == "trace_text" else WARM_UP[:1]:
        judge(target, (text, None) if target == "trace_text" else text.encode("utf-8"))


def known(what: str) -> str | None:
    """Which known extraction fault ``what`` is, if any."""
    return next((name for name, pattern in KNOWN.items() if pattern.search(what)), None)


def judge(target: str, data) -> tuple[str, str]:
    """(outcome, what): outcome is ok, crash or span; ``what`` names the kind of fault, briefly."""
    try:
        if target == "trace_text":
            return _judge_trace(*data)
        return _judge_read(target, data)
    except Exception as exc:  # noqa: BLE001 - the point of the exercise
        return "crash", f"{type(exc).__name__}: {str(exc)[:80]}"


def _judge_read(target: str, data: bytes) -> tuple[str, str]:
    from sourcetrace.ingest import read_inputs
    from sourcetrace.ingest import InputProblem

    items = list(_read(target, data, read_inputs))
    for item in items:
        if isinstance(item, InputProblem):
            if any(bug in item.problem for bug in BUGS):
                return "crash", item.problem[:100]
            if not NUMBERED.search(item.problem):
                return "crash", f"an unnumbered message: {item.problem[:80]}"
        elif not item.text or "\r" in item.text or re.search("[\ud800-\udfff]", item.text):
            return "span", "a document text spans cannot index (empty, \\r, or a lone surrogate)"
    return "ok", f"{sum(not isinstance(i, InputProblem) for i in items)} documents"


def _read(target: str, data: bytes, read_inputs):
    if target == "stdin":
        stdin = sys.stdin
        sys.stdin = io.TextIOWrapper(io.BufferedReader(io.BytesIO(data)))
        try:
            return list(read_inputs(["-"]))
        finally:
            sys.stdin = stdin
    with tempfile.TemporaryDirectory() as folder:
        suffix = SUFFIX[target] + (".gz" if target == "warc" and data[:2] == b"\x1f\x8b" else "")
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        return list(read_inputs([str(path)]))


def _judge_trace(text: str, published: str | None) -> tuple[str, str]:
    from sourcetrace import trace_text
    from sourcetrace.errors import ComponentError, SourcetraceError, describe_failure

    try:
        trace = trace_text(text, published=published)
    except ComponentError as exc:
        return "crash", f"{describe_failure(exc).split('. This is a bug')[0][:140]} (at {_where(exc.cause)})"
    except SourcetraceError as exc:  # raised on purpose, with a message
        return ("ok", "refused") if NUMBERED.search(str(exc)) else ("crash", str(exc)[:80])
    document, language = trace.document.text, trace.document.language
    for where, span, expected in spans(trace):
        start, end = span
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(document)):
            return "span", f"{where} ({language}) {span} outside a text of {len(document)}"
        if expected is not None and document[start:end] != expected:
            return "span", (f"{where} ({language}): {document[start:end]!r} is not {expected!r}"
                            + _how(document, span, expected))
    return "ok", f"{len(trace.figures)} figures"


def _how(document: str, span, expected: str) -> str:
    """How a span misses the text its record holds, where a simple shape says it."""
    start, end = span
    if document[start:end].rstrip() == expected:
        return " (whitespace after it taken in)"
    near = [shift for shift in range(-64, 65) if shift and document[start + shift:end + shift] == expected]
    if near:
        return f" (shifted by {near[0]})"
    if document[start:start + len(expected)] != expected and " ".join(document[start:end + 8].split()).startswith(expected):
        return " (the text's spaces collapsed in its record)"
    return ""


def _where(error: BaseException | None) -> str:
    """The innermost frame inside sourcetrace that an error came from, as 'extract/periods.py _unit'."""
    import traceback

    frames = [f for f in traceback.extract_tb(error.__traceback__) if "/sourcetrace/" in f.filename] if error else []
    return f"{frames[-1].filename.rsplit('/sourcetrace/', 1)[1]} {frames[-1].name}" if frames else "?"


def spans(trace):
    """(where, span, text it should slice or None) for every span anywhere in a trace."""
    def link(where, l):
        if l.span is not None:
            yield where, l.span, l.name

    def hedge(where, h):
        yield where, h.span, h.cue
        if h.sentence is not None:
            yield where + ".sentence", h.sentence, None

    def period(where, p):
        if p is not None and p.span is not None:
            yield where, p.span, p.text

    for f in trace.figures:
        yield f"{f.id}.span", f.span, f.text
        yield f"{f.id}.sentence", f.sentence, None
        if f.counted_span is not None:
            yield f"{f.id}.counted_span", f.counted_span, f.counted
        if f.scope_span is not None:
            yield f"{f.id}.scope_span", f.scope_span, f.scope
        yield from period(f"{f.id}.period", f.period)
        for l in f.attribution:
            yield from link(f"{f.id}.attribution", l)
        for h in f.hedges:
            yield from hedge(f"{f.id}.hedges", h)
    for h in trace.hedges:
        yield from hedge("hedges", h)
    for i in trace.incidents:
        yield f"{i.id}.span", i.span, None
        for s in i.sentences:
            yield f"{i.id}.sentences", s, None
        for e in i.evidence:
            yield f"{i.id}.evidence.{e['field']}", e["span"], None
        yield from period(f"{i.id}.when", i.when)
        for l in i.attribution:
            yield from link(f"{i.id}.attribution", l)
        for h in i.hedges:
            yield from hedge(f"{i.id}.hedges", h)
    for u in trace.unattributed:
        yield "unattributed", u.span, u.text
        if u.source is not None:
            yield from link("unattributed.source", u.source)
    for s in trace.sources:
        yield "sources", s["span"], s["name"]
    dateline = trace.document.dateline
    if dateline:
        yield "dateline", dateline["span"], None
