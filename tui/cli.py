"""The command line: parse what the reader asked for, then open the app or write to stdout.

Kept thin on purpose: the pipeline does the work, `tui.app` shows it. Nothing heavy is
imported here, so `briefing --help` and the app's first paint stay fast.

Two commands sit beside the main one: `briefing history` and `briefing open ID`. They are
recognised only as the very first argument, so an input never collides with them: a URL
has a scheme, and a local file named "history" is given as `./history`.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tui.pipeline.options import MB, CacheSettings, Options

if TYPE_CHECKING:
    from tui.config import Config
    from tui.pipeline.cache import Cache
    from tui.pipeline.history import Reopen

COMMANDS = ("history", "open")
# Briefings listed by `briefing history` unless --limit says otherwise.
HISTORY_SHOWN = 20


class Format(StrEnum):
    MARKDOWN = "markdown"
    JSON = "json"
    JSONL = "jsonl"


_SETTINGS = {
    "context_settings": {"help_option_names": ["-h", "--help"]},
    "add_completion": False,
    "rich_markup_mode": None,
}
cli = typer.Typer(**_SETTINGS)  # type: ignore[arg-type]
history_cli = typer.Typer(**_SETTINGS)  # type: ignore[arg-type]
open_cli = typer.Typer(**_SETTINGS)  # type: ignore[arg-type]


def _version(value: bool) -> None:
    if value:
        from tui import __version__

        typer.echo(f"briefing {__version__}")
        raise typer.Exit()


def _say(line: str) -> None:
    try:
        print(f"briefing: {line}", file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass


CacheDir = Annotated[
    Path | None,
    typer.Option("--cache-dir", help="The cache folder (default: the user's cache folder)."),
]
FormatOption = Annotated[
    Format | None,
    typer.Option("--format", "-f", help="Write the briefing to stdout in this format; no app."),
]


PerFeed = Annotated[
    int, typer.Option("--per-feed", min=1, help="Newest items read from each feed.")
]
NoCache = Annotated[
    bool, typer.Option("--no-cache", help="Neither read nor write the cache (nor history).")
]
CacheSize = Annotated[
    float, typer.Option("--cache-size", min=1, help="The cache's size cap, in MB.")
]
Refresh = Annotated[
    bool, typer.Option("--refresh", help="Fetch every page again, even when cached.")
]
ExportDir = Annotated[
    Path | None, typer.Option("--export-dir", help="Where the app's export (e) writes.")
]
Theme = Annotated[str | None, typer.Option("--theme", help="The app's colour theme.")]
PrintConfig = Annotated[
    bool, typer.Option("--print-config", help="Show the effective settings and their sources.")
]


# Shown after the options by `briefing --help`. "\b" keeps click from re-wrapping a
# paragraph, so the examples and the key table keep their columns.
EXAMPLES = (
    ("briefing URL [URL ...]", "open the app on these articles"),
    ("briefing saved-page.html", "a web page saved to a file"),
    ("cat urls.txt | briefing", "URLs on a pipe, one a line"),
    ("tail -f urls.txt | briefing", "adds articles as lines arrive"),
    ("briefing FEED-URL", "a feed: its newest articles"),
    ("briefing --demo", "three sample articles, offline"),
    ("briefing -f json URL > out.json", "no app: JSON on stdout"),
    ("briefing URL | less", "stdout not a terminal: Markdown"),
    ("briefing history", "the briefings opened before"),
    ("briefing open 12", "reopen one of them, offline"),
)


def _epilog() -> str:
    from tui.app.keytable import key_table_lines

    width = max(len(command) for command, _ in EXAMPLES)
    examples = [f"  {command.ljust(width)}  {what}" for command, what in EXAMPLES]
    keys = ["  " + line for line in key_table_lines()]
    return "\b\nExamples:\n" + "\n".join(examples) + "\n\n\b\nKeys in the app:\n" + "\n".join(keys)


@cli.command(
    help=(
        "Read news articles in the terminal: clean text, entities and a timeline.\n\n"
        "INPUT is an http(s) URL, a local .html file, a feed (RSS, Atom, JSON Feed) or an "
        "OPML list, or - for URLs on stdin (one a line; blank lines and # comments skipped); "
        "give as many as you like. With no INPUT and a pipe on stdin, stdin is read. When "
        "stdout is not a terminal, or with --format, the briefing is written to stdout "
        "instead of opening the app.\n\n"
        "Also: 'briefing history' lists the briefings opened before, and 'briefing open ID' "
        "reopens one from the cache, offline. Defaults come from the config file "
        "(see --print-config)."
    ),
    epilog=_epilog(),
)
def main_command(
    ctx: typer.Context,
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[INPUT]...",
            show_default=False,
            help="URLs, .html files, feeds or OPML lists, or - for stdin.",
        ),
    ] = None,
    fmt: FormatOption = None,
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
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            max=16,
            help="Worker processes for extraction and analysis (default: one a core).",
        ),
    ] = None,
    no_analysis: Annotated[
        bool, typer.Option("--no-analysis", help="Skip entities and timeline; text only.")
    ] = False,
    per_feed: PerFeed = Options.per_feed,
    cache_dir: CacheDir = None,
    no_cache: NoCache = False,
    cache_size: CacheSize = CacheSettings.max_bytes / MB,
    refresh: Refresh = False,
    export_dir: ExportDir = None,
    theme: Theme = None,
    print_config: PrintConfig = False,
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
    given: dict[str, object] = {
        "concurrency": concurrency,
        "timeout": timeout,
        "max_size": max_size,
        "workers": workers,
        "analysis": not no_analysis,
        "per_feed": per_feed,
        "cache": not no_cache,
        "cache_dir": cache_dir and str(cache_dir),
        "cache_size": cache_size,
        "export_dir": export_dir and str(export_dir),
        "theme": theme,
    }
    config = _config(ctx, given, {"analysis": "no_analysis", "cache": "no_cache"})
    if print_config:
        from tui.config import render

        typer.echo(render(config), nl=False)
        raise typer.Exit()
    inputs, read_stdin = _inputs(list(inputs or []), demo)
    headless = fmt is not None or sys.stdout is None or not sys.stdout.isatty()
    if headless and not inputs and not read_stdin:
        raise typer.BadParameter(
            "give article URLs or .html files as arguments, or pipe URLs on stdin "
            "(see briefing --help for examples)",
            param_hint="INPUT",
        )
    # The demo is the same every time: it neither needs the cache nor belongs in the history.
    cache = None if demo or not config["cache"] else _cache_settings(config)
    options = _options(config, refresh=refresh)
    _run(inputs, options, config, cache, read_stdin=read_stdin, fmt=fmt, demo=demo)


def _inputs(inputs: list[str], demo: bool) -> tuple[list[str], bool]:
    """The inputs to read (the demo's first), and whether stdin is read too: with "-", or
    with nothing else given while a pipe is on stdin."""
    if demo:
        from tui.demo import demo_paths

        inputs = [str(p) for p in demo_paths()] + inputs
    stdin_is_pipe = sys.stdin is not None and not sys.stdin.isatty()
    read_stdin = "-" in inputs or (not inputs and stdin_is_pipe)
    return [i for i in inputs if i != "-"], read_stdin


def _options(config: Config, *, refresh: bool) -> Options:
    return Options(
        concurrency=int(config["concurrency"]),  # type: ignore[call-overload]
        timeout=float(config["timeout"]),  # type: ignore[arg-type]
        # Rounded, not cut: 0.01 MB is 10,486 bytes, and shows again as 0.01 MB.
        max_bytes=round(float(config["max_size"]) * MB),  # type: ignore[arg-type]
        analysis=bool(config["analysis"]),
        workers=config["workers"],  # type: ignore[arg-type]
        per_feed=int(config["per_feed"]),  # type: ignore[call-overload]
        refresh=refresh,
    )


def _config(ctx: typer.Context, given: dict[str, object], params: dict[str, str]) -> Config:
    """The config file's settings, with what was given on the command line over them."""
    from tui.config import load

    config = load()
    for name, value in given.items():
        source = ctx.get_parameter_source(params.get(name, name))
        # By name: typer may carry its own copy of click, with its own enum.
        if source is not None and source.name == "COMMANDLINE":
            config.set(name, value)
    return config


def _cache_settings(config: Config) -> CacheSettings:
    folder = config["cache_dir"]
    return CacheSettings(
        str(folder) if folder else None,
        int(float(config["cache_size"]) * MB),  # type: ignore[arg-type]
    )


def _run(
    inputs: list[str],
    options: Options,
    config: Config,
    cache: CacheSettings | None,
    *,
    read_stdin: bool,
    fmt: Format | None,
    demo: bool = False,
    reopen: Reopen | None = None,
) -> None:
    headless = fmt is not None or sys.stdout is None or not sys.stdout.isatty()
    if headless:
        for line in config.warnings:
            _say(line)
        from tui.headless import run_headless

        raise typer.Exit(
            run_headless(
                inputs,
                options,
                read_stdin=read_stdin,
                fmt=fmt or Format.MARKDOWN,
                cache=cache,
                reopen=reopen,
            )
        )
    from tui.app.launch import run_app

    export_dir = config["export_dir"]
    raise typer.Exit(
        run_app(
            inputs,
            options,
            read_stdin=read_stdin,
            demo=demo,
            cache=cache,
            reopen=reopen,
            export_dir=Path(str(export_dir)).expanduser() if export_dir else None,
            theme=config["theme"],  # type: ignore[arg-type]
            warnings=config.warnings,
        )
    )


def _open_cache(cache_dir: Path | None) -> tuple[Config, Cache]:
    from tui.config import load
    from tui.pipeline.cache import open_cache

    config = load()
    if cache_dir is not None:
        config.set("cache_dir", str(cache_dir))
    for line in config.warnings:
        _say(line)
    return config, open_cache(_cache_settings(config), warn=_say)


@history_cli.command(help="List the briefings opened before, newest first (ID, time, titles).")
def history_command(
    cache_dir: CacheDir = None,
    limit: Annotated[int, typer.Option(min=1, help="How many to list.")] = HISTORY_SHOWN,
) -> None:
    from tui.pipeline import history

    _, cache = _open_cache(cache_dir)
    found = history.entries(cache, limit)
    cache.close()
    if not found:
        _say("no briefings in the history yet.")
        return
    for line in history.listing(found):
        typer.echo(line)


@open_cli.command(help="Reopen briefing ID (see 'briefing history') from the cache, offline.")
def open_command(
    id: Annotated[int, typer.Argument(metavar="ID", help="The number 'briefing history' shows.")],
    fmt: FormatOption = None,
    cache_dir: CacheDir = None,
) -> None:
    from tui.pipeline import history

    config, cache = _open_cache(cache_dir)
    entry = history.entry(cache, id)
    cache.close()
    if entry is None:
        _say(f"there is no briefing {id} in the history (see: briefing history).")
        raise typer.Exit(2)
    options = Options(
        analysis=bool(config["analysis"]),
        workers=config["workers"],  # type: ignore[arg-type]
        offline=True,
    )
    config.warnings.clear()  # said once already
    reopen = history.Reopen(entry.id, entry.expansions)
    _run(
        entry.inputs,
        options,
        config,
        _cache_settings(config),
        read_stdin=False,
        fmt=fmt,
        reopen=reopen,
    )


def main() -> None:
    from tui.runtime import configure, started

    configure()
    command = sys.argv[1] if len(sys.argv) > 1 else None
    if command in COMMANDS:
        started()  # no frame to hurry: `briefing history` and `open` collect as usual
        sub = history_cli if command == "history" else open_cli
        sub(args=sys.argv[2:], prog_name=f"briefing {command}")
    else:
        cli(prog_name="briefing")
