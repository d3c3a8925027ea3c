"""Metadata from hostile pages: bounded JSON-LD, addresses Python cannot split."""

from __future__ import annotations

import json

import pytest

from tui.pipeline.extract_meta import byline_authors, page_metadata
from tui.pipeline.extract_parse import parse


def _page(head: str) -> str:
    return f"<html><head>{head}</head><body><p>Text.</p></body></html>"


def _ld(value: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(value)}</script>'


def test_json_ld_nested_past_the_decoders_limit_is_skipped_and_the_rest_is_read() -> None:
    deep = "[" * 5000 + "]" * 5000
    head = f'<script type="application/ld+json">{deep}</script>' + _ld(
        {"@type": "NewsArticle", "headline": "Bridge reopens after repairs"}
    )
    assert page_metadata(parse(_page(head)), None).title == "Bridge reopens after repairs"


def test_deeply_nested_graph_and_author_lists_are_walked_to_a_bound() -> None:
    graph: object = {"@type": "NewsArticle", "headline": "Too deep to be declared on purpose"}
    for _ in range(300):
        graph = {"@graph": [graph]}
    author: object = "Somebody"
    for _ in range(300):
        author = [author]
    head = _ld(graph) + _ld(
        {"@type": "NewsArticle", "headline": "Council votes on budget", "author": author}
    )
    meta = page_metadata(parse(_page(head)), None)
    assert meta.title == "Council votes on budget"
    assert meta.authors == []


def test_json_ld_type_that_is_not_a_string_is_ignored() -> None:
    head = _ld({"@type": [{"nested": ["list"]}, "NewsArticle"], "headline": "Typed headline"})
    assert page_metadata(parse(_page(head)), None).title == "Typed headline"


def test_a_title_holding_a_whole_page_of_text_is_cut_to_a_headline() -> None:
    words = "Council weighs harbour plan as residents ask for more time " * 2000
    meta = page_metadata(parse(_page(f"<title>{words}</title>")), None)
    assert meta.title is not None and len(meta.title) <= 301
    assert meta.title.startswith("Council weighs harbour plan") and meta.title.endswith("time…")
    short = page_metadata(parse(_page("<title>Council weighs harbour plan</title>")), None)
    assert short.title == "Council weighs harbour plan"


@pytest.mark.parametrize("address", ["http://[x/", "http://[::1/path"])
def test_canonical_address_python_cannot_split_gives_no_site_not_a_crash(address: str) -> None:
    head = f'<link rel="canonical" href="{address}">'
    meta = page_metadata(parse(_page(head)), address)
    assert meta.site is None
    assert meta.canonical_url == address


# The site's name: the publisher's own, never a section, a wire or a tagline (issue 16) ----


def _site_of(head: str, url: str) -> tuple[str | None, list[str]]:
    meta = page_metadata(parse(_page(head)), url)
    return meta.site, meta.authors


def _og(name: str) -> str:
    return f'<meta property="og:site_name" content="{name}">'


def test_a_section_in_og_site_name_gives_way_to_the_declared_publisher() -> None:
    head = _og("World") + _ld(
        {"@type": "NewsArticle", "publisher": {"name": "The Harbour Gazette"}}
    )
    site, _ = _site_of(head, "https://www.harbourgazette.example/world/ferry-strike")
    assert site == "The Harbour Gazette"


def test_a_section_named_by_the_address_folder_falls_back_to_the_host() -> None:
    site, _ = _site_of(_og("U.K."), "https://dailyledger.example/uk-news/council-tax-rises")
    assert site == "dailyledger.example"


def test_a_social_handle_ties_a_name_to_the_host_when_og_names_a_section() -> None:
    head = _og("Markets") + '<meta name="twitter:site" content="@Ledgerwire">'
    site, _ = _site_of(head, "https://www.ledgerwire.example/markets/oil-falls")
    assert site == "Ledgerwire"


def test_a_name_joined_to_its_address_or_tagline_is_given_once() -> None:
    site, _ = _site_of(
        _og("The Valley Times | ValleyTimes.example"), "https://valleytimes.example/a"
    )
    assert site == "The Valley Times"
    tagline = _og("Orchard Weekly - news for growers since 1921")
    site, _ = _site_of(tagline, "https://orchardweekly.example/pears")
    assert site == "Orchard Weekly"


def test_a_wire_declared_as_publisher_does_not_name_the_newspaper() -> None:
    head = _og("Lakeside Post") + _ld(
        {"@type": "NewsArticle", "publisher": {"name": "Northern Wire Service"}}
    )
    site, _ = _site_of(head, "https://www.lakesidepost.example/news/storm")
    assert site == "Lakeside Post"


def test_a_name_written_as_one_wins_over_a_slug_of_the_address() -> None:
    head = _og("riverledger") + _ld({"@type": "NewsArticle", "publisher": "The River Ledger"})
    site, _ = _site_of(head, "https://www.riverledger.example/a")
    assert site == "The River Ledger"


def test_initials_and_word_starts_tie_a_name_to_its_address() -> None:
    site, _ = _site_of(_og("Coastal Morning Journal"), "https://www.cmj.example/a")
    assert site == "Coastal Morning Journal"
    site, _ = _site_of(_og("KXT 7 Lake City"), "https://www.kxtlc.example/a")
    assert site == "KXT 7 Lake City"


def test_a_long_phrase_tied_to_nothing_is_a_tagline_and_the_host_is_shown() -> None:
    site, _ = _site_of(_og("Practical advice for weekend sailors"), "https://keelmag.example/knots")
    assert site == "keelmag.example"


def test_a_brand_named_unlike_its_address_is_kept() -> None:
    site, _ = _site_of(_og("The Evening Lamp"), "https://news.example/story")
    assert site == "The Evening Lamp"


def test_the_publisher_or_a_section_is_not_an_author() -> None:
    head = (
        _og("Harbour")
        + '<meta name="author" content="Priya Natarajan, Harbour Business">'
        + '<meta property="article:section" content="Markets">'
        + '<meta property="article:author" content="Markets">'
    )
    _, authors = _site_of(head, "https://www.harbour.example/markets/rates")
    assert authors == ["Priya Natarajan"]


def test_a_writer_whose_name_only_contains_the_sites_word_is_kept() -> None:
    head = _og("The Summit") + '<meta name="author" content="Lena Summitt">'
    _, authors = _site_of(head, "https://thesummit.example/a")
    assert authors == ["Lena Summitt"]


def test_a_page_with_no_date_tag_is_dated_by_its_address() -> None:
    page = _page("<title>The ferry is back</title>")
    url = "https://harbour.example/2019/11/05/the-ferry-is-back/"
    assert page_metadata(parse(page), url).published == "2019-11-05"
    # A date the page declares wins over its address.
    tagged = _page('<meta property="article:published_time" content="2019-11-07T08:00:00Z">')
    assert page_metadata(parse(tagged), url).published == "2019-11-07T08:00:00+00:00"
    # An address with no whole date in it dates nothing.
    assert page_metadata(parse(page), "https://harbour.example/2019/ferry/").published is None


def test_the_day_in_the_canonical_address_dates_a_page_fetched_at_one_without() -> None:
    html = (
        "<html><head><title>Storm closes the harbour</title>"
        '<link rel="canonical" href="https://harbour.example/2012/10/30/storm-closes"></head>'
        "<body><article><h1>Storm closes the harbour</h1><p>Ferries stayed in port.</p>"
        '</article><aside><div class="date">October 23, 2012</div>'
        "<p>Earlier: the regatta is called off</p></aside></body></html>"
    )
    # A shortened link or a saved copy: no day in the address fetched. The teaser's date
    # in the sidebar was taken for the page's.
    assert page_metadata(parse(html), "https://short.example/x7Kq").published == "2012-10-30"
    # A day in the address fetched still counts first.
    fetched = "https://harbour.example/2012/10/29/storm-closes"
    assert page_metadata(parse(html), fetched).published == "2012-10-29"


@pytest.mark.parametrize(
    ("spelt", "published"),
    [
        # An American blog prints "11/06/2012" above the post and "Nov. 6,2012" below it.
        ("Posted by Kim Lee on Nov.  6,2012", "2012-11-06"),
        ("Posted on 11 June 2012", "2012-06-11"),
        # The weekday beside the figures fits one reading only: 6 Nov. 2012 was a Tuesday,
        # 11 June 2012 a Monday.
        ("Tuesday, 11/06/2012 / 11:00 AM", "2012-11-06"),
        ("Monday, 11.06.2012", "2012-06-11"),
    ],
)
def test_a_printed_day_that_reads_both_ways_is_read_as_the_page_spells_it(
    spelt: str, published: str
) -> None:
    html = (
        "<html><head><title>Election night video</title></head><body><article>"
        '<p class="datetop">11/06/2012</p><h1>Election night video</h1>'
        "<p>Video was everywhere, and not just on television, all through the night.</p>"
        f'<p class="posted">{spelt}</p></article></body></html>'
    )
    assert page_metadata(parse(html), None).published == published


def test_a_first_time_element_that_says_it_is_a_reviews_date_is_not_the_pages() -> None:
    html = (
        "<html><head><title>Tablet review</title></head><body><article>"
        '<h1>Tablet review</h1><p class="byline">by Ada Moss</p>'
        '<span class="date">July 24, 2012</span><p>The screen is sharp.</p>'
        '<footer><div class="reviewDate">Reviewed <time class="dtreviewed" '
        'datetime="2012-03-07">3/07/12</time></div></footer></article></body></html>'
    )
    assert page_metadata(parse(html), None).published == "2012-07-24"
    # Marked as the publication's too ("pubdate"), it is taken as before.
    marked = html.replace('class="dtreviewed"', 'class="dtreviewed" pubdate')
    assert page_metadata(parse(marked), None).published == "2012-03-07"


# ------------------------------------------------------------- printed bylines


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Sam Writer", ["Sam Writer"]),
        ("By Sam Writer and Ann Other", ["Sam Writer", "Ann Other"]),
        ("By Sam Writer, Ann Other and Bob Third", ["Sam Writer", "Ann Other", "Bob Third"]),
        # All capitals are a template's style, not the name's spelling.
        ("By SAM WRITER, Reuters", ["Sam Writer"]),
        ("By KIT O'HARA and ANN OTHER Associated Press", ["Kit O'Hara", "Ann Other"]),
        ("Sam Writer | Staff reporter", ["Sam Writer"]),
        ("By Ines de la Cruz, Harbour Desk", ["Ines de la Cruz"]),
        ("by Lior J. Amsel Monday, March 4, 2024, 09:15 am", ["Lior J. Amsel"]),
        # A comma alone does not join a second writer: a place or a paper follows it.
        ("By Sam Writer, New Haven", ["Sam Writer"]),
        # A capitalised "AND" joins two writers; it is no word of a name.
        ("By JANE ROE AND JOHN DOE", ["Jane Roe", "John Doe"]),
    ],
)
def test_a_printed_byline_names_its_writers_and_not_the_agency(line: str, names: list) -> None:
    assert byline_authors([line]) == names


@pytest.mark.parametrize(
    "line",
    [
        "By Tuesday the rain had stopped",
        "By Tuesday",
        "By contrast, the old bridge held.",
        "By The Way, the ferry was late",
        "By Late Afternoon, the crowd had gone home",
        "By Sunset Boulevard, the crowd had gone",
        "By Reuters",
        "By Daily Planet Staff",
        "By Staff Reporter",
        "by Wren",
        "Sam Writer",
        "Sam Writer, Reuters",
        # A review found both read as writers: "Air", "Sea"; "Christmas Eve".
        "By Air And Sea",
        "By Christmas Eve",
    ],
)
def test_a_sentence_or_an_agency_after_by_names_no_writer(line: str) -> None:
    assert byline_authors([line]) == []


def test_the_site_printed_as_the_byline_is_no_writer() -> None:
    assert byline_authors(["By Harbour Gazette Online"], site="Harbour Gazette") == []
    assert byline_authors(["By Morning Signal"], site="The Morning Signal") == []


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Roe and John Doe | Staff reporters",
        "By Jane Roe and John Doe | Staff writers",
        "By Jane Roe and John Doe, Staff reporters",
        "Jane Roe and John Doe | Staff reporters",
    ],
)
def test_a_plural_role_after_the_names_ends_them_as_a_singular_one_does(line: str) -> None:
    assert byline_authors([line]) == ["Jane Roe", "John Doe"]


def test_names_listed_with_commas_before_an_outlet_are_all_writers() -> None:
    assert byline_authors(["By Jane Roe, John Doe | Reuters"]) == ["Jane Roe", "John Doe"]
    # Before an outlet the site is, too.
    assert byline_authors(["By Jane Roe, John Doe · The Morning Signal"], "The Morning Signal") == [
        "Jane Roe",
        "John Doe",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Roe · 5 min read",
        "By Jane Roe • Reading time: 4 minutes",
        "By Jane Roe — Updated 2 hours ago",
        "March 3, 2022 | By Jane Roe",
        "Updated 3 hours ago | By Jane Roe | 4 min read",
    ],
)
def test_a_date_or_reading_time_beside_the_byline_leaves_its_names(line: str) -> None:
    assert byline_authors([line]) == ["Jane Roe"]


@pytest.mark.parametrize(
    "line",
    [
        # Known parts after a sentence or a one-word opening still name no one.
        "By Tuesday | 5 min read",
        "By contrast, the old bridge held | Reuters",
        "By Jane Roe | the crowd had gone home",
        # Without "By" the names need a role after them, not only an outlet or a date.
        "Jane Roe, John Doe | Reuters",
        "March 3, 2022 | Jane Roe",
        "Jane Roe · 5 min read",
    ],
)
def test_known_parts_beside_a_line_do_not_make_it_a_byline(line: str) -> None:
    assert byline_authors([line]) == []


def test_a_name_in_capitals_keeps_the_capital_after_mc_and_o() -> None:
    assert byline_authors(["By JANE MCDONALD and KIT O'BRIEN"]) == ["Jane McDonald", "Kit O'Brien"]
    # Names written with one capital by the page are not changed.
    assert byline_authors(["By Jane Mcdonald and Kit Macdonald"]) == [
        "Jane Mcdonald",
        "Kit Macdonald",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "By ACME WIDGETS CORPORATION",
        "By Acme Widgets Inc.",
        "By Harbour Ferries Holdings Ltd",
        "By Harbour Ministry Press Office",
    ],
)
def test_an_organisation_signing_a_press_release_is_no_writer(line: str) -> None:
    assert byline_authors([line]) == []


def test_a_possessive_name_in_a_byline_is_a_sender_and_no_writer() -> None:
    assert byline_authors(["By KIT DOE'S BAKERY"]) == []
    assert byline_authors(["By Ann Roe's Garden Notes"]) == []


@pytest.mark.parametrize(
    ("line", "names"),
    [
        # Surnames that are words, and words of an organisation's name that are names too.
        ("By Grace Corporal", ["Grace Corporal"]),
        ("By Ann Cross and Kit Steel", ["Ann Cross", "Kit Steel"]),
        ("By Ann Roe, Staff reporter", ["Ann Roe"]),
        # An organisation after the writer is the credit, not the writer's name.
        ("By Ann Roe, Acme Widgets Group", ["Ann Roe"]),
    ],
)
def test_writers_beside_organisation_words_are_still_writers(line: str, names: list) -> None:
    assert byline_authors([line]) == names


def _declared(author: object) -> list[str]:
    head = _ld({"@type": "NewsArticle", "headline": "Ferry adds crossings", "author": author})
    return page_metadata(parse(_page(head)), None).authors


def test_a_declared_author_that_runs_on_as_a_sentence_gives_only_its_names() -> None:
    assert _declared("Jane Roe and John Doe goes on and on forever and ever") == ["Jane Roe"]
    assert _declared("Sam Writer, staff reporter") == ["Sam Writer"]
    # A field written all in lower case is the site's style, not a sentence.
    assert _declared("sam writer") == ["sam writer"]


@pytest.mark.parametrize(
    "author", ["[/]", "&lt;Evil&gt; &#x1b;]0;T&#x07;", "<b>", "---", "Jane Roe 2", "T"]
)
def test_punctuation_markup_or_digits_declared_as_an_author_are_no_name(author: str) -> None:
    assert _declared(author) == []
    assert _declared([author, "Ann Lee"]) == ["Ann Lee"]


def test_character_references_in_a_declared_author_are_read_as_characters() -> None:
    assert _declared("Kit O&#039;Hara &amp; Ann Lee") == ["Kit O'Hara", "Ann Lee"]


@pytest.mark.parametrize(
    ("author", "name"),
    [
        ("ANN ROE", "Ann Roe"),
        ("JOHN MCDONALD-SMITH", "John McDonald-Smith"),
        ("MARY O'NEIL", "Mary O'Neil"),
        # "Mac" is no prefix to guess a second capital after: Mack and Mace are names.
        ("KIT MACK", "Kit Mack"),
        ("ANN MACDONALD", "Ann Macdonald"),
        # Two particles together are written in lower case; one alone keeps its capital.
        ("KIT VAN DER BERG", "Kit van der Berg"),
        ("ANN DE WITTE", "Ann De Witte"),
        ("SAM ROE III", "Sam Roe III"),
        ("J.D. ROE", "J.D. Roe"),
    ],
)
def test_a_declared_name_in_capitals_is_written_as_a_name(author: str, name: str) -> None:
    assert _declared(author) == [name]
    assert _declared(f"{author} and KIT DOE") == [name, "Kit Doe"]


@pytest.mark.parametrize(
    "author",
    [
        # Written so on purpose: only a name all in capitals is a template's style.
        "DJ Roe",
        # Initials run together and an acronym: their letters do not say how to write them.
        "JK ROE",
        "HARBOUR NEWS DESK",
    ],
)
def test_a_name_that_cannot_be_written_from_its_capitals_is_left_as_given(author: str) -> None:
    assert _declared(author) == [author]


def test_initials_run_together_in_a_byline_in_capitals_are_left_as_given() -> None:
    # Read as "Jk Roe": the letters do not say JK is two initials.
    assert byline_authors(["By JK ROE and ANN ROE"]) == ["JK ROE", "Ann Roe"]


def test_a_possessive_or_a_longer_part_before_an_apostrophe_takes_no_capital_after_it() -> None:
    assert _declared("KIT SA'ID") == ["Kit Sa'id"]
    assert byline_authors(["By KIT SA'ID and ANN D'ARCY"]) == ["Kit Sa'id", "Ann D'Arcy"]


def test_a_credit_word_before_by_in_a_declared_author_is_no_part_of_the_name() -> None:
    assert _declared("Analysis by Chris Hale") == ["Chris Hale"]
    assert _declared("Jane Roe (Reuters)") == ["Jane Roe"]


def test_von_inside_a_declared_name_is_the_names_own_not_a_credit() -> None:
    # "Ursula von der Leyen" was read as a credit ("von") and the name "der Leyen".
    assert _declared("Ursula von der Leyen") == ["Ursula von der Leyen"]
    assert _declared("Von der Leyen") == ["Von der Leyen"]
    assert _declared("Von Kit Brandt") == ["Kit Brandt"]  # German "By" still opens a credit


def test_parselys_page_tag_dates_a_page_whose_text_prints_an_ambiguous_day() -> None:
    # "11.05.12" in the byline was read as 11 May; the page's Parse.ly object says
    # 5 November, as its address does.
    parsely = json.dumps(
        {"title": "Trailer", "pub_date": "2012-11-05T18:40:46Z", "author": "Vic Mann"}
    )
    html = (
        f"<html><head><meta name='parsely-page' content='{parsely}'></head><body><article>"
        "<p class='date'>11.05.12</p><p>A trailer that requires some serious considering, "
        "and a paragraph long enough to be the article.</p></article></body></html>"
    )
    meta = page_metadata(parse(html), "http://example.test/2012/11/trailer")
    assert meta.published == "2012-11-05T18:40:46+00:00"
    assert meta.authors == ["Vic Mann"]


def test_a_date_tag_of_the_page_comes_before_parselys_page_object() -> None:
    parsely = json.dumps({"pub_date": "2012-11-05T18:40:46Z"})
    html = (
        "<html><head><meta property='article:published_time' content='2012-11-04T09:00:00Z'>"
        f"<meta name='parsely-page' content='{parsely}'></head><body><p>Text.</p></body></html>"
    )
    assert page_metadata(parse(html), None).published == "2012-11-04T09:00:00+00:00"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        # Kit Doe was lost: the place after the first writer ended the list.
        ("By Ann Roe in Kyiv and Kit Doe in Moscow", ["Ann Roe", "Kit Doe"]),
        ("By Ann Roe in New York and Kit Doe in Moscow | Reuters", ["Ann Roe", "Kit Doe"]),
        ("By Ann Roe in Kyiv", ["Ann Roe"]),
        # A sentence is no byline, places or not.
        ("By Ann Roe in Kyiv and the crowd went home", []),
    ],
)
def test_writers_each_in_a_place_are_all_writers(line: str, names: list[str]) -> None:
    assert byline_authors([line]) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        # New Haven was named a writer: before an outlet, names after commas all were.
        ("By Sam Writer, New Haven | Reuters", ["Sam Writer"]),
        ("By SAM WRITER, NEW HAVEN | Reuters", ["Sam Writer"]),
        # Past a dateline, "and" still joins the next writer.
        ("By Ann Roe, New Haven, and Kit Doe, Los Angeles", ["Ann Roe", "Kit Doe"]),
        ("By Ann Roe, Kyiv and Kit Doe, Moscow | Reuters", ["Ann Roe", "Kit Doe"]),
    ],
)
def test_a_place_after_a_writers_comma_is_the_dateline(line: str, names: list[str]) -> None:
    assert byline_authors([line]) == names


def test_a_second_writer_after_a_comma_the_gazetteer_does_not_know_is_a_writer() -> None:
    assert byline_authors(["By Ann Roe, Kit Doe | Reuters"]) == ["Ann Roe", "Kit Doe"]
    assert byline_authors(["By Ann Roe in Kyiv and Kit Doe in Moscow"]) == ["Ann Roe", "Kit Doe"]


def test_a_parsely_page_object_nested_past_the_decoders_limit_is_no_date() -> None:
    # Read with its own json.loads, it raised RecursionError out of the metadata.
    deep = "[" * 5000 + "]" * 5000
    html = f"<html><head><meta name='parsely-page' content='{deep}'></head><body></body></html>"
    assert page_metadata(parse(html), None).published is None


def test_the_sites_name_after_a_bar_leaves_a_headline_that_has_a_dash_of_its_own() -> None:
    head = _og("Tidewatch") + (
        "<title>Survey Shows - Ferry Delays Doubled Since Spring | Tidewatch</title>"
    )
    meta = page_metadata(parse(_page(head)), "https://tidewatch.example/2024/05/survey")
    assert meta.title == "Survey Shows - Ferry Delays Doubled Since Spring"


def test_the_writers_json_ld_names_as_persons_leave_out_the_houses_author_tag() -> None:
    head = (
        _og("Harbour")
        + '<meta name="author" content="Quayside Publications">'
        + _ld(
            {
                "@type": "NewsArticle",
                "author": [{"@type": "Person", "name": "Priya Natarajan"}],
            }
        )
    )
    _, authors = _site_of(head, "https://www.harbour.example/markets/rates")
    assert authors == ["Priya Natarajan"]


def test_an_author_tag_without_persons_in_json_ld_is_still_read() -> None:
    head = '<meta name="author" content="Priya Natarajan">' + _ld(
        {"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Harbour"}}
    )
    _, authors = _site_of(head, "https://www.harbour.example/markets/rates")
    assert authors == ["Priya Natarajan"]


@pytest.mark.parametrize(
    "author",
    ["Tomas Lindqvist. Quayside Media International", "Tomas Lindqvist, Harbour Holdings"],
)
def test_an_organisation_after_the_writers_name_is_no_second_writer(author: str) -> None:
    _, authors = _site_of(f'<meta name="author" content="{author}">', "https://news.example/a")
    assert authors == ["Tomas Lindqvist"]


@pytest.mark.parametrize("author", ["Dr. Ana Ruiz", "J. R. Okafor", "Prof. Ana Ruiz"])
def test_a_title_or_an_initial_before_a_full_stop_stays_in_the_name(author: str) -> None:
    _, authors = _site_of(f'<meta name="author" content="{author}">', "https://news.example/a")
    assert authors == [author]


def test_a_saved_post_is_dated_by_its_headlines_link_not_by_a_related_link() -> None:
    page = (
        "<html><head><title>Newts and rain</title></head><body>"
        '<h1><a href="https://pondnotes.example/archives/2013/04/18/newts-and-rain.html">'
        "Newts and rain</a></h1><p>Newts cross the lane on the first warm wet night.</p>"
        '<div class="related"><a href="https://pondnotes.example/archives/2008/03/02/frogs.'
        'html">Frogs in March</a></div></body></html>'
    )
    assert page_metadata(parse(page), None).published == "2013-04-18"


@pytest.mark.parametrize("label", ["View Profile", "About Us", "author", "See Full Bio"])
def test_a_link_label_where_the_writers_name_should_be_is_no_author(label: str) -> None:
    # A rel="author" link often reads "View Profile" or "About Us": it points at the
    # writer without naming them.
    def page(link: str) -> str:
        return (
            "<html><head></head><body>"
            f'<a rel="author" href="/people/ajd/">{link}</a>'
            "<p>Text.</p></body></html>"
        )

    assert page_metadata(parse(page(label)), None).authors == []
    assert page_metadata(parse(page("Ana Jovanović")), None).authors == ["Ana Jovanović"]


@pytest.mark.parametrize(
    ("author", "names"),
    [
        ("Tomas Lindqvist, MBA", ["Tomas Lindqvist"]),
        ("Ana Ruiz, Ph.D. and Tom Hale", ["Ana Ruiz", "Tom Hale"]),
        ("Priya Natarajan, B.Comm", ["Priya Natarajan"]),
        ("Martin Cole, Jr.", ["Martin Cole Jr."]),
        ("By RUTH OKAFOR, AP National Political Writer", ["Ruth Okafor"]),
        ("Harbour Times Staff Writer", []),
    ],
)
def test_letters_roles_and_generations_after_a_declared_name_are_no_second_writer(
    author: str, names: list[str]
) -> None:
    # "Michael Lombardi, MBA" had given a writer "MBA"; an agency's desk line a writer
    # "AP National Political Writer".
    _, authors = _site_of(f'<meta name="author" content="{author}">', "https://news.example/a")
    assert authors == names


def test_markup_written_in_a_title_is_left_out_but_a_bracketed_work_stays() -> None:
    tagged = page_metadata(parse(_page("<title>Late,<br/> But <i>Our</i> Mayor</title>")), None)
    assert tagged.title == "Late, But Our Mayor"
    work = page_metadata(parse(_page("<title>Review: <The Palace: Jang Noksu></title>")), None)
    assert work.title == "Review: <The Palace: Jang Noksu>"


def test_a_headline_typed_with_other_quotes_in_the_title_still_drops_the_site_parts() -> None:
    # The <h1> has "Tomorrow’s", the <title> "Tomorrow&#039;s": told apart, the title kept
    # " | Science Desk" (its last part, "Example.com", alone was taken as the site's).
    head = (
        "<title>How to Watch Tomorrow&#039;s Eclipse Online | Science Desk | Example.com"
        '</title><meta property="og:site_name" content="Science Desk">'
    )
    body = "<h1>How to Watch Tomorrow&#8217;s Eclipse Online</h1><p>Text.</p>"
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    assert page_metadata(parse(page), None).title == "How to Watch Tomorrow’s Eclipse Online"


@pytest.mark.parametrize(
    ("title", "h1s", "site_meta", "expected"),
    [
        # A blog's banner is its first <h1>; the title ends on it: that is not the headline.
        (
            "September open thread - The Harbour Notes Blog",
            ["The Harbour Notes Blog", "September open thread"],
            '<meta property="og:site_name" content="The Harbour Notes Blog">',
            "September open thread",
        ),
        # A headline after a section's or a site's name is still the headline.
        (
            "Opinion | Is Football Violence a Crime?",
            ["Is Football Violence a Crime?"],
            "",
            "Is Football Violence a Crime?",
        ),
        (
            "Harbour Weekly - Council votes to rebuild the old pier",
            ["Council votes to rebuild the old pier"],
            "",
            "Council votes to rebuild the old pier",
        ),
    ],
)
def test_the_headline_is_the_h1_the_title_holds_unless_it_is_the_sites_banner(
    title: str, h1s: list[str], site_meta: str, expected: str
) -> None:
    body = "".join(f"<h1>{h}</h1>" for h in h1s) + "<p>Text.</p>"
    page = f"<html><head><title>{title}</title>{site_meta}</head><body>{body}</body></html>"
    assert page_metadata(parse(page), None).title == expected
