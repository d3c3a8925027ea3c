from __future__ import annotations

import socket
import tracemalloc
from pathlib import Path

import httpx
import pytest

from tests.server import FixtureServer
from tui import __version__
from tui.pipeline import feeds
from tui.pipeline.decode import decode_html
from tui.pipeline.fetch import fetch, make_client
from tui.pipeline.model import ErrorKind, FetchedFeed, FetchedPage, PipelineError
from tui.pipeline.options import MB, Options

PAGES = Path(__file__).parents[1] / "fixtures" / "pages"


def text_of(page: FetchedPage) -> str:
    """The page's text as the reading stage decodes it."""
    return decode_html(page.body, page.charset)[0]


def codec_of(page: FetchedPage) -> str:
    return decode_html(page.body, page.charset)[1]


async def _fetch(url: str, **kw: float | int) -> object:
    options = Options(**kw)  # type: ignore[arg-type]
    async with make_client(options) as client:
        return await fetch(url, client, options)


async def _error(url: str, **kw: float | int) -> PipelineError:
    with pytest.raises(PipelineError) as info:
        await _fetch(url, **kw)
    return info.value


async def test_fetches_page_and_names_briefing_in_user_agent(site: FixtureServer) -> None:
    page = await _fetch(site.page("frontline.html"))
    assert "<article" in text_of(page)
    assert codec_of(page) == "utf-8"
    agent = next(a for p, a in site.hits if p == "/pages/frontline.html")
    assert agent.startswith(f"briefing/{__version__}")


async def test_follows_redirects_and_reports_final_url(site: FixtureServer) -> None:
    page = await _fetch(site.url("/moved/wire.html"))
    assert page.url == site.page("wire.html")
    assert page.input == site.url("/moved/wire.html")


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("status=429&retry=120", "too many requests reached the site too fast; it says to try "
         "again in 2 minutes."),
        ("status=503&retry=7200", "unavailable for now; it says to try again in 2 hours."),
        # A wait of years is no guide: it is not repeated.
        ("status=503&retry=Wed,%2021%20Oct%202099%2007:28:00%20GMT",
         "the site is unavailable for now."),
        ("status=429&retry=259200", "try again in 3 days."),
        # A wait that is no time is not repeated.
        ("status=503&retry=soon", "the site is unavailable for now."),
        ("status=403", "refuses to show this page"),
    ],
)  # fmt: skip
async def test_an_error_status_says_what_it_means_and_when_to_try_again(
    site: FixtureServer, query: str, said: str
) -> None:
    err = await _error(site.url(f"/busy?{query}"))
    assert err.kind is ErrorKind.HTTP_STATUS
    assert said in err.message, err.message


async def test_404_is_an_http_status_error_in_words(site: FixtureServer) -> None:
    err = await _error(site.url("/404"))
    assert err.kind is ErrorKind.HTTP_STATUS
    assert "404" in err.message and "does not exist" in err.message
    assert "redirected" not in err.message


async def test_a_redirect_that_ends_in_an_error_says_where_it_led(site: FixtureServer) -> None:
    err = await _error(site.url("/moved/no-such-page.html"))
    assert err.kind is ErrorKind.HTTP_STATUS
    assert f"(redirected to '{site.page('no-such-page.html')}')" in err.message


async def test_500_is_an_http_status_error(site: FixtureServer) -> None:
    err = await _error(site.url("/500"))
    assert err.kind is ErrorKind.HTTP_STATUS
    assert "500" in err.message


async def test_slow_page_times_out_at_the_total_limit(site: FixtureServer) -> None:
    err = await _error(site.url("/slow?s=5"), timeout=0.5)
    assert err.kind is ErrorKind.TIMEOUT
    assert "0.5 s" in err.message


async def test_a_page_whose_time_ran_out_while_briefing_was_stopped_gets_its_time_again(
    site: FixtureServer,
) -> None:
    # Ctrl+Z for half a minute while pages were coming: all of them failed as "did not
    # send the page within 20 s". (The stop is counted here as the SIGCONT handler does.)
    import asyncio

    from tui.pipeline import wakes

    async def stopped_meanwhile() -> None:
        await asyncio.sleep(0.3)
        wakes.note_a_wake()

    woke = asyncio.create_task(stopped_meanwhile())
    page = await _fetch(site.url("/delay/wire.html?s=1.5"), timeout=1.0)
    await woke
    assert isinstance(page, FetchedPage)


async def test_redirect_loop_stops_after_ten(site: FixtureServer) -> None:
    err = await _error(site.url("/loop"))
    assert err.kind is ErrorKind.TOO_MANY_REDIRECTS
    hops = [p for p, _ in site.hits if p == "/loop"]
    assert 10 <= len(hops) <= 12


async def test_huge_body_stops_at_the_cap(site: FixtureServer) -> None:
    err = await _error(site.url("/huge"))
    assert err.kind is ErrorKind.TOO_LARGE
    assert "10 MB" in err.message


async def test_gzip_bomb_stops_at_the_cap_without_inflating_it_all(site: FixtureServer) -> None:
    site.bomb()  # build the bomb outside the measured window
    tracemalloc.start()
    try:
        err = await _error(site.url("/bomb"), max_bytes=2 * MB)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert err.kind is ErrorKind.TOO_LARGE
    # The bomb inflates to 200 MB; reading it must cost about the cap, not the bomb.
    assert peak < 20 * MB


async def test_pdf_is_refused_and_named(site: FixtureServer) -> None:
    err = await _error(site.url("/pdf"))
    assert err.kind is ErrorKind.NOT_HTML
    assert "PDF" in err.message


async def test_empty_body_says_the_page_is_empty(site: FixtureServer) -> None:
    err = await _error(site.url("/empty"))
    assert err.kind is ErrorKind.NO_ARTICLE
    assert "empty" in err.message


async def test_windows_1252_page_without_charset_reads_right(site: FixtureServer) -> None:
    page = await _fetch(site.page("cp1252.html"))
    assert codec_of(page) == "cp1252"
    assert "€" in text_of(page)
    assert "è" in text_of(page) and "é" in text_of(page)  # è is č in cp1250, its closest rival
    assert "\ufffd" not in text_of(page)


async def test_connection_refused_is_a_connection_error() -> None:
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    err = await _error(f"http://127.0.0.1:{port}/")
    assert err.kind is ErrorKind.CONNECTION
    assert "refused" in err.message


@pytest.mark.parametrize("bad", ["not a url", "ftp://example.org/x", "/no/such/file.html"])
async def test_input_that_is_neither_url_nor_file_is_named(bad: str) -> None:
    err = await _error(bad)
    assert err.kind is ErrorKind.INVALID_INPUT
    assert bad in err.message


async def test_local_html_file_is_read() -> None:
    page = await _fetch(str(PAGES / "wire.html"))
    assert page.url.startswith("file://")
    assert "<html" in text_of(page).lower()


async def test_local_pdf_file_is_refused(tmp_path: Path) -> None:
    pdf = tmp_path / "report.html"
    pdf.write_bytes(b"%PDF-1.7\n...")
    err = await _error(str(pdf))
    assert err.kind is ErrorKind.NOT_HTML


def test_decode_prefers_http_charset_then_meta_then_detection() -> None:
    body = '<meta charset="windows-1252"><p>Prix: 5 € à Genève</p>'.encode("cp1252")
    assert decode_html(body, None)[0].endswith("Prix: 5 € à Genève</p>")
    assert decode_html("<p>Łódź</p>".encode("iso-8859-2"), "iso-8859-2")[0] == "<p>Łódź</p>"
    # latin-1 labels are read as windows-1252, as browsers do, so € survives
    assert "€" in decode_html("<p>5 €</p>".encode("cp1252"), "iso-8859-1")[0]


# Plain prose around a few accented words, as most pages are: detection alone reads such a
# page as a code page once one byte in it is not UTF-8.
_PROSE = (
    "The council met on Tuesday evening to weigh the harbour plan, and members said the "
    "vote would come before the end of the month. Residents who spoke at the meeting "
    "asked for more time to read the report. "
)


@pytest.mark.parametrize("label", ["utf-8", None])
def test_a_utf8_page_with_one_stray_byte_keeps_every_other_accent(label: str | None) -> None:
    page = f"<html><body><p>{_PROSE * 6}Mayor Renée Øster-Güell spoke last.</p></body></html>"
    body = page.encode().replace(b"Residents", b"Resid\xffents", 1)
    text, codec = decode_html(body, label)
    assert codec == "utf-8"
    assert "Mayor Renée Øster-Güell spoke last." in text
    assert text.count("\ufffd") == 1


def test_latin1_text_labelled_utf8_is_still_detected() -> None:
    sentence = "Le maire a déclaré que la fête aura lieu à Genève, où l'été est très chaud."
    body = f"<html><body><p>{_PROSE * 3}{sentence}</p></body></html>".encode("cp1252")
    text, codec = decode_html(body, "utf-8")
    assert codec == "cp1252" and sentence in text


def test_decode_gives_up_in_words_on_garbage() -> None:
    garbage = bytes(range(128, 256)) * 400
    with pytest.raises(PipelineError) as info:
        decode_html(garbage, "utf-8")
    assert info.value.kind in (ErrorKind.DECODE,)


def test_client_caps_redirects() -> None:
    client = make_client(Options())
    assert client.max_redirects == 10
    assert isinstance(client.timeout, httpx.Timeout)


def test_unresolvable_name_is_said_in_words() -> None:
    # Built from the OS error httpx wraps; a real lookup would leave this machine.
    from tui.pipeline.fetch import _connect_message

    exc = httpx.ConnectError("boom")
    exc.__cause__ = socket.gaierror(-2, "Name or service not known")
    assert "does not resolve" in _connect_message("news.invalid", exc)


def test_running_out_of_open_files_is_said_as_that_not_as_a_site_refusing() -> None:
    # It read "Could not connect to 127.0.0.1.", as if the site were down.
    import errno

    from tui.pipeline.fetch import _connect_message

    exc = httpx.ConnectError("boom")
    exc.__cause__ = OSError(errno.EMFILE, "Too many open files")
    assert "ulimit -n" in _connect_message("example.org", exc)


async def test_local_file_that_is_not_a_saved_page_is_refused(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("<p>secret</p>")
    err = await _error(str(notes))
    assert err.kind is ErrorKind.INVALID_INPUT
    assert ".html" in err.message


def test_binary_bytes_labelled_html_are_named_binary() -> None:
    from tui.pipeline.fetch import _refuse_non_html

    with pytest.raises(PipelineError) as info:
        _refuse_non_html(b"<html>\x00\x01\x02 garbage", "text/html")
    assert info.value.kind is ErrorKind.NOT_HTML
    assert "binary data" in info.value.message


async def test_a_type_with_no_name_of_ours_is_said_once_as_the_site_gave_it(
    site: FixtureServer,
) -> None:
    url = site.url("/hostile/" + site.host_page({"Content-Type": "application/x-ledger"}, b"rows"))
    err = await _error(url)
    assert err.kind is ErrorKind.NOT_HTML
    assert err.message == "This is not a web page: the site sent it as application/x-ledger."


@pytest.mark.parametrize("label", ["utf-8", None])
def test_a_utf8_page_with_windows_quotes_pasted_in_keeps_its_accents_and_quotes(
    label: str | None,
) -> None:
    # Two accents against four curly-quote bytes: the page went to detection, which read
    # it as a code page and garbled every accent ("CafÃ© and naÃ¯ve").
    body = "<p>Café and naïve. ".encode() + b"He said \x93no\x94 and left \x96 it\x92s over.</p>"
    text, codec = decode_html(body, label)
    assert codec == "utf-8"
    assert "Café and naïve. He said “no” and left – it’s over." in text


OCTETS = "application/octet-stream"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("ledger.rss", "application/rss+xml"),
        ("meridian.atom", "application/atom+xml"),
        ("subscriptions.opml", "text/x-opml"),  # was "a binary file, not a web page"
        ("lantern.json", "application/feed+json"),  # was "a binary file" too
    ],
)
async def test_a_feed_served_as_octet_stream_is_read_as_a_feed(
    site: FixtureServer, name: str, kind: str
) -> None:
    fetched = await _fetch(site.feed(name, OCTETS))
    assert isinstance(fetched, FetchedFeed) and fetched.content_type == kind
    assert feeds.parse(fetched).items  # its articles are there to read


@pytest.mark.parametrize(
    "head",
    [
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
        b"\xef\xbb\xbf\n  <?xml version='1.0'?>\n<!-- a feed --><rss version=\"2.0\">",
        b'<?xml version="1.0"?><?xml-stylesheet href="f.xsl"?><feed xmlns="a">',
        b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- my feeds -->\n<OPML version="2.0">',
        b'{"version": "https:\\/\\/jsonfeed.org\\/version\\/1.1", "items": [',  # PHP's slashes
    ],
)
async def test_an_unlabelled_body_that_begins_as_a_feed_is_one(
    site: FixtureServer, head: bytes
) -> None:
    url = site.url("/hostile/" + site.host_page({"Content-Type": OCTETS}, head + b"</x>"))
    assert isinstance(await _fetch(url), FetchedFeed)


@pytest.mark.parametrize("start", [b"<!DOCTYPE html>", b"\n<!-- cms -->\n<html lang=en>"])
async def test_a_page_served_as_octet_stream_is_read_as_a_page(
    site: FixtureServer, start: bytes
) -> None:
    body = start + b"<body><article><p>Shelling near Kharkiv went on overnight.</p></article>"
    url = site.url("/hostile/" + site.host_page({"Content-Type": OCTETS}, body))
    page = await _fetch(url)
    assert isinstance(page, FetchedPage)
    assert "Shelling near Kharkiv" in text_of(page)


@pytest.mark.parametrize(
    "body",
    [b"PK\x03\x04" + bytes(range(256)) * 20, b"Plain notes, <rss> later.", b"<htmlish>x"],
)
async def test_an_unlabelled_body_that_is_neither_feed_nor_page_stays_binary(
    site: FixtureServer, body: bytes
) -> None:
    url = site.url("/hostile/" + site.host_page({"Content-Type": OCTETS}, body))
    err = await _error(url)
    assert err.kind is ErrorKind.NOT_HTML
    assert err.message == "This is a binary file (application/octet-stream), not a web page."


async def test_a_large_unlabelled_binary_is_called_binary_not_too_large(
    site: FixtureServer,
) -> None:
    body = bytes(range(256)) * 4000  # ~1 MB, past 4x the cap: never read to its end
    url = site.url("/hostile/" + site.host_page({"Content-Type": OCTETS}, body))
    err = await _error(url, max_bytes=100_000)
    assert err.kind is ErrorKind.NOT_HTML
