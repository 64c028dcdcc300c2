"""``paths_to_documents``: files and folders → Documents, through the same isolated
worker pool as ``ingest`` (:mod:`jixiao.batch.pool`); ``paths_to_canonical``: the same run,
answered with each Document's canonical JSON text (``jixiao extract`` prints it as it comes).

``jixiao check`` and ``jixiao extract`` use it, so every file they read gets the
per-file time limit, the memory cap and crash isolation: a file that hangs a
parser, exhausts memory or kills the interpreter is listed with a reason and the
other files are still checked.  Inputs are found and refused exactly as by
``ingest`` (:mod:`jixiao.batch.walk`: links, FIFOs, unsupported formats), except
that directories contribute only report and office files (``suffixes``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from jixiao.batch.defaults import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT
from jixiao.batch.pool import Outcome, Pool, Task
from jixiao.batch.walk import OFFICE, SUPPORTED, Input, paths_to_inputs

if TYPE_CHECKING:
    from jixiao.model import Document

#: what a directory contributes to ``check``: reports and the office files ingest also reads
REPORT_SUFFIXES = SUPPORTED | OFFICE


class Printed(NamedTuple):
    """One input of :func:`paths_to_canonical`: the canonical JSON to print and what the
    command reports beside it."""

    text: str
    status: str
    source: str
    error: str | None


def _run(paths: Iterable[str | Path], reply: str, *, jobs: int, timeout: float | None, memory_mb: int,
         follow_links: bool, rules: bool, convert: bool, config: str | Path | None, select: Iterable[str] | None,
         ignore: Iterable[str] | None, on_done: Callable[[int, int, str], None] | None,
         made: Callable[[Document], object], answered: Callable[[str], object],
         source_of: Callable[[object], str]) -> list[object]:
    """Every input's ``made(document)`` (a document the command itself makes: refused, failed,
    timed out) or ``answered(worker payload)``, in input order."""
    from jixiao.batch.run import failed_document, file_sha256, unsupported_document

    inputs = paths_to_inputs(list(paths), follow_links=follow_links, suffixes=REPORT_SUFFIXES, as_given=True)
    out: dict[int, object] = {}
    tasks: list[Task] = []
    meta: dict[int, tuple[int, Input, str]] = {}
    for i, inp in enumerate(inputs):
        sha = None if inp.problem else file_sha256(inp.path)
        if inp.problem is not None or sha is None or not inp.supported:
            why = inp.problem or "无法读取文件"
            out[i] = made(unsupported_document(inp, sha) if sha is not None and not inp.supported
                          else failed_document(inp, sha or "", why))
            continue
        t = Task(len(tasks), inp.path, inp.source)
        tasks.append(t)
        meta[t.id] = (i, inp, sha)
    options: dict[str, object] = {"rules": rules, "convert": convert, "reply": reply,
                                  "select": list(select) if select else None,
                                  "ignore": list(ignore) if ignore else None}
    if config is not None:
        options["config"] = str(Path(config).resolve())

    def done(o: Outcome) -> None:
        i, inp, sha = meta[o.task.id]
        out[i] = answered(o.payload) if o.kind == "ok" else made(failed_document(inp, sha, o.payload))
        if on_done is not None:
            on_done(len(out), len(inputs), source_of(out[i]))

    if tasks:
        Pool(max(1, min(jobs, len(tasks))), options=options, timeout=timeout, memory_mb=memory_mb,
             start="auto").run(tasks, done)
    return [out[i] for i in range(len(inputs))]


def paths_to_documents(
    paths: Iterable[str | Path],
    *,
    jobs: int = 1,
    timeout: float | None = DEFAULT_TIMEOUT,
    memory_mb: int = DEFAULT_MEMORY_MB,
    follow_links: bool = False,
    rules: bool = True,
    convert: bool = False,
    config: str | Path | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    on_done: Callable[[int, int, str], None] | None = None,
) -> list[Document]:
    """One Document per input, in input order (sorted by source name).

    ``config``: path of a rules TOML (loaded once per worker); ``select``/``ignore``:
    rule ids or prefixes; ``on_done(done, total, source)`` reports progress.
    """
    from jixiao.model import Document

    docs = _run(paths, "document", jobs=jobs, timeout=timeout, memory_mb=memory_mb, follow_links=follow_links,
                rules=rules, convert=convert, config=config, select=select, ignore=ignore, on_done=on_done,
                made=lambda d: d, answered=Document.model_validate_json,
                source_of=lambda d: d.source)  # type: ignore[attr-defined]
    return docs  # type: ignore[return-value]


def paths_to_canonical(
    paths: Iterable[str | Path],
    *,
    jobs: int = 1,
    timeout: float | None = DEFAULT_TIMEOUT,
    memory_mb: int = DEFAULT_MEMORY_MB,
    follow_links: bool = False,
    rules: bool = True,
    convert: bool = False,
    config: str | Path | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> list[Printed]:
    """Like :func:`paths_to_documents`, but each input's canonical JSON (exactly
    ``canonical_json(document)``) as the worker wrote it: the calling process validates and
    serializes no Document of its own unless it made one (a refused or failed file)."""
    from jixiao.serialize import canonical_json, split_canonical_reply

    def made(doc: Document) -> Printed:
        return Printed(canonical_json(doc), doc.status, doc.source, doc.error)

    def answered(payload: str) -> Printed:
        head, text = split_canonical_reply(payload)
        return Printed(text, head["status"], head["source"], head["error"])

    printed = _run(paths, "canonical", jobs=jobs, timeout=timeout, memory_mb=memory_mb, follow_links=follow_links,
                   rules=rules, convert=convert, config=config, select=select, ignore=ignore, on_done=None,
                   made=made, answered=answered, source_of=lambda p: p.source)  # type: ignore[attr-defined]
    return printed  # type: ignore[return-value]
