"""Bulk import: claims prepared in batches (in worker processes when asked), stored atomically."""

from __future__ import annotations

import functools
import itertools
import multiprocessing
import multiprocessing.connection
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from verifier.engine.extract import claim_from_fields
from verifier.engine.semantic import embedding_text
from verifier.store import PreparedRows, prepare_rows

if TYPE_CHECKING:
    from verifier.engine.service import Engine


@dataclass(frozen=True)
class PreparedBatch:
    """A batch of claims ready to store: rows, the articles they name, texts to embed."""

    rows: PreparedRows
    articles: dict[str, str] = field(default_factory=dict)  # article id -> title
    texts: list[tuple[str, str]] = field(default_factory=list)  # (claim id, text) to embed
    records: int = 0  # records read, a claim given twice counted twice


@dataclass
class ImportTally:
    """What an import did so far: records read, claims new, claims changed, records skipped
    (a claim already held just as it is, or given again later in the same batch)."""

    read: int = 0
    stored: int = 0
    replaced: int = 0
    skipped: int = 0


def prepare_batch(records: list[Mapping[str, Any]], embed: bool = False) -> PreparedBatch:
    """Turn loose records into storable rows (the expensive part of an import); pure.

    With `embed`, also the texts to embed (only when semantic ranking is on).
    """
    claims = [claim_from_fields(r) for r in records]
    articles: dict[str, str] = {}
    for claim, fields in zip(claims, records, strict=True):
        articles.setdefault(claim.article_id, str(fields.get("article_title") or claim.article_id))
    texts = [(c.id, embedding_text(c.text, c.title)) for c in claims] if embed else []
    return PreparedBatch(prepare_rows(claims), articles, texts, len(records))


def import_claims(
    records: Iterable[Mapping[str, Any]],
    engine: Engine,
    batch_size: int = 5000,
    workers: int = 1,
    tally: ImportTally | None = None,
    announce: Callable[[str], None] | None = None,
) -> Iterator[int]:
    """Store claims in atomic batches, yielding the size of each batch once it is written.

    `tally`, when given, is kept up to date with what each written batch did; `announce`
    is told of the index merge that may follow the last batch (seconds to minutes).

    An import that wrote more than one batch and at least a tenth of the claims now held
    merges the index's segments at the end (seconds at a million claims); smaller ones take
    one bounded merge step, as any small write does.

    With workers > 1 and at least POOLED_BATCHES batches, batches are prepared in that many
    processes while this one writes (SQLite takes one writer, so writes stay here, in
    order). The processes are spawned, so a script that calls this needs the usual
    `if __name__ == "__main__":` guard.
    """
    from verifier.engine.service import embed_texts

    items = iter(records)
    batches = iter(lambda: list(itertools.islice(items, batch_size)), [])
    prepare = functools.partial(prepare_batch, embed=engine.embedder is not None)
    written = 0
    with engine.store.bulk_writes():
        for batch in _prepared(batches, prepare, workers):
            counts = engine.store.save_prepared(batch.rows, batch.articles)
            embed_texts(batch.texts, engine)
            if tally is not None:
                tally.read += batch.records
                tally.stored += counts.stored
                tally.replaced += counts.replaced
                tally.skipped += batch.records - counts.stored - counts.replaced
            written += counts.stored + counts.replaced
            yield len(batch.rows)
        if written > batch_size and written * 10 >= engine.store.count_claims():
            if announce is not None:
                announce("Merging the full-text index (one segment, for fast queries)")
            engine.store.optimize_index()  # a bulk load: merge the segments its batches left
        elif written:
            engine.store.compact_index()  # a few claims: as after any small write


def reindex(engine: Engine, batch_size: int = 5000) -> Iterator[int]:
    """Recompute every stored claim's index terms (stems, context, topic words) in batches.

    For an upgrade that changed how text is tokenized. Claims keep their stored fields and
    quantities (curated quantities must survive); only what is derived for retrieval is
    written again, with the articles' vocabularies first. Each batch is read and written in
    one transaction, so the server may keep serving and writing meanwhile.
    """
    engine.store.reindex_articles()
    after = ""
    while True:
        count, after = engine.store.reindex_page(after, batch_size)
        if not count:
            engine.store.optimize_index()  # every row was indexed again: merge the segments
            engine.store.mark_indexed()
            return
        yield count


# Fewer batches than this are prepared in the importing process: spawning the workers (each
# imports the package, ~0.5 s) costs more than they save (10k claims on 2 cores: 1.9 s with
# two workers, 1.5 s without).
POOLED_BATCHES = 4


def _exit_with_parent() -> None:
    """Make a worker process exit when the import that started it dies (`kill -9`).

    Otherwise it would wait forever to hand back a prepared batch: it holds both ends of
    the result pipe, so the write never fails.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _prepared(
    batches: Iterator[list[Mapping[str, Any]]],
    prepare: Callable[[list[Mapping[str, Any]]], PreparedBatch],
    workers: int,
) -> Iterator[PreparedBatch]:
    """Prepare batches in order; in worker processes when there are POOLED_BATCHES or more.

    A bad record stops the import where it is, after every batch before it is stored.
    """
    if workers <= 1:
        yield from map(prepare, batches)
        return
    ahead: list[list[Mapping[str, Any]]] = []
    try:
        ahead += itertools.islice(batches, POOLED_BATCHES)
    except Exception:  # a bad record within the first batches: those before it are stored
        yield from map(prepare, ahead)
        raise
    if len(ahead) < POOLED_BATCHES:  # a small import: starting processes costs more
        yield from map(prepare, ahead)
        return
    # spawn: forking a process that holds SQLite connections and threads is unsafe.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_exit_with_parent) as pool:
        pending: deque[Future[PreparedBatch]] = deque()
        failure: Exception | None = None
        source = itertools.chain(ahead, batches)
        while True:  # a bounded window: a huge file is never read in whole
            try:
                batch = next(source)
            except StopIteration:
                break
            except Exception as error:  # a bad record: store what came before it first
                failure = error
                break
            pending.append(pool.submit(prepare, batch))
            if len(pending) > 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
        if failure is not None:
            raise failure
