"""Command line: thin wrappers over the library.  ``jixiao --help`` lists commands."""

from __future__ import annotations

import click

from jixiao import __version__


@click.group(
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="""Examples:

\b
  jixiao ingest corpus --out out        # dataset of every report under corpus/
  jixiao extract report.txt             # one file as JSON
  jixiao check reports/ --fail-on error # QA findings, non-zero exit on errors
  jixiao report out --out qa.html       # QA report (HTML) of a dataset or of files
  jixiao explain report.docx            # how each table was labelled
  jixiao rules                          # the rule catalogue
  jixiao schema                         # JSON Schema of the output
""",
)
@click.version_option(__version__, prog_name="jixiao")
def app() -> None:
    """jixiao (绩效): 项目支出绩效自评报告 → a validated, analysable dataset."""


def _register() -> None:
    from jixiao.cli import check, explain, extract, ingest, report, schema

    for mod in (extract, schema, ingest, check, report, explain):
        for cmd in getattr(mod, "COMMANDS", []):
            app.add_command(cmd)


_register()
