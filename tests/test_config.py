"""Settings from the config file: defaults under the file, warnings not failures, and
the app's theme written back without disturbing the rest of the file."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tui import config


def test_no_file_means_every_default() -> None:
    loaded = config.load(Path("/nonexistent/config.toml"))
    assert loaded.values == {s.name: s.default for s in config.SETTINGS}
    assert set(loaded.sources.values()) == {config.DEFAULT} and not loaded.warnings


def test_the_users_config_folder_is_used(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert config.config_path() == tmp_path / "briefing" / "config.toml"


def test_file_values_override_defaults_and_say_so(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('concurrency = 3\ntimeout = 45\ntheme = "gruvbox"\nanalysis = false\n')
    loaded = config.load(path)
    assert loaded["concurrency"] == 3 and loaded["timeout"] == 45.0 and loaded["theme"] == "gruvbox"
    assert loaded["analysis"] is False
    assert loaded.sources["timeout"] == config.FILE and loaded.sources["per_feed"] == config.DEFAULT


@pytest.mark.parametrize(
    "text",
    [
        "concurrency = true",
        "concurrency = 0",
        "concurrency = 2.5",
        "timeout = 'x'",
        "cache = 1",
        # TOML's nan and inf: nan compares false with both bounds, and crashed the run.
        "max_size = nan",
        "cache_size = -nan",
        "timeout = inf",
        # Control characters in a folder's name: stripped, exports went elsewhere unsaid.
        'export_dir = "notes\\u0007\\nold"',
    ],
)
def test_a_value_of_the_wrong_kind_is_a_warning_and_the_default(tmp_path: Path, text: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text + "\n")
    loaded = config.load(path)
    name = text.split(" = ")[0]
    assert loaded[name] == config.BY_NAME[name].default
    assert len(loaded.warnings) == 1 and name in loaded.warnings[0]


def test_a_file_that_is_not_toml_is_one_warning(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("timeout = = 3\n\x1b[31m")
    loaded = config.load(path)
    assert len(loaded.warnings) == 1 and "not valid TOML" in loaded.warnings[0]
    assert "\x1b" not in loaded.warnings[0]


def test_a_file_nested_too_deep_for_the_parser_is_one_warning(tmp_path: Path) -> None:
    # Arrays 500 deep overflowed tomllib's stack: a traceback on every command.
    path = tmp_path / "config.toml"
    path.write_text("x = " + "[" * 500 + "]" * 500 + "\n")
    loaded = config.load(path)
    assert loaded.warnings == [f"{path} is not valid TOML (nested too deep); using the defaults."]
    assert loaded.values == {s.name: s.default for s in config.SETTINGS}


@pytest.mark.parametrize("kind", ["fifo", "endless", "huge"])
def test_a_config_that_is_no_small_regular_file_is_not_read(tmp_path: Path, kind: str) -> None:
    # A FIFO there hung every command; a link to /dev/zero grew without end; a long
    # dotted key took time growing with the square of its length (400 KB: over 40 s).
    import os

    path = tmp_path / "config.toml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "endless":
        path.symlink_to("/dev/zero")
    else:
        path.write_text("a" + ".a" * 200_000 + " = 1\n")
    loaded = config.load(path)
    assert len(loaded.warnings) == 1 and "could not be read" in loaded.warnings[0]
    assert loaded.values == {s.name: s.default for s in config.SETTINGS}


def test_a_byte_order_mark_before_the_settings_is_read_past(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b"\xef\xbb\xbftimeout = 45\n")
    loaded = config.load(path)
    assert loaded["timeout"] == 45.0 and not loaded.warnings


def test_unknown_settings_are_named_in_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("colour = 'red'\n")
    assert "'colour' is not a setting" in config.load(path).warnings[0]


def test_render_is_toml_that_loads_back_to_the_same_values(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('per_feed = 4\nexport_dir = "~/briefings"\n')
    loaded = config.load(path)
    rendered = config.render(loaded)
    assert tomllib.loads(rendered) == {k: v for k, v in loaded.values.items() if v is not None}


def test_render_says_what_a_run_would_warn_of_and_whether_the_file_is_one(
    tmp_path: Path,
) -> None:
    path = tmp_path / "config.toml"
    path.write_text("timeout = nan\n")
    rendered = config.render(config.load(path))
    assert "(found)" in rendered.splitlines()[0]
    assert "# warning: " in rendered and "timeout" in rendered.splitlines()[1]
    assert tomllib.loads(rendered)["timeout"] == config.BY_NAME["timeout"].default
    path.unlink()
    path.mkdir()
    rendered = config.render(config.load(path))
    assert "(not a file)" in rendered.splitlines()[0] and "# warning: " in rendered


def test_saving_the_theme_keeps_comments_and_tables(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '# my settings\ntimeout = 30  # slow link\ntheme = "nord"\n\n[extra]\ntheme = 1\n'
    )
    config.save("theme", "gruvbox", path)
    text = path.read_text()
    assert "# my settings" in text and "# slow link" in text and "[extra]\ntheme = 1" in text
    assert tomllib.loads(text)["theme"] == "gruvbox"
    config.save("per_feed", 3, path)
    assert tomllib.loads(path.read_text())["per_feed"] == 3
    assert tomllib.loads(path.read_text())["extra"] == {"theme": 1}


def test_saving_the_theme_keeps_the_comment_on_its_own_line(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    for before, comment in (
        ('theme = "dracula" # dark', "# dark"),
        ("theme = 'nord'   # cool, \"quoted\" # twice", '# cool, "quoted" # twice'),
        ('theme = "a # not a comment"  # the real one', "# the real one"),
        ('theme = "nord"', None),
    ):
        path.write_text(before + "\n")
        config.save("theme", "gruvbox", path)
        (line,) = path.read_text().splitlines()
        assert tomllib.loads(line)["theme"] == "gruvbox"
        assert line == 'theme = "gruvbox"' + (f"  {comment}" if comment else "")


@pytest.mark.parametrize("key", ['"theme"', "'theme'"])
def test_saving_the_theme_replaces_a_key_written_in_quotes(tmp_path: Path, key: str) -> None:
    # '"theme" = "nord"' was left, and the line added after it said "theme" twice: every
    # theme picked in the app failed with "Cannot overwrite a value".
    path = tmp_path / "config.toml"
    path.write_text(f'timeout = 30\n{key} = "nord"  # cool\n')
    config.save("theme", "gruvbox", path)
    text = path.read_text()
    assert tomllib.loads(text) == {"timeout": 30, "theme": "gruvbox"}
    assert text.splitlines()[1] == 'theme = "gruvbox"  # cool'


def test_saving_through_a_link_changes_the_linked_file_and_keeps_its_mode(tmp_path: Path) -> None:
    dotfile = tmp_path / "dotfiles" / "briefing.toml"
    dotfile.parent.mkdir()
    dotfile.write_text('theme = "nord"\n')
    dotfile.chmod(0o640)
    path = tmp_path / "config" / "config.toml"
    path.parent.mkdir()
    path.symlink_to(dotfile)
    config.save("theme", "gruvbox", path)
    assert path.is_symlink() and path.resolve() == dotfile
    assert tomllib.loads(dotfile.read_text())["theme"] == "gruvbox"
    assert dotfile.stat().st_mode & 0o777 == 0o640


def test_saving_into_a_missing_file_makes_it(tmp_path: Path) -> None:
    path = tmp_path / "new" / "config.toml"
    config.save("theme", 'a "quoted" name', path)
    assert tomllib.loads(path.read_text()) == {"theme": 'a "quoted" name'}


def test_saving_the_theme_into_a_folder_says_so_in_words(tmp_path: Path) -> None:
    # The app's toast read "[Errno 0] it is not a regular file".
    path = tmp_path / "config.toml"
    path.mkdir()
    with pytest.raises(OSError) as raised:
        config.save("theme", "nord", path)
    assert str(raised.value) == f"{path}: it is not a regular file"
