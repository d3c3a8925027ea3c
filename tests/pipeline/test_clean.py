"""Cleaning: each rule cuts its kind of line, and article sentences that look alike stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.pipeline.clean import (
    clean,
    clean_comments,
    cut,
    match_rule,
    normalise_block_text,
    rules,
)
from tui.pipeline.model import Block, BlockKind, Metadata, RemovedBlock

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"

META = Metadata(
    title="Flood barrier opens ahead of winter storms",
    site="Riverside Herald",
    authors=["Nadia Okafor", "Peter Hale"],
)


def P(text: str) -> Block:
    return Block(BlockKind.PARAGRAPH, text)


BOILERPLATE = [
    # A paywall's prompt and its offer: the story stops here.
    ("Subscribe to continue reading. Already a subscriber? Log in.", "paywall"),
    ("Get unlimited access to the Harbour Gazette for £1 a month. Cancel anytime.", "paywall"),
    ("This article is only available to subscribers.", "paywall"),
    ("JOIN US ON TELEGRAM", "social-cta"),
    ("Follow us on X, Facebook and Instagram", "social-cta"),
    ("Follow our coverage of the floods on @RiversideHerald.", "social-cta"),
    ("Subscribe to our YouTube channel", "social-cta"),
    ("Sign up here.", "newsletter"),
    ("Sign up for our morning newsletter to get the day's news first.", "newsletter"),
    ("GET THE HEADLINES IN YOUR INBOX BY CLICKING HERE", "newsletter"),
    ("Get our best reporting in your inbox every Monday. Sign up here.", "newsletter"),
    ("Read more: Storm damage bill passes 40 million", "related-link"),
    ("Related: How the barrier was built", "related-link"),
    ("READ MORE", "related-link"),
    ("You can also highlight the text and press Ctrl + Enter", "widget"),
    # A <noframes> box's link and image, read as text.
    (
        '<a href="https://video.example/watch?v=1" rel="nofollow"><img src="https://video.example'
        '/1.jpg" alt="Video Preview Image"/></a>',
        "page-code",
    ),
    ("If you spot a typo, select it and press Ctrl+Enter.", "widget"),
    ("Click to enlarge", "widget"),
    ("close", "widget"),
    ("Image 3 of 12", "widget"),
    # A link back up the page, in any of its dresses.
    ("(Back to top)", "widget"),
    ("Up to Top", "widget"),
    ("(Return to Contents)", "widget"),
    ("TOP", "widget"),
    ("Advertisement", "ad-label"),
    ("Story continues below advertisement", "ad-label"),
    ("Advert", "ad-label"),
    ("This slideshow requires JavaScript.", "widget"),
    ("Tags", "widget"),
    ("DON'T MISS", "related-link"),
    ("You may also like", "related-link"),
    ("Tell us what YOU think...", "share-prompt"),
    ("Start your day with our briefing. Sign up for the free daily newsletter.", "newsletter"),
    (
        "Get the magazine delivered through your letterbox. 12 issues for £20. Click here.",
        "newsletter",
    ),
    ("Let our news meet your inbox. The day's stories, delivered each morning.", "newsletter"),
    ("Tags: flooding, council, river defences", "widget"),
    ('[button link="/tips" type="big"] Send us your story[/button]', "widget"),
    ("Related Roundup: Flood defences", "related-link"),
    (
        "This document is subject to copyright. No part may be reproduced without permission.",
        "licence-footer",
    ),
    (
        "Citation: Flood barrier opens (2024, May 3) retrieved 4 May 2024 from "
        "https://science.example/news/flood-barrier.html",
        "licence-footer",
    ),
    ("The barrier at dusk, photos © Jan Novak, 2024", "photo-credit"),
    ("Share this article", "share-prompt"),
    ("Leave a comment", "share-prompt"),
    ("Comments are closed for this story.", "share-prompt"),
    ("Copyright 2024 Riverside Herald. All rights reserved.", "licence-footer"),
    ("© 2023 Example Media Group", "licence-footer"),
    (
        "This material may not be published, broadcast, rewritten or redistributed.",
        "licence-footer",
    ),
    ("Our Standards: The Example Trust Principles.", "standards-footer"),
    ("By Nadia Okafor and Peter Hale", "byline"),
    ("Reporting by Nadia Okafor; Editing by Sam Lee", "byline"),
    ("Updated: Aug. 7, 2024, 10:30 a.m.", "byline"),
    ("Published 3 hours ago", "byline"),
    ("Flood barrier opens ahead of winter storms", "title-repeat"),
    ("Photo: Jan Novak/Getty Images", "photo-credit"),
    ("Image courtesy of City Council", "photo-credit"),
    ("Photo by Jan Novak/Riverside Herald", "photo-credit"),
    ("Updated Aug. 7, 2024 at 10:30 a.m. EDT", "byline"),
    ("Last updated: 2 hours ago", "byline"),
    ("Riverside Herald", "site-name"),
    ("Follow The Example Herald on X for live updates from the count.", "social-cta"),
    ("Thu 11 Jul 2024 09.15 BST", "byline"),
    ("Monday, 3 March 2025", "byline"),
    ("PUBLISHED: 10:48, Tue, Nov 19, 2024 | UPDATED: 11:05, Tue, Nov 19, 2024", "byline"),
    (
        "Follow the Riverside Herald opinion desk on Facebook, X (@rhopinion) and Instagram.",
        "social-cta",
    ),
    ("Follow Floodwatch on Instagram, Facebook, X and YouTube.", "social-cta"),
    ("By Nadia Okafor 22 March 2024, 16:40", "byline"),
    ("Peter Hale 11.04.2024, 19:05", "byline"),
    # Blog templates' furniture around a post.
    ("Posted by Jane Doe at March 3, 2024 10:15 AM", "byline"),
    ("Posted in Travel, Food | 2 Comments »", "post-details"),
    ("Posted on March 3, 2024 at 10:15 AM in Games, Board games | Permalink", "post-details"),
    ("Posted by Sam | View all posts by Sam", "post-details"),
    ("Filed under Flood defences |", "post-details"),
    ("March 3rd, 2024 by Sam in Articles, Blog, News", "post-details"),
    (
        "This entry was posted on Monday, March 4th, 2024 at 10:15 am and is filed under Travel.",
        "post-details",
    ),
    ("No comments yet.", "share-prompt"),
    ("Leave a Reply", "share-prompt"),
    ("TrackBack URL", "share-prompt"),
    ("You must be logged in to post a comment.", "share-prompt"),
    ("Reply", "share-prompt"),
    ("[Reply]", "share-prompt"),
    ("Log in to Reply", "share-prompt"),
    ("Report abuse", "share-prompt"),
    ("3 thoughts on “Flood barrier opens ahead of winter storms”", "share-prompt"),
    ("12 Responses to Flood barrier opens ahead of winter storms", "share-prompt"),
    ("Please sign in to join the conversation.", "share-prompt"),
    ("To join the discussion, please log in or create a free account.", "share-prompt"),
    ("Comments are open to subscribers. Subscribe for 4.99 a month.", "share-prompt"),
    ("Comments are reserved for members.", "share-prompt"),
    ("Comments are open to registered readers. Log in or register.", "share-prompt"),
    (
        "You can follow any responses to this entry through the RSS 2.0 feed.",
        "share-prompt",
    ),
    ("Follow @RiversideNews", "social-cta"),
    ("Follow me on Twitter.", "social-cta"),
    ("Facebook page: www.facebook.com/riversideherald", "social-cta"),
    ("Want more flood news? Find the Herald on Facebook.", "social-cta"),
    ("Subscribe to new posts via RSS or email.", "newsletter"),
    ("Related:", "related-link"),
    ("More stories from the Herald:", "related-link"),
    ("Original post: https://blog.example/2024/03/barrier.html", "related-link"),
    ("Pages: 1 2", "widget"),
    ("1 2 3 Next »", "widget"),
    (
        "This copy is for your personal, non-commercial use only. To order copies, call us.",
        "licence-footer",
    ),
    ("Acme and Widget are registered trademarks of Acme Limited.", "licence-footer"),
    # Calls to read more coverage elsewhere, to follow a deals account, to subscribe.
    ("Follow our full coverage of the inquiry at https://news.example/floods", "related-link"),
    ("Follow @HeraldDeals on X to keep up with the best offers of the week.", "social-cta"),
    ("More Great Herald Stories", "related-link"),
    ("Subscribe to the Herald and stay ahead of the flood news.", "newsletter"),
    ("To get these posts each week by e-mail, sign up for the Riverside Letter.", "newsletter"),
    ("Learn more", "widget"),
    (
        "If you liked this story, we have an offer for you: become a Herald member. Members"
        " read everything without a paywall and meet our reporters. Will you join them?",
        "appeal",
    ),
    (
        "Follow @HeraldDeals on X for the week's offers. Quantities may be limited. Prices are"
        " subject to change without notice. Some offers may not be available in every shop."
        " The Herald may earn a commission on purchases made through this page.",
        "small-print",
    ),
    # "An", and the words in capitals as a portal writes them.
    (
        "Riverside may earn an Affiliate Commission if you purchase something through"
        " recommended links in this article.",
        "small-print",
    ),
    (
        "A version of this article appears in print on March 4, 2024, on page B2 of the City"
        " edition with the headline: Gates Close At Last.",
        "print-note",
    ),
    ("March 4, 2024 - 09:15 GMT", "byline"),
    ("Powered by WordPress. Header photo by Jan Novak.", "site-footer"),
    # A byline that gives the date too, with the word saying which date it is.
    ("By Nadia Okafor Published Wednesday 4 June 2025, 18:20 CET", "byline"),
    ("By Nadia Okafor, last updated: 5 June 2025", "byline"),
    ("By Jan Novak Updated Tuesday 3 June 2025, 09:05", "byline"),
    # A blog's like button, and the comment box's invitation.
    ("Like Loading...", "widget"),
    ("Be the first to like this.", "widget"),
    ("7 bloggers like this.", "widget"),
    ("Share your thoughts", "share-prompt"),
    ("riverside.example is a personal blog. The views expressed here are my own.", "site-footer"),
    # A text-size button, an affiliate disclosure, the writer's contact line and biography,
    # a programme's promotion.
    ("Text size", "widget"),
    ("FTC: We use income earning auto affiliate links. More.", "small-print"),
    ("Write to Nadia Okafor at nadia.okafor@herald.example", "contact-line"),
    (
        "Peter Hale covers flood defences for the Riverside Herald. Follow Peter on Twitter at"
        " @peterhale. Peter's email address is peter.hale@herald.example.",
        "contact-line",
    ),
    ("Listen to Herald Radio live at 12:45 and 17:45 weekdays - or listen back here.", "promo"),
    (
        "Catch up on the flood season with Herald experts on our weekly podcast, “High Water.”",
        "promo",
    ),
    (
        "The views and opinions expressed in the article do not necessarily reflect those of"
        " the Herald.",
        "site-footer",
    ),
    ("Like this story? Share it with a friend!", "share-prompt"),
    ("Do you rely on Herald reporting? Click here to support it.", "appeal"),
    ("Support the Herald and make a difference for readers everywhere.", "appeal"),
    ("Contributing: Ana Ruiz, Tom Hale", "byline"),
]


@pytest.mark.parametrize(("text", "rule"), BOILERPLATE)
def test_boilerplate_line_is_cut_by_its_rule(text: str, rule: str) -> None:
    found = match_rule(text, META)
    assert found is not None, text
    assert found.id == rule


ARTICLE_SENTENCES = [
    # A work's title in angle brackets, as Korean and Japanese pages write it: no tag.
    "<The Palace: Jang Noksu>",
    "Top officials met on Monday to discuss the return to contents of the flood report.",
    "Readers who subscribe to continue reading the archive pay £2 a month, the publisher said.",
    "Already a subscriber to three services, she said she would cancel one.",
    "By Nadia Okafor's own count, 40 homes were flooded on 22 March.",
    "I still cannot believe this is a drawing in pencil. Mind blown. Artwork and photos © Ana Ruiz",
    "Residents follow the news on Telegram, where the regional governor posts updates.",
    "Officials urged people to follow the evacuation orders and leave before dark.",
    "Join us on Telegram, the protest organisers wrote, before the channel was blocked.",
    "The company said it would sign up 200 new suppliers by the end of the year.",
    "Read more widely, the report suggests the barrier was finished ahead of schedule.",
    "By the end, the day was over for the rescue crews.",
    "Copyright infringement claims against the company rose sharply last year.",
    "He worked for Reuters and later for the Associated Press in Kyiv.",
    "Become a member of the alliance was the goal the president set in 2019.",
    "Voters could sign up for postal ballots until Friday, the electoral office said.",
    "The advertisement, which ran for three weeks, drew complaints from parents.",
    "Share prices fell by 4% after the announcement.",
    "[bold]Breaking[/bold] appeared at the start of every headline that day.",
    "Published in 2019, the report found that most schools lacked heating.",
    "Updated maps on Monday showed the flood plain had grown.",
    "Video from the scene showed soldiers entering the building.",
    "Photos from the village were shared widely on Tuesday.",
    "Readers who sign up for the newsletter heard about the closure first, the editor said.",
    "Sign up for the streaming bundle using the same email as your existing account.",
    "The citation was retrieved from the court's archive by a clerk on Monday.",
    "Staff found the threatening letters in their inbox on Monday, police said.",
    "Tags on the collars identified the dogs as strays from a nearby farm.",
    "Tell us what you think about the plan, the mayor told residents at the meeting.",
    "Comments from the minister were not included in the final report.",
    "Photo agencies said their staff had been barred from the site since Tuesday.",
    "Nadia Okafor, who has covered the river for a decade, said the works were overdue.",
    "The Riverside Herald first reported the cracks in the barrier last March.",
    "Supporters who follow him on Telegram for updates were told to gather on Sunday.",
    "Thursday 11 July 2024 was the day the barrier finally opened to traffic.",
    "Posted in Kyiv, the letter was signed by 40 officers.",
    "Filed under pressure, the report was late.",
    "Published on Monday, the report was late.",
    "Written by a reader, the letter asks for help.",
    "This post was written by a reader who lost her home in the flood.",
    "No comments were made by the ministry.",
    "You must be a member to vote in the party's leadership race, officials said.",
    "To join the discussion, the minister flew to Brussels on Monday.",
    "Comments are open to the public until the end of the month, the council said.",
    "Reply to the council's letter was due by Friday.",
    "Report after report found the barrier was unsafe.",
    "Three thoughts on why the barrier failed, from the engineers who built it.",
    "One response from the council was to close the road.",
    "Text size on the new road signs was doubled after complaints from older drivers.",
    "Affiliate links were used on every page of the site, the regulator found.",
    "Peter Hale covers the river for a living and said the barrier was late.",
    "Write to your councillor, the campaign urged residents on Monday.",
    "Listeners who tune in to the station heard the warning first.",
    "The views expressed at the hearing did not reflect the council's position, he said.",
    "Contributing to the delay were the storms of February and March.",
    "Supporters of the barrier want to make a difference before winter, she said.",
    "Follow the river north for two miles.",
    "More than 40 homes were flooded in March:",
    "The licence is for personal, non-commercial use only, the court ruled.",
    "via example.com",
    "5040",
    "12 3",
    "If you enjoyed the first barrier, the engineers said, you will like the second.",
    "Prices are subject to change, the minister warned, as fuel costs rise.",
    "Prices in the valley can vary by a fifth, the survey found.",
    "The agent will receive a commission of 5 percent on every sale.",
    "Quantities are limited, the food bank said, and queues form at dawn.",
    "Powered by solar panels, the ferry crossed the estuary in silence.",
    "More stories of flooding emerged from the valley on Tuesday.",
    "March 4, 2024 - the day the gates closed - will be remembered.",
    "The views expressed at the hearing were not those of the council, the mayor said.",
    "Follow the coverage closely, the editor told the new reporters on Monday.",
    "By Nadia Okafor Published in 2019, the report found that most schools lacked heating.",
    "Share your thoughts on the barrier in the council's survey, which closes on Friday.",
    "Like this year's, the next barrier will be built of steel.",
]


@pytest.mark.parametrize("text", ARTICLE_SENTENCES)
def test_article_sentence_that_looks_like_boilerplate_is_kept(text: str) -> None:
    assert match_rule(text, META) is None


def test_clean_splits_blocks_keeps_order_and_records_rule_and_reason() -> None:
    blocks = [
        P("The barrier's gates closed for the first time on Monday night as the river rose."),
        P("JOIN US ON TELEGRAM"),
        Block(BlockKind.HEADING, "What comes next"),
        P("Engineers will inspect the gates again in spring, the council said."),
        P("Advertisement"),
    ]
    kept, removed = clean(blocks, META)
    assert kept == [blocks[0], blocks[2], blocks[3]]
    assert [(r.rule, r.reason, r.text, r.kind) for r in removed] == [
        ("social-cta", "social media call to action", "JOIN US ON TELEGRAM", BlockKind.PARAGRAPH),
        ("ad-label", "advertisement label", "Advertisement", BlockKind.PARAGRAPH),
    ]


def test_metadata_rules_do_nothing_without_metadata() -> None:
    # Without a known title or author, a line that only names them cannot be judged.
    assert match_rule("Flood barrier opens ahead of winter storms") is None
    assert match_rule("Nadia Okafor") is None
    assert match_rule("Nadia Okafor", META) is not None


def test_text_without_spaces_is_never_cut() -> None:
    assert match_rule("x" * 5000, META) is None
    assert match_rule("xx", META) is None


def test_row_of_network_names_is_a_share_bar() -> None:
    found = match_rule("Facebook Twitter X LinkedIn Email", META)
    assert found is not None and found.id == "share-prompt"


def test_long_paragraph_is_never_cut_even_if_a_pattern_could_match() -> None:
    long_text = "Read more: " + " ".join(["the barrier held"] * 30) + "."
    assert match_rule(long_text, META) is None


def test_every_rule_has_an_id_a_reason_and_patterns() -> None:
    table = rules()
    assert len({r.id for r in table}) == len(table)
    assert all(r.reason and r.patterns and r.max_words > 0 for r in table)


def test_normalise_block_text_ignores_case_and_spacing() -> None:
    assert normalise_block_text("  The Ledger\n is  FUNDED by readers ") == (
        "the ledger is funded by readers"
    )


# ------------------------------------------------------------- where removed blocks stood


def test_clean_records_each_cut_before_the_kept_block_that_followed_it() -> None:
    blocks = [
        P("JOIN US ON TELEGRAM"),
        P("The barrier's gates closed for the first time on Monday night as the river rose."),
        P("Advertisement"),
        P("Engineers will inspect the gates again in spring, the council said."),
        P("Advertisement"),
    ]
    kept, removed = clean(blocks, META)
    assert len(kept) == 2
    # Before the first kept block, between the two, and after the last.
    assert [(r.text, r.position) for r in removed] == [
        ("JOIN US ON TELEGRAM", 0),
        ("Advertisement", 1),
        ("Advertisement", 2),
    ]


def _gone(text: str, position: int | None) -> RemovedBlock:
    return RemovedBlock(BlockKind.PARAGRAPH, text, "earlier cut", "earlier", position)


def test_cut_shifts_earlier_cuts_to_the_shortened_list_and_keeps_page_order() -> None:
    blocks = [P("a"), P("b"), P("c"), P("d")]
    earlier = [
        _gone("before a", 0),
        _gone("between b and c", 2),
        _gone("nowhere known", None),
        _gone("after d", 4),
    ]
    kept, removed = cut(blocks, {1: ("gone", "new"), 3: ("gone", "new")}, earlier)
    assert kept == [P("a"), P("c")]
    # "b" went, so what stood after it now stands before "c" (index 1), after "b" itself;
    # "d" went, so both it and what followed it stand at the end; unknown stays last.
    assert [(r.text, r.position) for r in removed] == [
        ("before a", 0),
        ("b", 1),
        ("between b and c", 1),
        ("d", 2),
        ("after d", 2),
        ("nowhere known", None),
    ]
    assert [r.rule for r in removed] == ["earlier", "new", "earlier", "new", "earlier", "earlier"]


def test_cut_twice_equals_cut_once() -> None:
    """Positions stay right however many stages shorten the list."""
    blocks = [P(t) for t in "abcdefg"]
    doomed = {1: ("x", "x"), 2: ("x", "x"), 5: ("x", "x")}
    once_kept, once = cut(blocks, doomed)
    first_kept, first = cut(blocks, {2: ("x", "x")})
    # In the shortened list "b" is still index 1 and "f" moved from 5 to 4.
    twice_kept, twice = cut(first_kept, {1: ("x", "x"), 4: ("x", "x")}, first)
    assert twice_kept == once_kept
    assert [(r.text, r.position) for r in twice] == [(r.text, r.position) for r in once]
    assert [(r.text, r.position) for r in once] == [("b", 1), ("c", 1), ("f", 3)]


def test_cut_with_nothing_doomed_changes_nothing() -> None:
    blocks = [P("a"), P("b")]
    earlier = [_gone("x", 1)]
    kept, removed = cut(blocks, {}, earlier)
    assert kept == blocks and removed == earlier


def test_articles_with_new_metadata_compile_no_new_rule_patterns() -> None:
    from tui.pipeline import clean as clean_module

    lines = [P("By Ann Lee and Bo Chan"), P("Flood barrier opens"), P("The river rose.")]
    clean(lines, META)
    compiled = clean_module._compile.cache_info().currsize
    for i in range(20):
        title, author = f"Story {i} of the flood", f"Ann Lee{i}"
        meta = Metadata(title=title, site=f"Herald {i}", authors=[author])
        _, removed = clean([P(f"By {author}"), P(title), *lines], meta)
        # Each article's own byline and headline are still recognised ...
        assert [r.rule for r in removed][:2] == ["byline", "title-repeat"]
    # ... by patterns compiled once, the names standing in, not written into them.
    assert clean_module._compile.cache_info().currsize == compiled


def test_a_line_holding_the_stand_in_mark_is_not_taken_for_the_author() -> None:
    assert match_rule("By \x00authors\x00", META) is None
    assert match_rule("By Nadia\x00 Okafor", META) is not None  # the mark is dropped


def test_comments_keep_who_wrote_them_and_lose_their_box_furniture() -> None:
    comments = [
        P("Share your thoughts"),  # the box's invitation: no comment, so not counted as one
        P("Posted by Fenella"),
        P("Nadia Okafor — March 3, 2024 at 10:15 am"),  # the article's author, replying
        P("The barrier held in 2013 too."),
        P("Reply"),
        P("Permalink"),
        P("Leave a Reply"),
        P("Flood barrier opens ahead of winter storms"),  # quoting the headline
    ]
    kept = [b.text for b in clean_comments(comments, META)]
    assert kept == [
        "Posted by Fenella",
        "Nadia Okafor — March 3, 2024 at 10:15 am",
        "The barrier held in 2013 too.",
        "Flood barrier opens ahead of winter storms",
    ]
    # In the article itself the same byline and headline are cut.
    assert match_rule("Nadia Okafor — March 3, 2024 at 10:15 am", META).id == "byline"


@pytest.mark.parametrize(
    "line",
    ["Sam Writer | Staff reporter", "Sam Writer and Ann Other, Senior political correspondents"],
)
def test_name_and_role_is_a_byline_when_the_page_declares_no_author(line: str) -> None:
    found = match_rule(line, Metadata())
    assert found is not None and found.id == "byline"


@pytest.mark.parametrize(
    "line",
    [
        "By Nadia Okafor · 5 min read",
        "Nadia Okafor • 4 min read",
        "By Nadia Okafor and Peter Hale • Staff reporters",
        "March 3, 2022 | By Nadia Okafor",
    ],
)
def test_the_writers_byline_beside_a_reading_time_or_after_a_date_is_cut(line: str) -> None:
    found = match_rule(line, META)
    assert found is not None and found.id == "byline"


def test_a_headline_before_the_writers_name_is_no_byline() -> None:
    assert match_rule("Flood talks stall again | By Nadia Okafor", META) is None


def H(text: str) -> Block:
    return Block(BlockKind.HEADING, text)


def test_a_heading_left_with_nothing_under_it_at_the_end_is_cut() -> None:
    blocks = [
        P("The barrier's gates closed for the first time on Monday night as the river rose."),
        H("Before You Go"),
        P("If you enjoyed this article, become a member and keep the Herald's reporters going."),
        P("Learn more"),
    ]
    kept, removed = clean(blocks, META)
    assert kept == blocks[:1]
    assert [r.rule for r in removed] == ["empty-heading", "appeal", "widget"]
    assert removed[0].text == "Before You Go"


def test_a_heading_the_text_merely_ends_on_stays() -> None:
    # Nothing the cleaner cut was under it: what it headed may be the article's own,
    # left out by extraction, and a heading in the middle of the text heads what follows.
    ending = [P("The gates closed on Monday night as the river rose."), H("What comes next")]
    assert clean(ending, META)[0] == ending
    middle = [H("What comes next"), P("Advertisement"), P("Engineers will inspect the gates.")]
    assert clean(middle, META)[0] == [middle[0], middle[2]]


@pytest.mark.parametrize(
    ("label", "rule"),
    [
        ("See more photos:", "dangling-label"),
        ("You might like:", "dangling-label"),
        ("For more information:", "dangling-label"),
        # Anywhere in the text, the label of other stories.
        ("Related post:", "related-link"),
    ],
)
def test_a_label_the_text_ends_on_is_cut_as_it_introduces_nothing(label: str, rule: str) -> None:
    # What it introduced (a gallery, links, an embedded post) is not in the text.
    blocks = [P("The gates closed on Monday night as the river rose."), P(label)]
    kept, removed = clean(blocks, META)
    assert kept == blocks[:1]
    assert [(r.text, r.rule) for r in removed] == [(label, rule)]


def test_a_heading_over_a_dangling_label_goes_with_it() -> None:
    blocks = [P("The gates closed on Monday."), H("Gallery"), P("Photos of the flood:")]
    kept, removed = clean(blocks, META)
    assert kept == blocks[:1]
    assert [r.rule for r in removed] == ["empty-heading", "dangling-label"]


@pytest.mark.parametrize(
    "blocks",
    [
        # A sentence of the article that introduces an embedded post: a reader's sentence.
        [P("The gates closed on Monday."), P("Residents seemed a bit confused by the plan:")],
        # A label in the middle of the text introduces what follows it.
        [P("Key points:"), P("The gates closed on Monday night as the river rose.")],
    ],
)
def test_a_colon_that_is_no_dangling_label_stays(blocks: list[Block]) -> None:
    assert clean(blocks, META)[0] == blocks


def test_a_tag_line_naming_a_site_is_cut() -> None:
    found = match_rule("Tag: digitimes.com", META)
    assert found is not None and found.id == "widget"


def test_the_headline_repeated_with_other_dashes_and_apostrophes_is_cut() -> None:
    meta = Metadata(title="Survey Shows - The River's Highest Level in 40 Years")
    found = match_rule("Survey Shows \u2013 The River\u2019s Highest Level in 40 Years", meta)
    assert found is not None and found.id == "title-repeat"


# A live blog: updates newest first, each after its own time stamp, the stamps cut by the
# markup rules (a "timestamp" box) before the cleaner sees the text.
UPDATES = [
    "The harbour master closed the outer locks as the wind rose past gale force.",
    "Two ferries to the islands were held in port until the morning.",
    "The council opened the sports hall in Westend as a shelter for the night.",
    "River levels at the old bridge rose by forty centimetres in an hour.",
]
STAMPS = ["22:40 CET", "22:05 CET", "21:30 CET", "20:58 CET"]


def _live_blog(stamps: list[str]) -> tuple[list[Block], list[RemovedBlock]]:
    """The updates as kept blocks, and the stamps as the markup's earlier cuts before them."""
    earlier = [RemovedBlock(BlockKind.PARAGRAPH, "4 June 2025", "byline or date line", "byline", 0)]
    earlier += [
        RemovedBlock(BlockKind.PARAGRAPH, stamp, "byline or date line", "byline", i)
        for i, stamp in enumerate(stamps)
    ]
    return [P(u) for u in UPDATES], earlier


def test_a_live_blogs_update_stamps_stay_as_a_heading_before_each_update() -> None:
    blocks, earlier = _live_blog(STAMPS)
    kept, removed = clean(blocks, META, earlier)
    assert kept == [
        b for stamp, update in zip(STAMPS, blocks, strict=True) for b in (H(stamp), update)
    ]
    # The date line under the headline is no update's stamp: it goes, as a byline's.
    assert [(r.text, r.position) for r in removed] == [("4 June 2025", 0)]


def test_bare_clock_lines_between_updates_are_kept_though_a_rule_cuts_one_alone() -> None:
    blocks = [
        b
        for stamp, update in zip(["21:00", "20:43", "20:26"], UPDATES, strict=False)
        for b in (P(stamp), P(update))
    ]
    assert match_rule("21:00", META) is not None
    kept, removed = clean(blocks, META)
    assert [b.kind for b in kept] == [BlockKind.HEADING, BlockKind.PARAGRAPH] * 3
    assert removed == []


def test_stamps_left_as_paragraphs_become_headings_too() -> None:
    # 12-hour stamps no rule cuts ("9:05 a.m."): they stand as paragraphs of their own.
    stamps = ["9:05 a.m.", "10:40 a.m.", "12:15 p.m."]
    blocks = [
        b for stamp, update in zip(stamps, UPDATES, strict=False) for b in (P(stamp), P(update))
    ]
    kept, removed = clean(blocks, META)
    assert [(b.kind, b.text) for b in kept[::2]] == [(BlockKind.HEADING, s) for s in stamps]
    assert removed == []


def test_a_blog_that_runs_oldest_first_and_past_midnight_keeps_its_stamps() -> None:
    blocks, earlier = _live_blog(["23:10", "23:45", "00:20", "00:55"])
    kept, _ = clean(blocks, META, earlier)
    assert [b.text for b in kept if b.kind == BlockKind.HEADING] == [
        "23:10",
        "23:45",
        "00:20",
        "00:55",
    ]


def test_one_date_line_under_the_headline_still_goes() -> None:
    blocks, earlier = _live_blog(STAMPS[:1])
    kept, removed = clean(blocks, META, earlier)
    assert kept == blocks
    assert [r.text for r in removed] == ["4 June 2025", "22:40 CET"]


def test_clock_lines_in_no_order_are_no_update_stamps() -> None:
    # Durations of clips, each before its caption: no blog posts in that order.
    blocks = [
        b
        for clip, text in zip(["3:45", "1:20", "4:10"], UPDATES, strict=False)
        for b in (P(clip), P(text))
    ]
    kept, removed = clean(blocks, META)
    assert kept == [P(u) for u in UPDATES[:3]]
    assert [r.rule for r in removed] == ["widget"] * 3


def test_stamps_that_begin_their_updates_paragraphs_become_a_heading_before_each() -> None:
    blocks = [P(f"{stamp} - {update}") for stamp, update in zip(STAMPS, UPDATES, strict=True)]
    blocks.append(P("Residents were told to keep away from the quays until further notice."))
    earlier = [RemovedBlock(BlockKind.PARAGRAPH, "Share this page", "share bar", "share", 2)]
    kept, removed = clean(blocks, META, earlier)
    assert kept == [
        *(b for stamp, update in zip(STAMPS, UPDATES, strict=True) for b in (H(stamp), P(update))),
        blocks[-1],
    ]
    # A cut that stood before the third update stands before its stamp.
    assert [(r.text, r.position) for r in removed] == [("Share this page", 4)]


@pytest.mark.parametrize(
    "lines",
    [
        # A programme's lines: no sentences after the clock.
        ["09:30 - Doors open and coffee", "10:00 - Keynote by the harbour master", "11:15 - Panel"],
        # Only two stamped updates.
        [f"{s} - {u}" for s, u in zip(STAMPS[:2], UPDATES, strict=False)],
        # Clocks in no order: not a blog's updates.
        [f"{s} - {u}" for s, u in zip(["3:45", "1:20", "4:10"], UPDATES, strict=False)],
    ],
)
def test_paragraphs_beginning_with_a_clock_stay_whole_unless_they_are_a_blogs(
    lines: list[str],
) -> None:
    blocks = [P(line) for line in lines]
    kept, _ = clean(blocks, META)
    assert [b.text for b in kept] == lines


def test_a_live_blogs_stamps_cut_by_the_markup_come_back_through_extraction() -> None:
    from tui.pipeline.extract import extract

    updates = "".join(
        f'<div class="post"><span class="timestamp"><time>{stamp}</time></span><p>{text}</p></div>'
        for stamp, text in zip(STAMPS, UPDATES, strict=True)
    )
    html = (
        "<html><head><title>Live: storm floods the harbour</title></head><body><article>"
        f"<h1>Live: storm floods the harbour</h1>{updates}</article></body></html>"
    )
    extracted = extract(html)
    assert all(s not in [b.text for b in extracted.blocks] for s in STAMPS)  # cut as markup
    kept, _ = clean(extracted.blocks, extracted.metadata, extracted.removed)
    assert [b.text for b in kept] == [t for pair in zip(STAMPS, UPDATES, strict=True) for t in pair]
