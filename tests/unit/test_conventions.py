"""Convention tables: conventional minimums of vague words and of "more than N"."""

import json

import pytest

from sourcewise import conventions
from sourcewise.errors import UsageError


@pytest.mark.parametrize(
    ("word", "default", "isaf"),
    [
        ("a couple", 2, 2),
        ("several", 3, 3),
        ("numerous", 4, 4),
        ("a large number", 5, 5),
        ("dozens", 12, 12),
        ("scores", 40, 40),
        ("hundreds", 100, 100),
        ("thousands", 1000, 1000),
        ("bare_plural", None, 2),
    ],
)
def test_minimums(word, default, isaf):
    assert conventions.minimum("default", word) == default
    assert conventions.minimum("isaf", word) == isaf


def test_more_than_adds_one_under_isaf_only():
    assert conventions.least("isaf", 30, None, "more_than") == 31
    assert conventions.least("default", 30, None, "more_than") == 30
    assert conventions.least("isaf", None, 12, "vague") == 12
    assert conventions.least("isaf", 7, None, "exact") == 7


def test_a_convention_file(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"dozens": 24, "bare_plural": 1}))
    assert conventions.minimum(str(path), "dozens") == 24
    assert conventions.least(str(path), 5, None, "more_than") == 5


def test_unknown_convention_is_a_usage_error():
    with pytest.raises(UsageError):
        conventions.load("no-such-convention")
