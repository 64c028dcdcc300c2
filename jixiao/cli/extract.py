"""``jixiao extract``: one file → a Document as canonical JSON."""

from __future__ import annotations

import sys

import click


@click.command("extract")
@click.argument("file", type=click.Path(dir_okay=False, path_type=str))
@click.option("--no-rules", is_flag=True, help="Skip the QA rules (findings stay empty).")
@click.option("--convert", is_flag=True, help="Convert legacy .doc/.wps with LibreOffice (must be on PATH).")
def extract_cmd(file: str, no_rules: bool, convert: bool) -> None:
    """Print one file as a Document in canonical JSON.

    \b
    Example:
      jixiao extract corpus/seed-004/report.txt > 004.json
      jixiao extract old_report.doc --convert
    """
    from jixiao.pipeline import read
    from jixiao.serialize import canonical_json

    doc = read(file, rules=not no_rules, convert=convert)
    sys.stdout.write(canonical_json(doc))
    if doc.status == "error":
        click.echo(f"错误：{doc.source}: {doc.error}", err=True)
        sys.exit(1)


COMMANDS = [extract_cmd]
