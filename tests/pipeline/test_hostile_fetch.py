"""Fetching from servers and inputs that misbehave, on purpose or by accident."""

from __future__ import annotations

import contextlib
import gzip
import random
import socket
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.server import FixtureServer, RawServer, serve_raw
from tui.pipeline.decode import decode_html
from tui.pipeline.fetch import check_redirect, fetch, is_own_network, make_client
from tui.pipeline.model import ErrorKind, FetchedPage, PipelineError
from tui.pipeline.options import Options
from tui.pipeline.textsafety import UNSAFE


def text_of(page: FetchedPage) -> str:
    """The page's text as the reading stage decodes it."""
    return decode_html(page.body, page.charset)[0]


def codec_of(page: FetchedPage) -> str:
    return decode_html(page.body, page.charset)[1]


@pytest.fixture(scope="module")
def raw_site() -> Iterator[RawServer]:
    yield from serve_raw()


async def _error(url: str, **kw: float | int) -> PipelineError:
    options = Options(**kw)  # type: ignore[arg-type]
    async with make_client(options) as client:
        with pytest.raises(PipelineError) as info:
            await fetch(url, client, options)
    return info.value


async def test_a_lying_content_length_does_not_poison_the_next_page_from_that_host(
    raw_site: RawServer,
) -> None:
    options = Options(timeout=5)
    async with make_client(options) as client:
        first = await fetch(raw_site.url("/liar"), client, options)
        assert "An honest paragraph." in text_of(first)
        # The bytes past the declared length are still on the wire; the next request on
        # that connection would read them as its answer.
        second = await fetch(raw_site.url("/good"), client, options)
        assert "An honest paragraph." in text_of(second)
        third = await fetch(raw_site.url("/good"), client, options)
        assert text_of(third) == text_of(second)


async def test_https_to_a_plain_http_port_says_the_site_did_not_speak_https(
    site: FixtureServer,
) -> None:
    err = await _error(site.page("wire.html").replace("http://", "https://"), timeout=5)
    assert err.kind is ErrorKind.CONNECTION
    assert "https" in err.message and "did not speak https" in err.message
    assert "did not answer" not in err.message


async def test_https_to_a_port_that_stalls_the_handshake_says_https_failed(
    raw_site: RawServer,
) -> None:
    err = await _error(raw_site.url("/good").replace("http://", "https://"), timeout=1)
    assert err.kind is ErrorKind.CONNECTION
    assert "secure (https) connection" in err.message
    assert "did not answer within" not in err.message


async def test_a_site_that_hangs_up_in_the_handshake_says_so_in_words() -> None:
    # OpenSSL's "UNEXPECTED_EOF_WHILE_READING" was shown as it is.
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def hang_up() -> None:
        with contextlib.suppress(OSError):
            conn, _ = listener.accept()
            conn.recv(4096)  # the client's hello
            conn.close()

    threading.Thread(target=hang_up, daemon=True).start()
    try:
        err = await _error(f"https://127.0.0.1:{port}/", timeout=5)
    finally:
        listener.close()
    assert err.kind is ErrorKind.CONNECTION
    assert "hung up before the connection was secured" in err.message, err.message
    assert "UNEXPECTED_EOF" not in err.message


def _gzip_members(*parts: bytes) -> bytes:
    return b"".join(gzip.compress(p) for p in parts)


async def test_a_gzip_body_of_several_members_is_read_whole(site: FixtureServer) -> None:
    options = Options()
    async with make_client(options) as client:
        page = await fetch(site.url("/gzip-members?n=3"), client, options)
    assert all(f"Member {i} of the page." in text_of(page) for i in range(3))


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS], ids=["zlib", "raw"])
async def test_a_deflate_body_is_read_wrapped_in_zlib_or_bare(
    site: FixtureServer, wbits: int
) -> None:
    # Older servers send "deflate" as the bare stream, without zlib's header: it was
    # "a compressed page that could not be unpacked".
    html = b"<html><body><article><p>An honest paragraph.</p></article></body></html>" * 40
    packer = zlib.compressobj(wbits=wbits)
    body = packer.compress(html) + packer.flush()
    url = site.url(
        "/hostile/"
        + site.host_page({"Content-Type": "text/html", "Content-Encoding": "deflate"}, body)
    )
    options = Options()
    async with make_client(options) as client:
        page = await fetch(url, client, options)
    assert isinstance(page, FetchedPage) and page.body == html


async def test_several_gzip_members_still_stop_at_the_size_cap(site: FixtureServer) -> None:
    # Each member is small on the wire; together they inflate past the cap.
    err = await _error(site.url("/gzip-members?n=40&pad=100000"), max_bytes=1_000_000)
    assert err.kind is ErrorKind.TOO_LARGE


@pytest.mark.parametrize("label", ["base64", "hex", "rot13", "zlib", "bz2_codec", "utf-7", "idna"])
def test_a_codec_that_is_not_a_text_encoding_is_ignored_as_a_charset(label: str) -> None:
    body = f'<meta charset="{label}"><p>Plain words, café.</p>'.encode()
    for header, meta_body in ((label, body), (None, body)):
        text, codec = decode_html(meta_body, header)
        assert "Plain words, café." in text
        assert codec == "utf-8"


def test_utf16_named_in_a_meta_is_read_as_utf8() -> None:
    body = '<meta charset="utf-16"><p>Kyiv — Київ</p>'.encode()
    assert "Kyiv — Київ" in decode_html(body, None)[0]


async def test_a_page_served_with_charset_base64_is_read(site: FixtureServer) -> None:
    options = Options()
    async with make_client(options) as client:
        page = await fetch(site.url("/charset?c=base64"), client, options)
    assert "Cyrillic Київ" in text_of(page)


BAD_INPUTS = [
    "http://[x/",
    "http://[::1",
    "http://xn--/",
    "http://xn--a.example/",
    "http://h:1:1/",
    "http://a\tb.example/",
    "http://a\x00b.example/",
    "http://a\x1bc.example/",
    "http://example.org/" + "x" * 70_000,
    "http://example.org:-1/",
    "http://example.org:99999/",
    "http://example.org:0/",
    "https://",
    "http://exa mple.org/",
    "http://%zz/",
    "http://\ufffd.example/",
    "y" * 300,
    "z/" * 3000,
    "~nosuchuser_briefing/x.html",
    "file://remote.example/x.html",
    "ftp://example.org/x",
    "\x1b]0;title\x07",
]


@pytest.mark.parametrize("bad", BAD_INPUTS, ids=lambda s: repr(s[:30]))
async def test_a_bad_input_is_a_typed_invalid_input_error_in_words(bad: str) -> None:
    err = await _error(bad, timeout=2)
    assert err.kind is ErrorKind.INVALID_INPUT
    assert len(err.message) < 400  # quotes the input, never the whole of it
    assert "\x1b" not in err.message and "\x00" not in err.message and "\t" not in err.message


async def _serve_redirect(location: str, from_host: str) -> httpx.Response:
    request = httpx.Request("GET", f"http://{from_host}/story")
    response = httpx.Response(302, headers={"Location": location}, request=request)
    await check_redirect(response)
    return response


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1:8080/admin",
        "http://localhost/",
        "http://[::1]/",
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://2130706433/",
        "http://127.1/",
        "http://[::ffff:127.0.0.1]/",
    ],
)
async def test_a_public_site_cannot_redirect_into_the_readers_own_network(target: str) -> None:
    with pytest.raises(PipelineError) as info:
        await _serve_redirect(target, "news.example")
    assert info.value.kind is ErrorKind.HTTP_STATUS
    assert "your own machine" in info.value.message


async def test_redirects_within_public_or_within_local_sites_are_followed() -> None:
    await _serve_redirect("https://news.example/story-2", "news.example")
    await _serve_redirect("/relative", "news.example")
    await _serve_redirect("http://127.0.0.1:9/x", "127.0.0.1:8000")  # local to local


@pytest.mark.parametrize("location", ["http://[x/", "file:///etc/passwd", "http://xn--/"])
async def test_a_redirect_to_an_invalid_address_is_refused_in_words(location: str) -> None:
    with pytest.raises(PipelineError) as info:
        await _serve_redirect(location, "news.example")
    assert info.value.kind is ErrorKind.HTTP_STATUS
    assert "not a web address briefing can follow" in info.value.message


@pytest.mark.parametrize(
    "target", ["http://user:secret@news.example/x", "http://user@news.example/"]
)
async def test_a_redirect_that_carries_a_name_or_password_is_not_followed(target: str) -> None:
    with pytest.raises(PipelineError) as info:
        await _serve_redirect(target, "news.example")
    assert info.value.kind is ErrorKind.HTTP_STATUS
    assert "secret" not in info.value.message and "user name or password" in info.value.message


async def test_a_redirect_to_a_broken_address_from_a_real_server_is_a_typed_error(
    site: FixtureServer,
) -> None:
    err = await _error(site.url("/redirect-to?to=http://%5Bx/"))
    assert err.kind is ErrorKind.HTTP_STATUS


def test_client_checks_every_redirect_hop() -> None:
    assert check_redirect in make_client(Options()).event_hooks["response"]


def test_own_network_is_told_from_the_internet() -> None:
    assert is_own_network("127.0.0.1") and is_own_network("[fe80::1%eth0]")
    assert is_own_network("app.localhost") and is_own_network("0x7f.1")
    assert not is_own_network("news.example") and not is_own_network("93.184.216.34")


async def test_a_page_with_a_stray_nul_is_read_not_called_binary(site: FixtureServer) -> None:
    body = b"<html><body><p>Kyiv and Khar\x00kiv</p>" + b"<p>More of the report.</p>" * 40
    url = site.url("/hostile/" + site.host_page({"Content-Type": "text/html"}, body))
    options = Options()
    async with make_client(options) as client:
        page = await fetch(url, client, options)
    assert "More of the report." in text_of(page)


async def test_nul_bytes_served_as_a_web_page_are_called_binary_data_not_a_type_never_sent(
    site: FixtureServer,
) -> None:
    url = site.url("/hostile/" + site.host_page({"Content-Type": "text/html"}, b"\x00" * 100_000))
    err = await _error(url)
    assert err.kind is ErrorKind.NOT_HTML
    assert err.message == "The site said this was a web page, but it sent binary data, not text."


async def test_random_bytes_served_as_a_web_page_are_called_binary_data(
    site: FixtureServer,
) -> None:
    # Only 0.4% of random bytes are NULs, too few to call binary: the page was "No article
    # text could be found", as if the site had sent a page with nothing to read on it.
    body = random.Random(7).randbytes(20_000)
    url = site.url("/hostile/" + site.host_page({"Content-Type": "text/html; charset=utf-8"}, body))
    err = await _error(url)
    assert err.kind is ErrorKind.NOT_HTML
    assert err.message == "The site said this was a web page, but it sent binary data, not text."


async def test_a_page_in_iso_2022_jp_is_read_not_called_binary(site: FixtureServer) -> None:
    # ISO-2022-JP switches character sets with ESC, a control byte random data has too:
    # here one byte in ten, at every figure. A page in it is text all the same.
    words = "港の労働組合は4月5日、24時間のストライキを終えた。"
    body = f"<html><body>{f'<p>{words}</p>' * 12}</body></html>".encode("iso-2022-jp")
    ctype = "text/html; charset=iso-2022-jp"
    url = site.url("/hostile/" + site.host_page({"Content-Type": ctype}, body))
    options = Options()
    async with make_client(options) as client:
        page = await fetch(url, client, options)
    assert words in text_of(page)


async def test_a_page_padded_out_with_nul_bytes_is_read(site: FixtureServer) -> None:
    # Refused as binary data: the NULs after a short page filled the first kilobyte.
    page = b"<!doctype html><html><body><article><p>" + b"A paragraph worth reading. " * 8
    body = page + b"</p></article></body></html>" + b"\x00" * 3000
    url = site.url("/hostile/" + site.host_page({"Content-Type": "text/html"}, body))
    options = Options()
    async with make_client(options) as client:
        fetched = await fetch(url, client, options)
    assert isinstance(fetched, FetchedPage) and b"worth reading" in fetched.body


async def test_a_saved_page_of_nul_bytes_is_called_binary_data(tmp_path: Path) -> None:
    saved = tmp_path / "zeros.html"
    saved.write_bytes(b"\x00" * 100_000)
    err = await _error(str(saved))
    assert err.kind is ErrorKind.NOT_HTML
    assert err.message == "This file holds binary data, not a saved web page."


async def test_a_utf16_page_with_its_bom_is_read_not_called_binary(tmp_path: Path) -> None:
    saved = tmp_path / "utf16.html"
    saved.write_bytes("<html><body><p>Київ and Kharkiv</p></body></html>".encode("utf-16"))
    options = Options()
    async with make_client(options) as client:
        page = await fetch(str(saved), client, options)
    assert "Київ and Kharkiv" in text_of(page) and codec_of(page) == "utf-16"


@pytest.mark.parametrize(
    ("encoding", "charset"),
    [("utf-16-le", "utf-16le"), ("utf-16-be", "utf-16be"), ("utf-16-le", None)],
)
async def test_a_utf16_page_with_no_bom_is_read_not_called_binary(
    site: FixtureServer, encoding: str, charset: str | None
) -> None:
    body = "<html><body><p>Київ and Kharkiv</p></body></html>".encode(encoding)
    ctype = "text/html" + (f"; charset={charset}" if charset else "")
    url = site.url("/hostile/" + site.host_page({"Content-Type": ctype}, body))
    options = Options()
    async with make_client(options) as client:
        page = await fetch(url, client, options)
    assert "Київ and Kharkiv" in text_of(page) and codec_of(page) == encoding


async def test_a_connection_reset_mid_page_is_said_in_words(raw_site: RawServer) -> None:
    err = await _error(raw_site.url("/reset"), timeout=5)
    assert err.kind is ErrorKind.CONNECTION
    assert err.message.endswith("broke off the connection before the page arrived.")


@pytest.mark.parametrize("path", ["/cut", "/cut-chunked"])
async def test_a_page_cut_short_by_the_server_is_said_to_have_arrived_incomplete(
    raw_site: RawServer, path: str
) -> None:
    err = await _error(raw_site.url(path), timeout=5)
    assert err.kind is ErrorKind.CONNECTION
    assert err.message == (
        "The site 127.0.0.1 stopped sending the page partway (it arrived incomplete)."
    )


async def test_a_status_line_that_is_not_http_still_says_the_site_broke_its_rules(
    raw_site: RawServer,
) -> None:
    err = await _error(raw_site.url("/bad-status"), timeout=5)
    assert err.kind is ErrorKind.CONNECTION
    assert err.message == (
        "The site 127.0.0.1 broke the rules of HTTP (its answer could not be read)."
    )


@pytest.mark.parametrize("path", ["/nowhere", "/nowhere-empty"])
async def test_a_redirect_that_names_no_address_says_so(raw_site: RawServer, path: str) -> None:
    err = await _error(raw_site.url(path), timeout=5)
    assert err.kind is ErrorKind.HTTP_STATUS
    assert err.message == "The site answered 302 Found but gave no address to go to."


def test_a_content_type_that_is_no_media_type_is_said_to_be_invalid() -> None:
    from tui.pipeline.fetch import _not_html_message

    assert _not_html_message("\x1b]0") == (
        "This is not a web page: the site sent it with a content type that is not valid."
    )
    assert _not_html_message("application/x-ledger").endswith("as application/x-ledger.")


def test_a_byte_order_mark_outranks_the_charset_the_server_named() -> None:
    from tui.pipeline.decode import decode_html

    body = "<p>Zürich é</p>".encode("utf-8-sig")
    assert decode_html(body, "windows-1252") == ("<p>Zürich é</p>", "utf-8")
    body16 = "<p>Zürich</p>".encode("utf-16")
    assert decode_html(body16, "iso-8859-1")[0] == "<p>Zürich</p>"


@pytest.mark.parametrize("where", ["reason", "type"])
async def test_escapes_in_a_servers_status_line_or_headers_never_reach_the_message(
    raw_site: RawServer, where: str
) -> None:
    err = await _error(raw_site.url(f"/escapes?where={where}"), timeout=5)
    assert err.kind in (ErrorKind.HTTP_STATUS, ErrorKind.NOT_HTML, ErrorKind.CONNECTION)
    assert not UNSAFE.search(err.message)
