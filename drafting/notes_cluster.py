"""Case notes on a Dask cluster: the same rows as a single-process run, from many machines.

The main process reads the notes and writes the results; workers only parse and count.
Notes travel in chunks, and only a few chunks are in flight at once, so memory stays flat
on both sides. A local cluster listens on 127.0.0.1 only and runs no dashboard.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from drafting.notes import Summary, Writer, usable_notes
from drafting.readers import Note, NoteError

CHUNK = 200


def check_chunk(notes: list[Note], rules: tuple[str, ...], include_text: bool,
                anonymise: bool) -> list[dict[str, Any]]:
    """Runs on a worker: the pipeline and rules load once per worker process and stay."""
    from drafting.engine import _nlp, _rules
    from drafting.notes import note_row

    nlp = _nlp()
    ruleset = _rules(rules)
    docs = nlp.pipe([n.text for n in notes], batch_size=64)
    return [note_row(n, d, ruleset, include_text, anonymise) for n, d in zip(notes, docs,
                                                                             strict=True)]


def _chunks(items: Iterable[Note | NoteError], writer: Writer, summary: Summary,
            size: int) -> Iterator[list[Note]]:
    chunk: list[Note] = []
    for note in usable_notes(items, writer, summary):
        chunk.append(note)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def connect(scheduler: str | None, workers: int) -> Any:
    """A client for a running scheduler, or for a new local cluster on this machine."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=None)
    return Client(cluster)


def check_notes_dask(items: Iterable[Note | NoteError], writer: Writer, client: Any, *,
                     rules: Iterable[str] = (), include_text: bool = False,
                     anonymise: bool = False, chunk_size: int = CHUNK,
                     aggregates: Any = None) -> Summary:
    """Like :func:`drafting.notes.check_notes`, with the parsing done by the cluster.

    Rows are written in input order, so the output matches a single-process run.
    """
    import time

    summary = Summary()
    started = time.perf_counter()
    rules = tuple(rules)
    window = max(2, 2 * len(client.scheduler_info().get("workers", {})) or 4)
    pending: deque[Any] = deque()

    def drain(n: int) -> None:
        while len(pending) > n:
            for row in pending.popleft().result():
                writer.row(row)
                summary.add(row)
                if aggregates is not None:
                    aggregates.add(row)

    for chunk in _chunks(items, writer, summary, chunk_size):
        pending.append(client.submit(check_chunk, chunk, rules, include_text, anonymise,
                                     pure=False))
        drain(window)
    drain(0)
    summary.seconds = time.perf_counter() - started
    return summary
