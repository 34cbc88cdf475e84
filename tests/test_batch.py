"""The batch runner with stand-in tracers and sinks: what it traces, what it passes over, what one bad
document or a broken tracer costs, and that it holds no more than the batch being traced."""
from __future__ import annotations

import pytest

from sourcetrace import batch
from sourcetrace.errors import ComponentError, Rejected
from sourcetrace.model.problems import InputProblem
from sourcetrace.model.records import Document, Trace


class ListSink:
    """Keeps traces by text; refuses a text that says REFUSE; breaks on one that says BREAK."""

    def __init__(self, held=()):
        self.kept: list[str] = list(held)
        self.skipped: list[InputProblem] = []

    def identity(self, document):
        return document.text

    def contains(self, document):
        return document.text in self.kept

    def add(self, trace):
        if "REFUSE" in trace.document.text:
            raise Rejected("[E305] refused")
        if "BREAK" in trace.document.text:
            raise OSError("disk on fire")
        if trace.document.text in self.kept:
            return None
        self.kept.append(trace.document.text)
        return len(self.kept)

    def skip(self, problem):
        self.skipped.append(problem)


def traced_in_batches(size: int, seen: list | None = None):
    """A tracer that reads ``size`` documents before it yields their traces, as trace_many does."""
    def tracer(documents):
        pending = []
        for document in documents:
            if seen is not None:
                seen.append(document.text)
            pending.append(document)
            if len(pending) == size:
                yield from (_trace(d) for d in pending)
                pending = []
        yield from (_trace(d) for d in pending)
    return tracer


def _trace(document):
    if "CRASH" in document.text:
        return ComponentError("figures", document.source, ValueError("boom"))
    return Trace(document)


def docs(*texts):
    return [Document(text=text, source=f"in-{n}") for n, text in enumerate(texts)]


def test_documents_are_traced_and_kept_in_order():
    sink = ListSink()
    report = batch.run(docs("a", "b", "c"), sink, traced_in_batches(2))
    assert sink.kept == ["a", "b", "c"] and (report.new, report.duplicate, report.failed) == (3, 0, 0)


def test_what_the_sink_holds_and_repeats_in_one_run_are_not_traced_again():
    seen = []
    sink = ListSink(held=["old"])
    report = batch.run(docs("old", "new", "new", "other"), sink, traced_in_batches(8, seen))
    assert seen == ["new", "other"]  # the second "new" is in flight when it comes: passed over too
    assert (report.new, report.duplicate) == (2, 2)


def test_a_failed_document_fails_alone():
    sink = ListSink()
    report = batch.run(docs("a", "CRASH", "b"), sink, traced_in_batches(2))
    assert sink.kept == ["a", "b"] and report.failed == 1 and report.ok is False
    [problem] = sink.skipped
    assert problem.input == "in-1" and problem.failed and "[E100]" in problem.problem
    assert isinstance(problem.cause, ComponentError)  # kept for --traceback


def test_problems_from_the_readers_are_counted_and_go_to_the_sink():
    items = [InputProblem("x.bin", "[E007] binary"), *docs("a"), InputProblem("gone.txt", "[E001] no", failed=True)]
    sink = ListSink()
    report = batch.run(items, sink, traced_in_batches(2))
    assert (report.new, report.skipped, report.failed) == (1, 1, 1)
    assert [p.input for p in sink.skipped] == ["x.bin", "gone.txt"]


def test_a_document_the_sink_refuses_fails_alone_and_any_other_sink_error_ends_the_run():
    sink = ListSink()
    report = batch.run(docs("a", "REFUSE", "b"), sink, traced_in_batches(1))
    assert sink.kept == ["a", "b"] and report.failed == 1 and "[E305]" in sink.skipped[0].problem
    with pytest.raises(OSError, match="disk on fire"):
        batch.run(docs("a", "BREAK", "b"), ListSink(), traced_in_batches(1))


def test_a_tracer_that_breaks_as_a_whole_is_retried_one_document_at_a_time():
    def breaks_on_batches(documents):
        held = []
        for document in documents:
            held.append(document)
            if len(held) == 3:
                if any("BAD" in d.text for d in held):
                    raise RuntimeError("the batch broke")
                yield from (Trace(d) for d in held)
                held = []
        for d in held:
            if "BAD" in d.text:
                raise RuntimeError("alone, it still breaks")
            yield Trace(d)

    sink = ListSink()
    report = batch.run(docs("a", "b", "c", "d", "BAD", "f", "g"), sink, breaks_on_batches)
    assert sink.kept == ["a", "b", "c", "d", "f", "g"]
    assert report.failed == 1 and sink.skipped[0].input == "in-4" and "RuntimeError" in sink.skipped[0].problem


def test_only_the_first_problems_are_kept_but_all_are_counted():
    items = [InputProblem(f"f{n}.bin", "[E007] binary") for n in range(batch.KEEP_PROBLEMS + 5)]
    report = batch.run(items, ListSink(), traced_in_batches(1))
    assert report.skipped == batch.KEEP_PROBLEMS + 5 and len(report.problems) == batch.KEEP_PROBLEMS


def test_nothing_is_held_beyond_the_batch_being_traced():
    """Memory does not grow with the inputs: however many documents stream through, the tracer is
    handed batches of at most so many documents and characters, and none stay in flight once kept."""
    sizes = []

    def watching(documents):
        sizes.append((len(documents), sum(len(d.text) for d in documents)))
        return [Trace(d) for d in documents]

    run = batch.Batch(ListSink(), watching, lambda report: None)
    stream = (Document(text=f"document {n} " * (1 + n % 7) * (40_000 if n % 500 == 0 else 1)) for n in range(5000))
    for documents in batch.batches(run.wanted(stream), most=16, characters=100_000):
        run.trace(documents)
    assert run.report.new == 5000 and max(count for count, _ in sizes) == 16
    assert all(characters <= 100_000 or count == 1 for count, characters in sizes)  # a long one goes alone
    assert run.in_flight == set()


def test_batches_are_cut_by_count_and_by_characters():
    docs_ = [Document(text="x" * size) for size in (10, 10, 50, 10, 200, 10)]
    assert [[len(d.text) for d in b] for b in batch.batches(docs_, most=2, characters=60)] == [
        [10, 10], [50, 10], [200], [10]]
