"""Command line: thin wrappers over the library.  ``jixiao --help`` lists commands.

Start-up is kept short: a command's module is imported only when that command (or the
command list of ``--help``) is needed, and each command module imports nothing heavy at
module level (the pipeline, pydantic models, pandas, … are imported inside the command
function).  ``tests/test_cli_startup.py`` enforces both.

To add a command: write ``jixiao/cli/NAME.py`` with a ``click.command`` (heavy imports inside
the function) and add one line to :data:`COMMANDS`.
"""

from __future__ import annotations

import importlib

import click

from jixiao import __version__

#: command name → "module:attribute" of its ``click.Command`` (in the order ``--help`` lists them).
COMMANDS: dict[str, str] = {
    "extract": "jixiao.cli.extract:extract_cmd",
    "schema": "jixiao.cli.schema:schema_cmd",
    "ingest": "jixiao.cli.ingest:ingest_cmd",
    "check": "jixiao.cli.check:check_cmd",
    "rules": "jixiao.cli.check:rules_cmd",
    "report": "jixiao.cli.report:report",
    "explain": "jixiao.cli.explain:explain_cmd",
}


def load_command(name: str) -> click.Command:
    """Import the module of one registered command and return the command."""
    module, _, attr = COMMANDS[name].partition(":")
    cmd = getattr(importlib.import_module(module), attr)
    if not isinstance(cmd, click.Command):  # pragma: no cover - a registration mistake
        raise TypeError(f"{COMMANDS[name]} is not a click command")
    return cmd


class LazyGroup(click.Group):
    """A group whose registered commands (:data:`COMMANDS`) are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*COMMANDS, *(n for n in super().list_commands(ctx) if n not in COMMANDS)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS:
            return load_command(cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(
    cls=LazyGroup,
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
