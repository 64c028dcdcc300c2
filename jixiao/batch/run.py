"""``paths_to_dataset``: files and folders → a dataset directory.

Steps: walk the inputs (:mod:`jixiao.batch.walk`), hash each file, take what the
cache holds, run the rest through the crash-isolating pool
(:mod:`jixiao.batch.pool`, whose workers turn each Document into table rows),
collect the rows, write the
chosen formats into a temp directory and swap it in atomically
(:mod:`jixiao.batch.output`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import regex

from jixiao.batch import manifest
from jixiao.batch.cache import Cache
from jixiao.batch.defaults import DEFAULT_FORMATS, DEFAULT_MEMORY_MB, default_jobs
from jixiao.batch.output import (
    CACHE_NAME,
    MARKER,
    check_replaceable,
    exclusive,
    make_tmp,
    recover,
    swap_in,
    writing,
)
from jixiao.batch.pool import Outcome, Pool, Task
from jixiao.batch.progress import RARE_STATUSES, STATUS_ZH, Progress
from jixiao.batch.result import DocResult, document_to_result, json_to_result, result_to_json
from jixiao.batch.walk import SUPPORTED, Input, paths_to_inputs
from jixiao.batch.worker import pause_hook
from jixiao.export import TableRows, write_dataset
from jixiao.export.write import preload as preload_writers
from jixiao.identity import display_name, doc_id_for
from jixiao.model import Document

_ERROR_HEAD = regex.compile(r"[（(：:，,；;]")  # a reason's head ends at its first bracket or punctuation


@dataclass
class Summary:
    """What a batch did; ``lines()`` renders it for people (Chinese)."""

    out_dir: Path
    formats: tuple[str, ...]
    documents: Counter[str] = field(default_factory=Counter)  # by status
    reports: int = 0
    indicators: int = 0
    findings: Counter[str] = field(default_factory=Counter)  # by severity
    processed: int = 0  # files run through the pipeline this time
    cached: int = 0  # files taken from the cache
    ignored: list[str] = field(default_factory=list)  # left out by --exclude / .jixiaoignore
    seconds: float = 0.0
    peak_worker_rss_kb: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    notes: list[str] = field(default_factory=list)  # operational notes (a cache that could not be written …)
    #: how the processed files ended in the pool: ok | exception (a stage raised) | died | timeout
    outcomes: Counter[str] = field(default_factory=Counter)
    paths: list[Path] = field(default_factory=list)

    @property
    def n_documents(self) -> int:
        return sum(self.documents.values())

    def lines(self) -> list[str]:
        d, f = self.documents, self.findings
        return [
            f"文档 {self.n_documents} 个：正常 {d['ok']}，空 {d['empty']}，错误 {d['error']}"
            + "".join(f"，{STATUS_ZH[k]} {d[k]}" for k in RARE_STATUSES if d.get(k))
            + f"（本次处理 {self.processed}，取自缓存 {self.cached}）"
            + (f"；按排除规则跳过 {len(self.ignored)} 个" if self.ignored else ""),
            f"报告 {self.reports} 份，指标 {self.indicators} 条",
            f"问题 {sum(f.values())} 条：error {f['error']}，warning {f['warning']}，info {f['info']}",
            f"用时 {self.seconds:.1f} 秒；输出 {self.out_dir}（{', '.join(self.formats)}）",
        ] + ([f"错误原因：{self.error_kinds()}"] if self.errors else []) + [f"注意：{n}" for n in self.notes]

    def error_kinds(self, top: int = 6) -> str:
        """Errors grouped by the head of their reason ("不支持的文件格式 5，PDF已加密 1")."""
        kinds = Counter(_ERROR_HEAD.split(reason, maxsplit=1)[0].strip() or reason for _, reason in self.errors)
        ranked = sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))
        more = f"，其他 {sum(n for _, n in ranked[top:])}" if len(ranked) > top else ""
        return "，".join(f"{k} {n}" for k, n in ranked[:top]) + more


def unsupported_document(inp: Input, sha: str) -> Document:
    suffix = inp.suffix or "无扩展名"
    return Document(
        doc_id=doc_id_for(inp.source, sha), source=display_name(inp.source), format=inp.suffix.lstrip(".") or "unknown",
        sha256=sha, status="error",
        error=f"不支持的文件格式（{suffix}）：jixiao 只读取 {'、'.join(sorted(SUPPORTED))}，请先另存为 .docx 或 PDF",
    )


def failed_document(inp: Input, sha: str, reason: str) -> Document:
    return Document(doc_id=doc_id_for(inp.source, sha), source=display_name(inp.source), format=inp.suffix.lstrip(".") or "unknown",
                    sha256=sha, status="error", error=reason)


def file_sha256(path: Path) -> str | None:
    """The file's hash; None if it cannot be read or is no longer a regular file (a
    FIFO put in its place would block an ordinary open: opened non-blocking, not
    through a link, and checked before reading)."""
    h = hashlib.sha256()
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as fh:
            fd = -1
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    finally:
        if fd >= 0:
            os.close(fd)
    return h.hexdigest()


def _count(r: DocResult, rows: TableRows, summary: Summary) -> None:
    rows.add_rows(r.source, r.doc_id, r.rows)
    summary.documents[r.status] += 1
    summary.reports += r.n_reports
    summary.indicators += r.n_indicators
    summary.findings.update(r.findings)
    if r.status == "error":
        summary.errors.append((r.source, r.error or ""))


#: top-level names in an output directory that are not dataset files
_NOT_OUTPUTS = {CACHE_NAME, MARKER}


def _fingerprint(cache: Cache, settings: dict[str, object],
                 items: list[tuple[Input, str, str | None, DocResult | None]]) -> str | None:
    """The run's fingerprint (:mod:`jixiao.batch.manifest`); None when an input has no cache entry."""
    parts: list[list[object]] = []
    for _, _, key, failure in items:
        if key is None:
            assert failure is not None
            parts.append(["listed", result_to_json(failure)])
            continue
        stamp = cache.stamp(key)
        if stamp is None:
            return None
        parts.append([key, *stamp])
    return manifest.fingerprint(cache.salt, settings, parts)


def _state(summary: Summary, statuses: list[list[str | None]], written: list[Path]) -> dict[str, object]:
    return {"documents": dict(summary.documents), "reports": summary.reports, "indicators": summary.indicators,
            "findings": dict(summary.findings), "errors": [list(e) for e in summary.errors], "files": statuses,
            "paths": [p.as_posix() for p in written]}


def _keep(state: dict, items: list[tuple[Input, str, str | None, DocResult | None]], cache: Cache, summary: Summary,
          prog: Progress | None, out: Path, own_cache: bool, t0: float) -> Summary:
    """A run whose dataset is kept as it is: the counts from the manifest, every entry counted as used."""
    summary.documents.update(state["documents"])
    summary.reports, summary.indicators = state["reports"], state["indicators"]
    summary.findings.update(state["findings"])
    summary.errors = [(a, b) for a, b in state["errors"]]
    cache.keep([key for _, _, key, _ in items if key is not None])
    summary.cached = sum(1 for _, _, key, _ in items if key is not None)
    for (inp, _, key, _), (status, error) in zip(items, state["files"], strict=True):
        if prog:
            prog.finish(display_name(inp.source), status, error, cached=key is not None)
    if prog:
        prog.close()
    if own_cache:
        cache.prune()
    summary.paths = [out / p for p in state["paths"]]
    summary.seconds = time.perf_counter() - t0
    return summary


def paths_to_dataset(
    paths: list[str | Path],
    out: str | Path,
    *,
    formats: tuple[str, ...] | list[str] = DEFAULT_FORMATS,
    jobs: int | None = None,
    use_cache: bool = True,
    cache_dir: str | Path | None = None,
    rules: bool = True,
    timeout: float | None = None,
    ignore: list[str] | None = None,
    progress: Progress | bool | None = True,
    convert: bool = False,
    config: str | Path | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    raw_csv: bool = False,
    follow_links: bool = False,
    memory_mb: int = DEFAULT_MEMORY_MB,
) -> Summary:
    """Read every file under ``paths`` into the dataset directory ``out``.

    ``use_cache=False`` reads nothing from the cache (every file is processed)
    but still refreshes it.  ``ignore``: glob patterns of files to leave out
    (besides each directory's ``.jixiaoignore``).  The cache lives in ``out/.cache`` unless
    ``cache_dir`` is given; the in-``out`` cache keeps only this run's entries.
    ``convert``: convert legacy .doc/.wps with LibreOffice (on PATH) instead of refusing them.
    ``config``: a rules TOML overlaid on the defaults (validated here, before any file is read).
    ``engine="dask"`` runs the files on a Dask cluster (:mod:`jixiao.batch.dask_engine`): the
    one at ``scheduler`` (``tcp://host:port``), or a local one of ``jobs`` processes; the
    dataset is the same, plus partitioned Parquet under ``out/parquet/``.
    ``raw_csv``: CSV texts starting with ``= + - @`` are written unescaped (see :mod:`jixiao.export.cellsafe`).
    ``follow_links``: read symbolic links that point outside the inputs (see :mod:`jixiao.batch.walk`).
    ``out`` may be a symbolic link: its target is locked and replaced (the link stays).
    ``timeout`` (seconds per file) and ``memory_mb`` (address space per worker, 0 = none): see
    :mod:`jixiao.batch.pool`.
    """
    if scheduler:
        engine = "dask"
    if engine not in ("local", "dask"):
        raise ValueError(f"未知的执行引擎：{engine}（可选：local, dask）")
    options: dict[str, object] = {"rules": rules, "convert": convert}
    limits = (timeout, memory_mb)
    digest = None
    if config is not None:
        from jixiao.rules import load_config

        load_config(config)  # a bad config is a clean error now, not one per file
        options["config"] = str(Path(config).resolve())
        digest = hashlib.sha256(Path(config).read_bytes()).hexdigest()
    real = Path(out).resolve()  # a linked --out and its target are one directory: one lock
    with exclusive(real):  # one run at a time per output directory
        summary = _run(paths, real, tuple(dict.fromkeys(formats)), jobs, use_cache, cache_dir, options, digest,
                       limits, ignore, progress, raw_csv, follow_links, (engine, scheduler))
    summary.out_dir = Path(out)
    summary.paths = [Path(out) / p.relative_to(real) for p in summary.paths]
    return summary


def _run(paths: list[str | Path], out: Path, formats: tuple[str, ...], jobs: int | None, use_cache: bool,
         cache_dir: str | Path | None, options: dict[str, object], config_digest: str | None,
         limits: tuple[float | None, int], ignore: list[str] | None,
         progress: Progress | bool | None, raw_csv: bool = False, follow_links: bool = False,
         engine: tuple[str, str | None] = ("local", None)) -> Summary:
    t0 = time.perf_counter()
    with writing(out):
        recover(out)
        check_replaceable(out)
    own_cache = cache_dir is None
    # everything besides the file that changes a result is part of the key
    cache = Cache(out / CACHE_NAME if own_cache else Path(cache_dir), config={"rules": options["rules"], "convert": options["convert"], "config": config_digest})  # type: ignore[arg-type]
    excluded = [out, cache.root]
    summary = Summary(out_dir=out, formats=formats)
    inputs = paths_to_inputs(list(paths), exclude=excluded, ignore=ignore, ignored=summary.ignored,
                             follow_links=follow_links)
    prog = progress if isinstance(progress, Progress) else Progress(len(inputs)) if progress else None
    rows = TableRows()

    # every input: (input, sha, cache key) for a file the pipeline reads, or its result when it is
    # listed as an error without being read
    items: list[tuple[Input, str, str | None, DocResult | None]] = []
    for inp in inputs:
        if inp.problem is not None:  # a link out of the inputs, a FIFO …: listed, never opened
            items.append((inp, "", None, document_to_result(failed_document(inp, "", inp.problem))))
            continue
        sha = file_sha256(inp.path)
        if sha is None or not inp.supported:
            doc = failed_document(inp, sha or "", "无法读取文件") if sha is None else unsupported_document(inp, sha)
            items.append((inp, sha or "", None, document_to_result(doc)))
            continue
        items.append((inp, sha, cache.key(sha, inp.source), None))

    settings = {"formats": list(formats), "raw_csv": raw_csv, "engine": engine[0]}
    mpath = manifest.manifest_path(cache.root, out)
    if use_cache:  # the dataset on disk is the one this run would write: keep it (see batch/manifest.py)
        fp = _fingerprint(cache, settings, items)
        kept = manifest.read_kept(mpath, fp, out, _NOT_OUTPUTS) if fp is not None else None
        if kept is not None and len(kept["files"]) == len(items):
            return _keep(kept, items, cache, summary, prog, out, own_cache, t0)

    statuses: list[list[str | None]] = [["", None] for _ in items]  # per input: status, error
    tasks: list[Task] = []
    meta: dict[int, tuple[Input, str, str, int]] = {}  # task id → (input, sha, cache key, item index)
    for n, (inp, sha, key, failure) in enumerate(items):
        if key is None:
            assert failure is not None
            _count(failure, rows, summary)
            statuses[n] = [failure.status, failure.error]
            if prog:
                prog.finish(display_name(inp.source), failure.status, failure.error)
            continue
        text = cache.get_json(key) if use_cache else None
        res = None
        if text is not None:
            try:
                res = json_to_result(text)
            except (ValueError, KeyError, TypeError):
                res = None  # an entry of another shape is a miss, recomputed and overwritten
        if res is not None:
            summary.cached += 1
            _count(res, rows, summary)
            statuses[n] = [res.status, res.error]
            if prog:
                prog.finish(display_name(inp.source), res.status, res.error, cached=True)
            continue
        t = Task(len(tasks), inp.path, inp.source)
        tasks.append(t)
        meta[t.id] = (inp, sha, key, n)

    def on_start(task: Task) -> None:
        if prog:
            prog.start(display_name(task.source))

    def on_done(o: Outcome) -> None:
        inp, sha, key, n = meta[o.task.id]
        summary.processed += 1
        summary.outcomes[o.kind] += 1
        if o.kind == "ok":
            res = json_to_result(o.payload)
            cache.put_json(key, o.payload)
        else:
            res = document_to_result(failed_document(inp, sha, o.payload))  # a Chinese reason with its cause class
        _count(res, rows, summary)
        statuses[n] = [res.status, res.error]
        if prog:
            prog.finish(display_name(inp.source), res.status, res.error)

    tmp: Path | None = None
    try:
        if tasks:
            with writing(out):
                out.mkdir(parents=True, exist_ok=True)  # the cache may live inside it
            if engine[0] == "dask":
                from jixiao.batch.dask_engine import DaskPool

                pool: Pool | DaskPool = DaskPool(jobs or default_jobs(), scheduler=engine[1], options=options,
                                                 timeout=limits[0], memory_mb=limits[1])
            else:
                pool = Pool(jobs or default_jobs(), options=options, timeout=limits[0], memory_mb=limits[1])
            # the writers' imports (pyarrow, pandas: ~0.4 s) while the workers run, not after them
            loader = threading.Thread(target=preload_writers, args=(formats,), name="jixiao-preload", daemon=True)
            loader.start()
            pool.run(tasks, on_done, on_start)
            summary.peak_worker_rss_kb = pool.peak_rss_kb
            loader.join()
        if prog:
            prog.close()
        if cache.write_failures:
            summary.notes.append(f"缓存写入失败 {cache.write_failures} 次（{cache.write_error}），"
                                 "这些文件下次会重新处理；数据集不受影响")
        with writing(out):
            tmp = make_tmp(out)
            tables = rows.tables()
            summary.paths = write_dataset(tables, tmp, formats, raw_csv=raw_csv)
            if engine[0] == "dask":
                from jixiao.batch.dask_engine import write_partitions

                summary.paths += write_partitions(tables, tmp)
            written = [p.relative_to(tmp) for p in summary.paths]
            pause_hook("swap")
            swap_in(tmp, out, keep_cache=own_cache)
        tmp = None
        if own_cache:
            cache.prune()
        summary.paths = [out / p for p in written]
        fp = _fingerprint(cache, settings, items)  # None when an entry is missing (a file that failed)
        if fp is not None:
            manifest.write(mpath, fp, out, written, _state(summary, statuses, written))
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    summary.seconds = time.perf_counter() - t0
    return summary
