"""One byline rule for every format (service/formats/bylines.py)."""
import pytest

from service.formats.bylines import is_byline, writers


@pytest.mark.parametrize("sent, kept", [
    ("By Jonathan Underhill", "Jonathan Underhill"),
    ("Von Christian Hollmann, dpa", "Christian Hollmann, dpa"),
    ("Av Kari Nordmann, NTB", "Kari Nordmann, NTB"),
    ("Geir Molnes / Faktisk.no", "Geir Molnes / Faktisk.no"),
    ("Byron Lie", "Byron Lie"),  # a name that starts like "By" is no opener
    ("gr/bp", None),  # sign-off initials: editors, not writers
    ("  ", None),
    (None, None),
])
def test_a_byline_is_the_writers_without_the_opener(sent, kept):
    assert writers(sent) == kept


@pytest.mark.parametrize("paragraph, expected", [
    ("By Jonathan Underhill", True),
    ("Von Christian Hollmann, dpa", True),
    ("By then, the market had turned.", False),
    ("Av og til regner det i Bergen.", False),
])
def test_a_byline_line_in_a_body_is_told_from_a_sentence(paragraph, expected):
    assert is_byline(paragraph) is expected
