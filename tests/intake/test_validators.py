import pytest
from django.core.exceptions import ValidationError

from intake.validators import mask_bsn, normaliseer_bsn, normaliseer_postcode, validate_bsn, validate_postcode


@pytest.mark.parametrize("bsn", ["123456782", "111222333", "011222333"[:0] + "111222333"])
def test_valid_bsn(bsn):
    validate_bsn(bsn)


def _eight_digit_valid_bsn():
    # An old 8-digit BSN is a 9-digit one with a leading zero: find one that passes the elfproef.
    for n in range(10_000_000, 10_000_100):
        digits = f"0{n}"
        total = sum(int(d) * w for d, w in zip(digits, [9, 8, 7, 6, 5, 4, 3, 2, -1], strict=True))
        if total % 11 == 0:
            return str(n)
    raise AssertionError


def test_eight_digit_bsn_gets_leading_zero_and_is_valid():
    eight = _eight_digit_valid_bsn()
    assert len(eight) == 8
    validate_bsn(eight)
    assert normaliseer_bsn(eight) == "0" + eight


@pytest.mark.parametrize(
    "bsn",
    ["123456781", "12345678", "1234567890", "abcdefghi", "", "000000000"],
)
def test_invalid_bsn(bsn):
    with pytest.raises(ValidationError) as exc:
        validate_bsn(bsn)
    assert "elfproef" in exc.value.messages[0]


@pytest.mark.parametrize(
    "postcode,normal", [("4254 AB", "4254 AB"), ("4254ab", "4254 AB"), ("9801 ak", "9801 AK")]
)
def test_valid_postcode(postcode, normal):
    validate_postcode(postcode)
    assert normaliseer_postcode(postcode) == normal


@pytest.mark.parametrize("postcode", ["0254 AB", "4254", "4254 A", "ABCD 12", "42544 AB", ""])
def test_invalid_postcode(postcode):
    with pytest.raises(ValidationError) as exc:
        validate_postcode(postcode)
    assert "postcode" in exc.value.messages[0]


def test_mask_bsn_shows_last_three_digits_only():
    assert mask_bsn("123456782") == "******782"
