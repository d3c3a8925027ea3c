from __future__ import annotations

import io
import os

import pytest

from tui.pipeline.inputs import chain, parse_line, stream_lines


def test_blank_lines_and_comments_are_skipped() -> None:
    lines = ["# reading list\n", "\n", "  https://a.example/x  \n", "\ufeffhttps://b.example/y\n"]
    assert [x for line in lines if (x := parse_line(line))] == [
        "https://a.example/x",
        "https://b.example/y",
    ]
    assert parse_line("   # indented comment") is None


async def test_stream_lines_yields_each_line_before_the_stream_ends() -> None:
    read_fd, write_fd = os.pipe()
    reader = os.fdopen(read_fd, "r")
    writer = os.fdopen(write_fd, "w")
    lines = stream_lines(reader)
    writer.write("https://a.example/1\n")
    writer.flush()
    # The writer is still open: the first line must arrive anyway.
    assert await anext(lines) == "https://a.example/1"
    writer.write("# skip\nhttps://a.example/2\n")
    writer.close()
    assert [x async for x in lines] == ["https://a.example/2"]
    reader.close()


async def test_a_nul_separated_list_is_one_input_a_name(tmp_path) -> None:
    # `find -print0 | briefing`: the names came as one input with NULs inside, refused.
    names = [tmp_path / "a page.html", tmp_path / "b.html"]
    data = b"".join(os.fsencode(n) + b"\0" for n in names) + b"https://c.example/3\0"
    assert [x async for x in stream_lines(io.BytesIO(data))] == [
        *map(str, names),
        "https://c.example/3",
    ]


async def test_a_stream_of_nuls_still_reads_the_line_after_them() -> None:
    # Ten million NULs are ten million blank lines: skipped, not handed on one by one.
    data = b"\0" * 10_000_000 + b"https://a.example/1\n"
    read, write = os.pipe()

    def writer() -> None:
        with os.fdopen(write, "wb") as out:
            out.write(data)

    import threading

    threading.Thread(target=writer, daemon=True).start()
    assert [x async for x in stream_lines(read)] == ["https://a.example/1"]


async def test_a_piped_file_name_in_latin_1_names_the_file(tmp_path) -> None:
    # `ls *.html | briefing` in a folder of old Latin-1 names: the byte became U+FFFD and
    # the file "did not exist", where the same name as an argument was read.
    name = os.fsencode(tmp_path) + b"/caf\xe9.html"
    with open(name, "wb") as page:
        page.write(b"<p>x</p>")
    data = name + b"\n" + os.fsencode(tmp_path) + b"/gone\xe9.html\nhttps://b\xff.example/\n"
    got = [x async for x in stream_lines(os.open(_written(tmp_path, data), os.O_RDONLY))]
    assert os.fsencode(got[0]) == name
    assert got[1:] == [f"{tmp_path}/gone\ufffd.html", "https://b\ufffd.example/"]


def _written(folder, data: bytes) -> str:
    path = folder / "list.txt"
    path.write_bytes(data)
    return str(path)


async def test_chain_puts_arguments_before_stream() -> None:
    stream = stream_lines(io.StringIO("c\n"))
    assert [x async for x in chain(["a", "b"], stream)] == ["a", "b", "c"]


async def test_lines_read_from_a_descriptor_are_cut_and_decoded_one_by_one() -> None:
    import os
    import threading

    from tui.pipeline.inputs import MAX_INPUT_CHARS, stream_lines

    read, write = os.pipe()
    long_line = b"x" * (MAX_INPUT_CHARS * 3)
    data = b"https://a.example/1\n" + long_line + b"\nhttps://b\xff.example/2\n# skip\n"
    data += b"https://c.example/3"  # the last line may lack its newline

    def writer() -> None:  # more than a pipe holds: written while it is read
        os.write(write, data)
        os.close(write)

    threading.Thread(target=writer, daemon=True).start()
    got = [line async for line in stream_lines(read)]
    assert got[0] == "https://a.example/1"
    # Cut, the rest of it counted and not kept.
    assert got[1] == "x" * MAX_INPUT_CHARS + f"… ({MAX_INPUT_CHARS * 3:,} characters in all)"
    assert got[2] == "https://b\ufffd.example/2"  # only this line is spoiled
    assert got[3:] == ["https://c.example/3"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
async def test_a_pipe_in_utf16_with_its_mark_is_read_as_utf16(encoding: str) -> None:
    # PowerShell writes its pipes and files so; read as UTF-8 each address came with a NUL
    # between its letters and was refused.
    import os
    import threading

    from tui.pipeline.inputs import stream_lines

    read, write = os.pipe()
    text = "https://a.example/1\r\nhttps://b.example/é\r\n"
    mark = "" if encoding == "utf-16" else "\ufeff"  # "utf-16" writes its own mark

    def writer() -> None:  # a byte at a time: the mark may come in two reads
        for byte in (mark + text).encode(encoding):
            os.write(write, bytes([byte]))
        os.close(write)

    threading.Thread(target=writer, daemon=True).start()
    got = [line async for line in stream_lines(read)]
    assert got == ["https://a.example/1", "https://b.example/é"]


def test_the_prompt_splits_paths_that_exist_and_keeps_a_name_with_spaces(tmp_path) -> None:
    from tui.pipeline.inputs import split_inputs

    saved, spaced, opml = tmp_path / "blog.html", tmp_path / "my page.html", tmp_path / "s.opml"
    for path in (saved, spaced, opml):
        path.write_text("<p>x</p>")
    typed = f"{saved} {spaced} https://news.example/a {opml} garbage here"
    # Two paths side by side were one input that does not exist; the OPML file and the
    # words after it another.
    assert split_inputs(typed) == [
        str(saved),
        str(spaced),
        "https://news.example/a",
        str(opml),
        "garbage here",
    ]
    assert split_inputs("not a url\n# a comment\n\nhttps://a.example/x") == [
        "not a url",
        "https://a.example/x",
    ]


async def _streamed(text: str) -> list[str]:
    return [x async for x in stream_lines(io.StringIO(text))]


async def test_a_piped_line_of_several_addresses_is_several_inputs(tmp_path) -> None:
    saved = tmp_path / "blog.html"
    saved.write_text("<p>x</p>")
    # The space went to the site as %20: one address that does not exist.
    assert await _streamed("https://a.example/1 https://a.example/2\n") == [
        "https://a.example/1",
        "https://a.example/2",
    ]
    assert await _streamed(f"https://a.example/1\t{saved}  https://[x/\n") == [
        "https://a.example/1",
        str(saved),
        "https://[x/",  # one error in words of its own
    ]


async def test_a_piped_line_that_is_not_all_inputs_stays_one(tmp_path) -> None:
    spaced = tmp_path / "my saved page.html"
    spaced.write_text("<p>x</p>")
    missing = tmp_path / "not saved yet.html"
    lines = f"{spaced}\n{missing}\nhttps://a.example/a b.html\nhttps://a.example/x see this\n"
    assert await _streamed(lines) == [
        str(spaced),
        str(missing),  # said not to exist as it was given, not word by word
        "https://a.example/a b.html",
        "https://a.example/x see this",
    ]


async def test_a_piped_line_too_long_says_its_true_length() -> None:
    from tui.pipeline.inputs import MAX_INPUT_CHARS, input_error

    (line,) = await _streamed("x" * 1_048_576 + "\n")
    assert line == "x" * MAX_INPUT_CHARS + "… (1,048,576 characters in all)"
    error = input_error(line)
    assert error is not None and "(1,048,576 characters; the limit is 65,536)" in error.message


async def test_a_piped_line_within_the_limit_is_whole_however_many_bytes_it_takes() -> None:
    from tui.pipeline.inputs import MAX_INPUT_CHARS

    accented = "https://a.example/" + "é" * 40_000  # 80,000 bytes, 40,018 characters
    padded = "https://a.example/" + "p" * (MAX_INPUT_CHARS - 18)
    raw = f"{accented}\n  {padded}{' ' * 100}\n".encode()
    # Cut at 65,537 bytes, the first was read as a shorter address, and fetched as one.
    assert [x async for x in stream_lines(io.BytesIO(raw))] == [accented, padded]


async def test_a_piped_line_of_addresses_longer_than_one_input_is_each_of_them() -> None:
    from tui.pipeline.inputs import MAX_INPUT_CHARS, MAX_LINE_CHARS

    many = [f"https://news.example.org/story/{i:06d}" for i in range(2_500)]
    # 94,999 characters: refused whole as "too long", and every address lost with it.
    assert await _streamed(" ".join(many) + "\n") == many
    # The limit is each input's: the one too long is cut alone, and says its own length.
    long = "https://a.example/" + "p" * MAX_INPUT_CHARS
    got = await _streamed(f"https://a.example/1 {long} https://a.example/2\n")
    assert got == [
        "https://a.example/1",
        long[:MAX_INPUT_CHARS] + f"… ({len(long):,} characters in all)",
        "https://a.example/2",
    ]
    # Past the longest line kept, the line is cut when read and is one input, as before.
    endless = " ".join(many * (MAX_LINE_CHARS // len(" ".join(many)) + 1))
    (cut,) = await _streamed(endless + "\n")
    assert cut == endless[:MAX_INPUT_CHARS] + f"… ({len(endless):,} characters in all)"


async def test_a_piped_line_of_prose_looks_for_no_file_past_its_first_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tui.pipeline import inputs

    looked: list[str] = []
    exists = inputs._exists
    monkeypatch.setattr(inputs, "_exists", lambda text: looked.append(text) or exists(text))
    prose = "https://a.example/x " + " ".join(["word"] * 12_000)
    # Eight file names tried for each word: 96,000 of them, two seconds and more.
    assert await _streamed(prose + "\n") == [prose]
    assert len(looked) <= 1 + 8
