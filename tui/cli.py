"""The command line: parse what the reader asked for, then open the app or write to stdout.

Kept thin on purpose: the pipeline does the work, `tui.app` shows it. Nothing heavy is
imported here, so `briefing --help` and the app's first paint stay fast.
"""

from __future__ import annotations

import asyncio
import os
import sys
from enum import StrEnum
from typing import Annotated

import typer

from tui.pipeline.options import MB, Options


class Format(StrEnum):
    MARKDOWN = "markdown"
    JSON = "json"
    JSONL = "jsonl"


cli = typer.Typer(
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from tui import __version__

        typer.echo(f"briefing {__version__}")
        raise typer.Exit()


@cli.command(
    help=(
        "Read news articles in the terminal: clean text, entities and a timeline.\n\n"
        "INPUT is an http(s) URL, a local .html file, or - for URLs on stdin (one a line; "
        "blank lines and # comments skipped). With no INPUT and a pipe on stdin, stdin is read. "
        "When stdout is not a terminal, or with --format, the briefing is written to stdout "
        "instead of opening the app."
    )
)
def main_command(
    inputs: Annotated[list[str] | None, typer.Argument(metavar="INPUT", show_default=False)] = None,
    fmt: Annotated[
        Format | None,
        typer.Option("--format", "-f", help="Write the briefing to stdout in this format; no app."),
    ] = None,
    concurrency: Annotated[
        int, typer.Option(min=1, max=64, help="How many pages to fetch at once.")
    ] = Options.concurrency,
    timeout: Annotated[
        float, typer.Option(min=0.1, help="Seconds allowed for each page, connect to last byte.")
    ] = Options.timeout,
    max_size: Annotated[
        float,
        typer.Option("--max-size", min=0.01, help="Largest page to read, in MB (after unpacking)."),
    ] = Options.max_bytes / MB,
    no_analysis: Annotated[
        bool, typer.Option("--no-analysis", help="Skip entities and timeline; text only.")
    ] = False,
    demo: Annotated[
        bool,
        typer.Option("--demo", help="Open the sample articles shipped with briefing (offline)."),
    ] = False,
    version: Annotated[
        bool | None,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = None,
) -> None:
    options = Options(
        concurrency=concurrency,
        timeout=timeout,
        max_bytes=int(max_size * MB),
        analysis=not no_analysis,
    )
    inputs = list(inputs or [])
    if demo:
        from tui.demo import demo_paths

        inputs = [str(p) for p in demo_paths()] + inputs
    stdin_is_pipe = sys.stdin is not None and not sys.stdin.isatty()
    read_stdin = "-" in inputs or (not inputs and stdin_is_pipe)
    inputs = [i for i in inputs if i != "-"]
    headless = fmt is not None or sys.stdout is None or not sys.stdout.isatty()

    if headless:
        if not inputs and not read_stdin:
            raise typer.BadParameter(
                "give article URLs or .html files as arguments, or pipe URLs on stdin",
                param_hint="INPUT",
            )
        raise typer.Exit(
            run_headless(inputs, options, read_stdin=read_stdin, fmt=fmt or Format.MARKDOWN)
        )
    from tui.app.launch import run_app

    raise typer.Exit(run_app(inputs, options, read_stdin=read_stdin, demo=demo))


def run_headless(
    inputs: list[str], options: Options, *, read_stdin: bool, fmt: str = Format.MARKDOWN
) -> int:
    """Write the briefing to stdout; one stderr line per failed input. Exit 1 if any failed."""
    from tui.pipeline.briefing import Briefing, run
    from tui.pipeline.export import to_json, to_jsonl_line, to_markdown
    from tui.pipeline.inputs import chain, stream_lines
    from tui.pipeline.model import Article
    from tui.pipeline.textsafety import strip_unsafe

    briefing = Briefing()

    def finished(article: Article) -> None:
        if fmt == Format.JSONL:
            print(to_jsonl_line(article), flush=True)
        if article.error is not None:
            print(
                # The message can quote the server (its reason phrase): sanitise it too.
                f"briefing: {strip_unsafe(article.input, keep='')}: "
                f"{strip_unsafe(article.error.message, keep='')}",
                file=sys.stderr,
                flush=True,
            )

    async def go() -> None:
        stdin = stream_lines(sys.stdin.buffer) if read_stdin and sys.stdin is not None else None
        await run(briefing, chain(inputs, stdin), options, on_finished=finished)

    reader_gone = False
    try:
        try:
            asyncio.run(go())
            if fmt == Format.JSON:
                print(to_json(briefing))
            elif fmt == Format.MARKDOWN:
                sys.stdout.write(to_markdown(briefing))
            sys.stdout.flush()
        except* BrokenPipeError:
            reader_gone = True
    except KeyboardInterrupt:
        return 130
    if reader_gone:
        # The reader stopped reading (`| head`): their choice, not an error. Point stdout
        # at /dev/null so the interpreter's last flush does not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return 1 if any(a.error is not None for a in briefing.articles) else 0


def main() -> None:
    cli(prog_name="briefing")
