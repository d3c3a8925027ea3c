from tui.pipeline import lexicon


def test_every_month_has_its_full_name_and_abbreviation():
    months = lexicon.months()
    assert sorted(set(months.values())) == list(range(1, 13))
    assert months["september"] == months["sept"] == months["sep"] == 9


def test_weekdays_count_from_monday_like_datetime():
    days = lexicon.weekdays()
    assert days["monday"] == 0 and days["sun"] == 6
    assert sorted(set(days.values())) == list(range(7))


def test_words_of_a_mapping_are_its_keys():
    assert "jan" in lexicon.words("months")
