"""Settings: the defaults of every option, from a TOML file in the user's config folder.

`~/.config/briefing/config.toml` on Linux (platformdirs' user config folder), e.g.

    concurrency = 4
    timeout = 30
    per_feed = 10
    export_dir = "~/briefings"
    theme = "gruvbox"

A value given on the command line wins over the file, the file over the built-in
default; `briefing --print-config` shows each effective value and where it came from.
A file that cannot be read, or a value of the wrong kind, is one warning and the default,
never a failure. Kept cheap: nothing here is imported by the app before its first frame
except this module, the file is only parsed when it exists, and platformdirs is small.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from tui.pipeline.options import MAX_DEFAULT_WORKERS
from tui.pipeline.textsafety import strip_unsafe

DEFAULT, FILE, COMMAND_LINE = "default", "config file", "command line"


@dataclass(frozen=True)
class Setting:
    """One setting the config file may hold: its type, default, bounds and help line."""

    name: str
    kind: type
    default: object
    help: str
    low: float | None = None
    high: float | None = None


# Every setting, its kind, default and bounds (the command line's own bounds).
SETTINGS = (
    Setting("concurrency", int, 8, "pages fetched at once", 1, 64),
    Setting("timeout", float, 20.0, "seconds for a whole fetch, connect to last byte", 0.1, 3600),
    Setting("max_size", float, 10.0, "largest page read, in MB after unpacking", 0.01, 4096),
    Setting(
        "workers",
        int,
        None,
        f"worker processes (unset: one a core, at most {MAX_DEFAULT_WORKERS})",
        1,
        16,
    ),
    Setting("analysis", bool, True, "find entities and a timeline"),
    Setting("per_feed", int, 20, "newest items read from each feed", 1, 10_000),
    Setting("cache", bool, True, "keep pages and results in the cache"),
    Setting("cache_dir", str, None, "the cache folder (unset: the user's cache folder)"),
    Setting("cache_size", float, 500.0, "the cache's size cap, in MB", 1, 10_000_000),
    Setting(
        "export_dir", str, None, "where `e` writes its Markdown or JSON (unset: the current folder)"
    ),
    Setting("theme", str, None, "the app's colour theme (unset: Textual's default)"),
)
BY_NAME = {s.name: s for s in SETTINGS}


@dataclass
class Config:
    """The settings in force, where each came from, and what was wrong in the file."""

    path: Path
    values: dict[str, object] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def __getitem__(self, name: str) -> object:
        return self.values[name]

    def set(self, name: str, value: object) -> None:
        """A value given on the command line."""
        self.values[name] = value
        self.sources[name] = COMMAND_LINE


def config_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("briefing", appauthor=False)) / "config.toml"


def load(path: Path | None = None) -> Config:
    """The settings from the file (when there is one) over the defaults."""
    path = path or config_path()
    config = Config(
        path, {s.name: s.default for s in SETTINGS}, {s.name: DEFAULT for s in SETTINGS}
    )
    try:
        raw = _read_settings(path)
    except FileNotFoundError:
        return config
    except OSError as exc:
        config.warnings.append(
            f"{_shown(path)} could not be read ({exc.strerror}); using the defaults."
        )
        return config
    import tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))  # a byte-order mark an editor wrote
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as exc:
        # (Arrays nested 500 deep overflowed tomllib's stack: a traceback on every command.)
        reason = (
            strip_unsafe(str(exc), "") if not isinstance(exc, RecursionError) else "nested too deep"
        )
        config.warnings.append(f"{_shown(path)} is not valid TOML ({reason}); using the defaults.")
        return config
    for name, value in data.items():
        setting = BY_NAME.get(name)
        if setting is None:
            config.warnings.append(
                f"{_shown(path)}: {_safe(name)} is not a setting briefing knows."
            )
            continue
        checked = _check(setting, value)
        if checked is None:
            config.warnings.append(
                f"{_shown(path)}: {name} {_expected(setting)}; using the default."
            )
            continue
        config.values[name] = checked
        config.sources[name] = FILE
    return config


# A settings file is a few lines; past this it is not one (a symlink to /dev/zero grew
# without end, and tomllib takes time growing with the square of a long dotted key).
MAX_CONFIG_BYTES = 64_000


class _NotSettings(OSError):
    """A file briefing does not read as settings, said in words alone (no "[Errno 0]")."""

    def __str__(self) -> str:
        return f"{_shown(Path(self.filename))}: {self.strerror}"


def _read_settings(path: Path) -> bytes:
    """The file's bytes; OSError for anything that is not a regular file of at most
    MAX_CONFIG_BYTES (a FIFO there hung every command)."""
    import os
    import stat

    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise _NotSettings(0, "it is not a regular file", str(path))
        with os.fdopen(fd, "rb", closefd=False) as fh:
            raw = fh.read(MAX_CONFIG_BYTES + 1)
    finally:
        os.close(fd)
    if len(raw) > MAX_CONFIG_BYTES:
        raise _NotSettings(0, f"it is larger than {MAX_CONFIG_BYTES // 1000} KB", str(path))
    return raw


def _shown(path: Path) -> str:
    """The file's name as a warning may print it (no escape sequence from a folder name)."""
    return strip_unsafe(str(path), "")


def _safe(text: str) -> str:
    return repr(strip_unsafe(text, "")[:60])


def _check(setting: Setting, value: object) -> object | None:
    """The value as the setting's kind, or None when it is not one."""
    if setting.kind is bool:
        return value if isinstance(value, bool) else None
    if setting.kind is str:
        # A folder's name with control characters in it is a slip, not a name: stripped
        # without a word, exports went to a folder nobody named.
        if not isinstance(value, str) or not value.strip() or strip_unsafe(value, "") != value:
            return None
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if setting.kind is int and not isinstance(value, int):
        return None
    if not math.isfinite(value):
        return None  # TOML's nan compares false with both bounds and would pass them
    if (setting.low is not None and value < setting.low) or (
        setting.high is not None and value > setting.high
    ):
        return None
    return setting.kind(value)


def _expected(setting: Setting) -> str:
    if setting.kind is bool:
        return "must be true or false"
    if setting.kind is str:
        return "must be a non-empty string without control characters"
    what = "a whole number" if setting.kind is int else "a number"
    return f"must be {what} from {readable(setting.low)} to {readable(setting.high)}"


def readable(number: object) -> str:
    """A number as a reader writes it: 10,000,000 and 0.01, never 1e+07."""
    if not isinstance(number, int | float) or not math.isfinite(number):
        return str(number)
    return f"{int(number):,}" if float(number).is_integer() else f"{number:,}"


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def render(config: Config) -> str:
    """`--print-config`: valid TOML (unset settings commented out), each line saying
    where its value came from."""
    state = _file_state(config.path)
    lines = [f"# briefing settings; config file: {config.path} ({state})"]
    # What a run would warn of: a bad value shows here as the default it fell back to.
    lines += [f"# warning: {line}" for line in config.warnings]
    for setting in SETTINGS:
        value, source = config.values[setting.name], config.sources[setting.name]
        text = f"{setting.name} = {_toml(value)}" if value is not None else f"# {setting.name} ="
        lines.append(f"{text:<40} # {source}: {setting.help}")
    return "\n".join(strip_unsafe(line, "") for line in lines) + "\n"


def _file_state(path: Path) -> str:
    if path.is_file():
        return "found"
    return "not a file" if path.exists() else "not found"


_TABLE = re.compile(r"^\s*\[", re.M)


# A setting's line: its value (a quoted string, or a bare number or word), then the
# comment after it, if any.
_TRAILING_COMMENT = re.compile(
    r"""=\s*(?:"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^#\s]+)\s*(?P<comment>#.*)$"""
)


def _comment_of(line: str) -> str:
    """The comment after a setting's value (" # dark"), kept when the value changes."""
    found = _TRAILING_COMMENT.search(line)
    return f"  {found.group('comment')}" if found else ""


def save(name: str, value: object, path: Path | None = None) -> None:
    """Set one top-level setting in the file, keeping everything else in it as written
    (comments included). Raises OSError or ValueError; the caller says so in words."""
    import contextlib
    import os
    import stat
    import tempfile
    import tomllib

    path = path or config_path()
    try:
        text = _read_settings(path).decode("utf-8")
    except FileNotFoundError:
        text = ""
    table = _TABLE.search(text)
    head, tail = (text[: table.start()], text[table.start() :]) if table else (text, "")
    line = f"{name} = {_toml(value)}"
    # The key as TOML may write it: bare, or quoted ('"theme" = ...' was left, and the line
    # added after it made the file say "theme" twice: "Cannot overwrite a value").
    said = re.escape(name)
    key = re.compile(rf"""^[ \t]*(?:{said}|"{said}"|'{said}')[ \t]*=.*$""", re.M)
    if key.search(head):
        head = key.sub(lambda old: line + _comment_of(old.group(0)), head, count=1)
    else:
        head = (head.rstrip("\n") + "\n" if head.strip() else "") + line + "\n"
    new = head + ("\n" + tail if tail and not head.endswith("\n\n") else tail)
    if tomllib.loads(new).get(name) != value:  # never write a file that says otherwise
        raise ValueError(f"{path} could not be updated safely")
    # Replaced where it really is: a config.toml linked from a dotfiles folder stays a link
    # and the dotfile gets the change, with the mode it had (mkstemp makes 0600).
    target = path.resolve() if path.is_symlink() else path
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = 0o644
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".config-", suffix=".toml")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(new)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
