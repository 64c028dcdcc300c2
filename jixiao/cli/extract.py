"""``jixiao extract``: one file → a Document as canonical JSON."""

from __future__ import annotations

import sys

import click


@click.command("extract")
@click.argument("file", type=click.Path(dir_okay=False, path_type=str))
@click.option("--no-rules", is_flag=True, help="Skip the QA rules (findings stay empty).")
@click.option("--convert", is_flag=True, help="Convert legacy .doc/.wps with LibreOffice (must be on PATH).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Seconds the file may take (default 120).")
@click.option("--memory-limit", "memory_mb", type=click.IntRange(min=0), default=None,
              help="Address space of the worker process in MiB (default 2048; 0: no limit).")
def extract_cmd(file: str, no_rules: bool, convert: bool, timeout: float | None, memory_mb: int | None) -> None:
    """Print one file as a Document in canonical JSON.

    The file is read in an isolated worker process with a time limit and a memory cap (like
    ingest): a file that hangs or exhausts the reader gives an error document, never a hang.

    \b
    Example:
      jixiao extract corpus/seed-004/report.txt > 004.json
      jixiao extract old_report.doc --convert
    """
    from jixiao.batch.defaults import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT
    from jixiao.batch.documents import paths_to_canonical

    try:
        # the worker writes the canonical JSON; this process only prints it (no Document here)
        (out,) = paths_to_canonical([file], rules=not no_rules, convert=convert, timeout=timeout or DEFAULT_TIMEOUT,
                                    memory_mb=DEFAULT_MEMORY_MB if memory_mb is None else memory_mb)
    except FileNotFoundError:
        raise click.UsageError(f"文件不存在：{file}") from None
    sys.stdout.write(out.text)
    if out.status == "error":
        click.echo(f"错误：{out.source}: {out.error}", err=True)
        sys.exit(1)


COMMANDS = [extract_cmd]
