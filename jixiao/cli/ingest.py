"""``jixiao ingest``: files and folders → a dataset directory (CSV, Parquet, XLSX, DuckDB)."""

from __future__ import annotations

import signal
import sys
from types import FrameType

import click

from jixiao.batch.defaults import DEFAULT_FORMATS, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, default_jobs
from jixiao.export.write import FORMATS


def _formats(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[str, ...]:
    fmts = tuple(dict.fromkeys(f.strip().lower() for f in value.split(",") if f.strip()))
    bad = [f for f in fmts if f not in FORMATS]
    if bad or not fmts:
        raise click.BadParameter(f"未知格式 {', '.join(bad) or '（空）'}；可选：{', '.join(FORMATS)}")
    return fmts


def _term(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=str))
@click.option("--out", "-o", required=True, type=click.Path(file_okay=False, path_type=str),
              help="Dataset directory (replaced as a whole, atomically).")
@click.option("--format", "formats", default=",".join(DEFAULT_FORMATS), show_default=True, callback=_formats,
              help=f"Comma-separated output formats: {', '.join(FORMATS)}.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help=f"Worker processes [default: {default_jobs()}].")
@click.option("--no-cache", is_flag=True, help="Process every file again (the cache is still refreshed).")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=str), default=None,
              help="Keep the per-file cache here instead of OUT/.cache.")
@click.option("--exclude", "-x", multiple=True, metavar="GLOB",
              help="Leave out files matching GLOB (relative path or name; repeatable). "
                   "A .jixiaoignore file at the top of a folder lists more.")
@click.option("--no-rules", is_flag=True, help="Skip the QA rules (no findings).")
@click.option("--config", type=click.Path(dir_okay=False, exists=True, path_type=str), default=None,
              help="Rules TOML overlaid on the defaults (tolerances, regional variants; see docs/rules.md).")
@click.option("--convert", is_flag=True, help="Convert legacy .doc/.wps with LibreOffice (must be on PATH).")
@click.option("--follow-links", is_flag=True,
              help="Read symbolic links that point outside PATHS and walk linked folders "
                   "(default: such links are listed as errors, never opened).")
@click.option("--raw-csv", is_flag=True,
              help="Write CSV texts starting with = + - @ as they are (default: prefixed with ' so that "
                   "spreadsheets never run them as formulas).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds one file may take; a worker that overruns is killed and the file recorded as an error "
                   "(local engine).")
@click.option("--memory-limit", "memory_mb", type=click.IntRange(min=0), default=DEFAULT_MEMORY_MB,
              show_default=True, help="Address space per worker process in MiB (0: no limit).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where files are processed: local worker processes, or a Dask cluster "
                   "(a local one of --jobs processes unless --scheduler is given; needs jixiao[dask]).")
@click.option("--scheduler", metavar="tcp://HOST:PORT", default=None,
              help="Address of a running Dask scheduler (implies --engine dask; see docs/scale.md).")
def ingest_cmd(paths: tuple[str, ...], out: str, formats: tuple[str, ...], jobs: int | None, no_cache: bool,
               cache_dir: str | None, exclude: tuple[str, ...], no_rules: bool, config: str | None, convert: bool,
               follow_links: bool, raw_csv: bool, timeout: float, memory_mb: int, engine: str,
               scheduler: str | None) -> None:
    """Read every report file under PATHS into one dataset in OUT.

    .docx/.pdf/.txt/.xlsx and office files (.doc, .wps, … read by their real format)
    are processed; legacy files that must be converted and every other file are
    listed in the documents table with an error, never skipped silently.  Only
    files matching --exclude or a folder's .jixiaoignore are left out (and
    counted in the summary).  A file that crashes the reader is recorded as
    an error and the batch goes on.  Re-running only processes new or changed
    files (cache); an interrupted run leaves the previous dataset intact.

    \b
    Examples:
      jixiao ingest corpus --out out
      jixiao ingest reports/ more/ --out dataset --format csv,parquet,xlsx,duckdb --jobs 2
      jixiao ingest corpus --out out --exclude meta.toml --exclude '*.gt.json'
      jixiao ingest old_reports/ --out dataset --convert --config my_rules.toml
      jixiao ingest /shared/reports --out /shared/dataset --scheduler tcp://10.0.0.5:8786
    """
    from jixiao.batch.output import OutputDirError
    from jixiao.batch.run import paths_to_dataset
    from jixiao.errors import JixiaoError

    old = signal.signal(signal.SIGTERM, _term)
    try:
        summary = paths_to_dataset(list(paths), out, formats=formats, jobs=jobs, use_cache=not no_cache,
                                   cache_dir=cache_dir, rules=not no_rules, timeout=timeout,
                                   ignore=list(exclude), progress=True, convert=convert, config=config,
                                   raw_csv=raw_csv, follow_links=follow_links, memory_mb=memory_mb,
                                   engine=engine, scheduler=scheduler)
    except KeyboardInterrupt:
        click.echo("已中断：原有数据集未改动。", err=True)
        sys.exit(130)
    except (OutputDirError, FileNotFoundError, JixiaoError) as e:
        click.echo(f"错误：{e}", err=True)
        sys.exit(2)
    except ImportError as e:
        if engine == "dask" or scheduler:
            click.echo(f"错误：Dask 执行引擎需要安装 dask[distributed]（pip install 'jixiao[dask]'）：{e}", err=True)
            sys.exit(2)
        raise
    except OSError as e:  # an operational failure outside the output directory (one line, no traceback)
        if scheduler and not e.filename:
            click.echo(f"错误：无法连接 Dask 调度器 {scheduler}：{e}", err=True)
            sys.exit(2)
        from jixiao.errors import os_error_text

        click.echo(f"错误：{os_error_text(e)}" + (f"：{e.filename}" if e.filename else ""), err=True)
        sys.exit(2)
    finally:
        signal.signal(signal.SIGTERM, old)
    for line in summary.lines():
        click.echo(line)
    if summary.n_documents == 0:
        click.echo("警告：没有找到任何文件。", err=True)
        sys.exit(1)


COMMANDS = [ingest_cmd]
