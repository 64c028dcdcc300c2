"""``paths_to_documents``: files and folders → Documents, through the same isolated
worker pool as ``ingest`` (:mod:`jixiao.batch.pool`).

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

from jixiao.batch.defaults import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT
from jixiao.batch.pool import Outcome, Pool, Task
from jixiao.batch.walk import OFFICE, SUPPORTED, Input, paths_to_inputs
from jixiao.model import Document

#: what a directory contributes to ``check``: reports and the office files ingest also reads
REPORT_SUFFIXES = SUPPORTED | OFFICE


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
    from jixiao.batch.run import failed_document, file_sha256, unsupported_document

    inputs = paths_to_inputs(list(paths), follow_links=follow_links, suffixes=REPORT_SUFFIXES, as_given=True)
    docs: dict[int, Document] = {}
    tasks: list[Task] = []
    meta: dict[int, tuple[int, Input, str]] = {}
    for i, inp in enumerate(inputs):
        sha = None if inp.problem else file_sha256(inp.path)
        if inp.problem is not None or sha is None or not inp.supported:
            why = inp.problem or "无法读取文件"
            docs[i] = (unsupported_document(inp, sha) if sha is not None and not inp.supported
                       else failed_document(inp, sha or "", why))
            continue
        t = Task(len(tasks), inp.path, inp.source)
        tasks.append(t)
        meta[t.id] = (i, inp, sha)
    options: dict[str, object] = {"rules": rules, "convert": convert, "reply": "document",
                                  "select": list(select) if select else None,
                                  "ignore": list(ignore) if ignore else None}
    if config is not None:
        options["config"] = str(Path(config).resolve())

    def done(o: Outcome) -> None:
        i, inp, sha = meta[o.task.id]
        docs[i] = Document.model_validate_json(o.payload) if o.kind == "ok" else failed_document(inp, sha, o.payload)
        if on_done is not None:
            on_done(len(docs), len(inputs), docs[i].source)

    if tasks:
        Pool(max(1, min(jobs, len(tasks))), options=options, timeout=timeout, memory_mb=memory_mb,
             start="auto").run(tasks, done)
    return [docs[i] for i in range(len(inputs))]
