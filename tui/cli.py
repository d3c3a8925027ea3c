"""The command line: parse what the reader asked for, then open the app or write to stdout.

Kept thin on purpose: the pipeline does the work, `tui.app` shows it. Nothing heavy is
imported here, so `briefing --help` and the app's first paint stay fast. That is why the
parser is the standard library's argparse: typer with click cost ~10 ms of a first frame
of ~170 ms (importing and parsing, measured in a pseudo-terminal), and argparse ~1 ms.

Two commands sit beside the main one: `briefing history` and `briefing open ID`. They are
recognised only as the very first argument, so an input never collides with them: a URL
has a scheme, and a local file named "history" is given as `./history`.
"""

from __future__ import annotations

import argparse
import math
import os
import stat
import sys
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from tui.pipeline.options import MAX_DEFAULT_WORKERS, MB, CacheSettings, Options

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from tui.config import Config
    from tui.pipeline.cache import Cache
    from tui.pipeline.history import Reopen

COMMANDS = ("history", "open")
# Briefings listed by `briefing history` unless --limit says otherwise.
HISTORY_SHOWN = 20
# The exit status of a usage error (as argparse's own).
USAGE = 2


class Format(StrEnum):
    MARKDOWN = "markdown"
    JSON = "json"
    JSONL = "jsonl"


DESCRIPTION = """\
Read news articles in the terminal: clean text, entities and a timeline.

INPUT is an http(s) URL, a local .html file, a feed (RSS, Atom, JSON Feed) or an OPML \
list, or - for URLs on stdin (one a line; blank lines and # comments skipped); give as \
many as you like. With no INPUT and a pipe on stdin, stdin is read. When stdout is not a \
terminal, or with --format, the briefing is written to stdout instead of opening the app.

Also: 'briefing history' lists the briefings opened before, and 'briefing open ID' \
reopens one from the cache, offline. Defaults come from the config file (see \
--print-config)."""

# Shown after the options by `briefing --help`, in columns.
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
    return "examples:\n" + "\n".join(examples) + "\n\nkeys in the app:\n" + "\n".join(keys)


def _say(line: str) -> None:
    try:
        print(f"briefing: {line}", file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass


class _StdoutRefused(Exception):
    """stdout is closed (`>&-`) or will not take what we write (a full disk)."""


def _write(text: str) -> None:
    if sys.stdout is None:  # started with the descriptor closed: Python made it None
        raise _StdoutRefused("it is closed")
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise  # the reader went away: `main` ends quietly
    except (OSError, ValueError) as exc:
        raise _StdoutRefused(getattr(exc, "strerror", None) or str(exc)) from exc


class _Help(argparse.HelpFormatter):
    """The description's paragraphs wrapped one by one (argparse runs them into one)."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        fill = argparse.HelpFormatter._fill_text
        return "\n\n".join(fill(self, part, width, indent) for part in text.split("\n\n"))


class _Parser(argparse.ArgumentParser):
    """No abbreviated options (`--conc` is a mistake, not `--concurrency`); an epilog
    printed as written, after the options; a usage error as `briefing: ...` lines."""

    def __init__(
        self, prog: str, description: str, usage: str, epilog: Callable[[], str] | None = None
    ) -> None:
        super().__init__(
            prog=prog,
            usage=usage,
            description=description,
            formatter_class=_Help,
            allow_abbrev=False,
            argument_default=argparse.SUPPRESS,  # an option not given is not in the result
        )
        self._epilog = epilog

    def format_help(self) -> str:
        text = super().format_help()
        return f"{text}\n{self._epilog()}\n" if self._epilog else text

    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        # Through `_write`, as --version is: a full disk or a closed stdout is said and
        # exits 1 (argparse's own print left it to the exit's flush, which said nothing).
        if file is None:
            _write(self.format_help())
        else:
            super().print_help(file)

    def error(self, message: str) -> NoReturn:
        # The message quotes the arguments it did not take, which may come from someone
        # else's list (`xargs briefing`): an OSC there retitled the window or wrote the
        # clipboard. (Quoted 500 characters at most: a 5 MB argument is one short line.)
        from tui.pipeline.textsafety import for_terminal

        said = for_terminal(message, 500)
        self.exit(USAGE, f"{self.prog}: {said}\n{self.prog}: see '{self.prog} --help'\n")


def _number(kind: type[int] | type[float], low: float, high: float | None) -> Callable[[str], Any]:
    """An argument type: a number of `kind` from `low` to `high` (None: no upper bound)."""
    from tui.config import readable

    what = "a whole number" if kind is int else "a number"
    bounds = (
        f"from {readable(low)} to {readable(high)}"
        if high is not None
        else f"{readable(low)} or more"
    )

    def convert(text: str) -> int | float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}") from None
        if not math.isfinite(value) or value < low or (high is not None and value > high):
            raise argparse.ArgumentTypeError(f"{text!r}: must be {what} {bounds}")
        return value

    return convert


class _Version(argparse.Action):
    """--version, looked up only when asked (importlib.metadata costs ~25 ms)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest=argparse.SUPPRESS, nargs=0, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        from tui import __version__

        _write(f"briefing {__version__}\n")
        parser.exit()


def _format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-f",
        "--format",
        dest="fmt",
        choices=[f.value for f in Format],
        default=None,
        metavar="FORMAT",
        help="write the briefing to stdout as markdown, json or jsonl; no app",
    )


def _setting_option(parser: argparse.ArgumentParser, flag: str) -> None:
    """One of the main command's setting options (--cache-dir, --no-analysis), for `history`
    and `open`."""
    _add_setting(parser, *next(o for o in SETTING_OPTIONS if o[0] == flag))


# The options that set a config setting (tui.config.SETTINGS), which gives each its kind,
# bounds and default: flag, setting, metavar, help. A setting that is true or false is a
# switch that turns it off.
SETTING_OPTIONS = (
    ("--concurrency", "concurrency", "N", "pages fetched at once"),
    ("--timeout", "timeout", "S", "seconds for each page, connect to last byte"),
    ("--max-size", "max_size", "MB", "largest page read, in MB after unpacking"),
    (
        "--workers",
        "workers",
        "N",
        "worker processes for extraction and analysis (default: one a core, at most "
        f"{MAX_DEFAULT_WORKERS})",
    ),
    ("--no-analysis", "analysis", "", "skip entities and timeline; text only"),
    ("--per-feed", "per_feed", "N", "newest items read from each feed"),
    ("--cache-dir", "cache_dir", "DIR", "the cache folder (default: the user's cache folder)"),
    ("--no-cache", "cache", "", "neither read nor write the cache (nor the history)"),
    ("--cache-size", "cache_size", "MB", "the cache's size cap, in MB"),
    ("--export-dir", "export_dir", "DIR", "where the app's export (e) writes"),
    ("--theme", "theme", "NAME", "the app's colour theme"),
)


def _add_setting(
    parser: argparse.ArgumentParser, flag: str, name: str, metavar: str, help: str
) -> None:
    from tui.config import BY_NAME, readable

    setting = BY_NAME[name]
    if setting.kind is bool:
        parser.add_argument(flag, dest=name, action="store_false", help=help)
    elif setting.kind is str:
        parser.add_argument(flag, dest=name, metavar=metavar, help=help)
    else:
        default = f" (default {readable(setting.default)})" if setting.default is not None else ""
        kind = _number(setting.kind, setting.low or 0, setting.high)
        parser.add_argument(flag, dest=name, metavar=metavar, type=kind, help=help + default)


def _main_parser() -> _Parser:
    parser = _Parser("briefing", DESCRIPTION, "briefing [OPTIONS] [INPUT]...", epilog=_epilog)
    parser.add_argument(
        "inputs",
        nargs="*",
        default=[],
        metavar="INPUT",
        help="URLs, .html files, feeds or OPML lists, or - for stdin",
    )
    _format_option(parser)
    for option in SETTING_OPTIONS:
        _add_setting(parser, *option)
    for flag, help in (
        ("--refresh", "fetch every page again, even when cached"),
        ("--print-config", "show the effective settings and where each came from"),
        ("--demo", "open the sample articles shipped with briefing (offline)"),
    ):
        parser.add_argument(flag, action="store_true", default=False, help=help)
    parser.add_argument("--version", action=_Version, help="show the version and exit")
    return parser


def main_command(argv: list[str]) -> int:
    parser = _main_parser()
    # Intermixed: options may come after inputs, as in `briefing URL -f json`. After "--"
    # everything is an input (a file named "-x.html"), which argparse's intermixed
    # parsing does not honour itself.
    ends = argv.index("--") if "--" in argv else len(argv)
    known, unknown = parser.parse_known_intermixed_args(argv[:ends])
    args = vars(known)
    _command_not_first(parser, args["inputs"], argv[:ends])
    if unknown:  # as parse_intermixed_args says it, once a misplaced command is ruled out
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    args["inputs"] = [*args["inputs"], *argv[ends + 1 :]]
    config = _config(args)
    if args["print_config"]:
        from tui.config import render

        _write(render(config))
        return 0
    inputs, read_stdin = _inputs(args["inputs"], args["demo"])
    if inputs and not read_stdin and _stdin_holds_input():
        # `tail -f urls.txt | briefing URL`: the pipe's lines were dropped without a word,
        # and the writer died of a broken pipe.
        config.warnings.append(
            "the URLs piped in were not read: with inputs given as arguments, stdin is "
            "read only when - is one of them."
        )
    fmt = Format(args["fmt"]) if args["fmt"] else None
    if _headless(fmt) and not inputs and not read_stdin:
        # The second line error() adds points to --help and its examples.
        parser.error("give article URLs or .html files as arguments, or pipe URLs on stdin")
    # The demo is the same every time: it neither needs the cache nor belongs in the history.
    cache = None if args["demo"] or not config["cache"] else _cache_settings(config)
    options = _options(config, refresh=args["refresh"])
    return _run(inputs, options, config, cache, read_stdin=read_stdin, fmt=fmt, demo=args["demo"])


def _command_not_first(parser: _Parser, inputs: list[str], argv: list[str]) -> None:
    """A usage error for a command given after an option (`briefing --cache-dir D open 1`):
    it was read as inputs "open" and "1", each an error, and remembered in the history.
    Only as the first input: one after a URL is that input's own error, as for any word
    (a file called "open" is given as ./open, or after --)."""
    command = inputs[0] if inputs and inputs[0] in COMMANDS else None
    if command is None:
        return
    rest = list(argv)
    rest.remove(command)
    from shlex import join

    from tui.pipeline.textsafety import one_line

    fixed = one_line(join(["briefing", command, *rest]), 200)
    parser.error(f"'{command}' is a command only as the first argument, as in: {fixed}")


def _headless(fmt: Format | None) -> bool:
    return fmt is not None or sys.stdout is None or not sys.stdout.isatty()


def _inputs(inputs: list[str], demo: bool) -> tuple[list[str], bool]:
    """The inputs to read (the demo's first), and whether stdin is read too: with "-", or
    with nothing else given while a pipe is on stdin."""
    from tui.pipeline.inputs import argument_text

    inputs = [argument_text(i) for i in inputs]
    if demo:
        from tui.demo import demo_paths

        inputs = [str(p) for p in demo_paths()] + inputs
    stdin_is_pipe = sys.stdin is not None and not sys.stdin.isatty()
    read_stdin = "-" in inputs or (not inputs and stdin_is_pipe)
    return [i for i in inputs if i != "-"], read_stdin


def _stdin_holds_input() -> bool:
    """Whether stdin is a pipe or a file (lines someone meant to give), not a terminal or
    nothing at all (/dev/null, as scripts and services run with)."""
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode if sys.stdin is not None else 0
    except (OSError, ValueError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode)


def _options(config: Config, *, refresh: bool) -> Options:
    from tui.pipeline.options import fetches_that_fit
    from tui.runtime import open_files_limit

    asked, limit = int(config["concurrency"]), open_files_limit()  # type: ignore[call-overload]
    concurrency = fetches_that_fit(asked, config["workers"], limit)  # type: ignore[arg-type]
    if concurrency < asked:
        config.warnings.append(
            f"fetching {concurrency} pages at once, not {asked}: this process may open only"
            f" {limit} files (ulimit -n)."
        )
    return Options(
        concurrency=concurrency,
        timeout=float(config["timeout"]),  # type: ignore[arg-type]
        # Rounded, not cut: 0.01 MB is 10,486 bytes, and shows again as 0.01 MB.
        max_bytes=round(float(config["max_size"]) * MB),  # type: ignore[arg-type]
        analysis=bool(config["analysis"]),
        workers=config["workers"],  # type: ignore[arg-type]
        per_feed=int(config["per_feed"]),  # type: ignore[call-overload]
        refresh=refresh,
    )


def _config(args: dict[str, Any]) -> Config:
    """The config file's settings, with what was given on the command line over them (an
    option not given is not in `args`)."""
    from tui.config import BY_NAME, load

    config = load()
    for name, value in args.items():
        if name in BY_NAME:
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
) -> int:
    """The briefing, headless or in the app; its exit status."""
    if _headless(fmt):
        for line in config.warnings:
            _say(line)
        from tui.headless import run_headless

        return run_headless(
            inputs,
            options,
            read_stdin=read_stdin,
            fmt=fmt or Format.MARKDOWN,
            cache=cache,
            reopen=reopen,
        )
    from tui.app.launch import run_app

    export_dir = config["export_dir"]
    return run_app(
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


def _open_cache(args: argparse.Namespace) -> tuple[Config, Cache | None]:
    """The config and the cache for `history` and `open`, with their --cache-dir if given.
    None, said on stderr, when there is no cache file there: these commands only look, so
    a mistyped folder is not made, with an empty cache in it, to list nothing from."""
    from tui.config import load
    from tui.pipeline.cache import CACHE_FILE, open_cache, settings_folder

    config = load()
    for name in ("cache_dir", "analysis", "export_dir", "theme"):
        if hasattr(args, name):  # not set unless given
            config.set(name, getattr(args, name))
    for line in config.warnings:
        _say(line)
    settings = _cache_settings(config)
    folder = settings_folder(settings)
    if _a_file(folder):
        _say(f"the cache folder {_shown(folder)} is a file, not a folder, so it holds no history.")
        return config, None
    if _missing(folder / CACHE_FILE):
        _say(f"there is no cache in {_shown(folder)}, so no history: nothing was read with it yet.")
        return config, None
    return config, open_cache(settings, warn=_say, only_reads=True)


def _missing(path: Path) -> bool:
    """Whether nothing is at `path` (one we may not look at is left to the cache to say)."""
    try:
        path.lstat()
    except (FileNotFoundError, NotADirectoryError):
        return True
    except (OSError, ValueError):
        return False
    return False


def _a_file(path: Path) -> bool:
    """Whether `path` is something other than a folder (`--cache-dir /etc/hostname`)."""
    try:
        return path.exists() and not path.is_dir()
    except OSError:
        return False


def _shown(folder: Path) -> str:
    from tui.pipeline.textsafety import one_line

    return one_line(str(folder), 200)


def history_command(argv: list[str]) -> int:
    parser = _Parser(
        "briefing history",
        "List the briefings opened before, newest first (ID, time, titles).",
        "briefing history [--limit N] [--cache-dir DIR]",
    )
    parser.add_argument(
        "--limit",
        metavar="N",
        type=_number(int, 1, None),
        default=HISTORY_SHOWN,
        help=f"how many to list (default {HISTORY_SHOWN})",
    )
    _setting_option(parser, "--cache-dir")
    args = parser.parse_args(argv)
    from tui.pipeline import history

    _, cache = _open_cache(args)
    if cache is None:
        return 0
    found = history.entries(cache, args.limit)
    cache.close()
    if not cache.enabled:
        return 1  # it said why (busy, unusable): a history it could not read is not empty
    if not found:
        _say("no briefings in the history yet.")
        return 0
    _write("".join(line + "\n" for line in history.listing(found)))
    return 0


def open_command(argv: list[str]) -> int:
    parser = _Parser(
        "briefing open",
        "Reopen briefing ID (see 'briefing history') from the cache, offline.",
        "briefing open ID [-f FORMAT] [--no-analysis] [--cache-dir DIR] [--export-dir DIR]"
        " [--theme NAME]",
    )
    parser.add_argument(
        "id", metavar="ID", type=_number(int, 1, None), help="the number 'briefing history' shows"
    )
    _format_option(parser)
    _setting_option(parser, "--cache-dir")
    # A briefing of 10,000 feed items read with --no-analysis took 11 minutes to reopen.
    _setting_option(parser, "--no-analysis")
    # The reopened app is the app: its export and its colours are set as for a new one.
    _setting_option(parser, "--export-dir")
    _setting_option(parser, "--theme")
    args = parser.parse_intermixed_args(argv)
    from tui.pipeline import history

    config, cache = _open_cache(args)
    if cache is None:
        return USAGE
    entry = history.entry(cache, args.id)
    cache.close()
    if not cache.enabled:
        return 1  # it said why: the history could not be read, not that it lacks the ID
    if entry is None:
        _say(f"there is no briefing {args.id} in the history (see: briefing history).")
        return USAGE
    if entry.damaged:
        _say(f"briefing {args.id} in the history could not be read: its entry is damaged.")
        return 1
    options = Options(
        analysis=bool(config["analysis"]),
        workers=config["workers"],  # type: ignore[arg-type]
        offline=True,
    )
    config.warnings.clear()  # said once already
    reopen = history.Reopen.of(entry)
    return _run(
        entry.inputs,
        options,
        config,
        _cache_settings(config),
        read_stdin=False,
        fmt=Format(args.fmt) if args.fmt else None,
        reopen=reopen,
    )


def main() -> None:
    from tui.runtime import configure, started

    configure()
    argv = sys.argv[1:]
    command = main_command
    if argv and argv[0] in COMMANDS:
        started()  # no frame to hurry: `briefing history` and `open` collect as usual
        command = history_command if argv[0] == "history" else open_command
        argv = argv[1:]
    try:
        status = command(argv)
    except (BrokenPipeError, _StdoutRefused) as exc:
        # No traceback, and nothing more to stdout (the interpreter's last flush included).
        # A reader that went away (`briefing --help | head -3`) chose to: nothing to say.
        from tui.headless import silence_stdout

        silence_stdout()
        if isinstance(exc, _StdoutRefused):
            _say(f"could not write to stdout: {exc}.")
        status = 1
    sys.exit(status)
