"""Values: money, currencies, rates, enums, errors — Python types at the boundary."""

from __future__ import annotations

import datetime
import enum
import pickle
import re
import subprocess
from decimal import Decimal

import pytest

import kreditor
from kreditor import NOK, Money


def test_version_is_the_cpp_projects(source_dir):
    project = (source_dir / "CMakeLists.txt").read_text()
    version = re.search(r"project\(kreditor VERSION (\S+)", project).group(1)
    assert kreditor.__version__ == version


def test_version_matches_the_cli(cli):
    out = subprocess.run([cli, "--version"], capture_output=True, text=True, check=True).stdout
    assert kreditor.__version__ in out


def test_money_from_decimal_str_and_int_is_exact():
    assert Money("19.99", "EUR") == Money.from_minor_units(1999, kreditor.EUR)
    assert Money(Decimal("0.10"), NOK).minor_units == 10
    assert Money(5, "ISK").minor_units == 5
    assert Money("150.07", NOK).amount == Decimal("150.07")
    assert str(Money("150.07", NOK).amount) == "150.07"
    assert str(Money("150", NOK).amount) == "150.00"
    assert Money("-0.05", NOK).amount == Decimal("-0.05")


def test_a_float_is_a_type_error_never_rounded():
    with pytest.raises(TypeError):
        Money(19.99, NOK)
    with pytest.raises(TypeError):
        kreditor.money(0.1, "EUR")
    with pytest.raises(TypeError):
        Money(True, NOK)


def test_too_many_decimals_is_precision_loss_with_its_code():
    with pytest.raises(kreditor.PrecisionLoss) as e:
        Money("1.005", NOK)
    assert e.value.code == -7
    assert isinstance(e.value, ValueError)
    assert isinstance(e.value, kreditor.Error)


def test_mixed_currencies_raise_currency_mismatch():
    with pytest.raises(kreditor.CurrencyMismatch) as e:
        Money("1", NOK) + Money("1", "SEK")
    assert e.value.code == -4
    assert Money("1", NOK) != Money("1", "SEK")  # == never raises


def test_arithmetic_is_checked():
    big = Money.from_minor_units(2**63 - 1, NOK)
    with pytest.raises(kreditor.Overflow):
        big + Money("0.01", NOK)
    assert Money("1.10", NOK) - Money("0.20", NOK) == Money("0.90", NOK)
    assert -Money("1", NOK) < Money.zero(NOK)
    assert sum(m.minor_units for m in Money("100", NOK).split(3)) == 10000


def test_every_errc_has_a_subclass_with_the_cpp_number():
    expected = {"InvalidArgument": -1, "OutOfRange": -2, "Overflow": -3, "CurrencyMismatch": -4, "NotFound": -5,
                "LegalViolation": -6, "PrecisionLoss": -7, "Conflict": -8, "IoError": -9, "InternalError": -99}
    for name, code in expected.items():
        cls = getattr(kreditor, name)
        assert issubclass(cls, kreditor.Error) and issubclass(cls, ValueError)
        assert cls.code == code
        assert kreditor.error_class(code) is cls
        assert cls.__doc__


def test_unknown_currency_is_invalid_or_not_found():
    with pytest.raises(kreditor.Error) as e:
        kreditor.Currency("XYZ1")
    assert e.value.code in (-1, -5)
    assert "XYZ1" in str(e.value)


def test_value_types_repr_eq_hash_and_pickle():
    m = Money("150.07", NOK)
    assert repr(m) == "Money('150.07', 'NOK')"
    assert str(m) == "150.07 NOK"
    assert hash(m) == hash(Money(Decimal("150.07"), "NOK"))
    assert len({m, Money("150.07", NOK), Money("150.07", "SEK")}) == 2
    assert pickle.loads(pickle.dumps(m)) == m
    assert repr(NOK) == "Currency('NOK')" and NOK.minor_units == 2 and kreditor.Currency("ISK").minor_units == 0
    r = kreditor.Rate("12.25%")
    assert r.percent == Decimal("12.25") and r.fraction == Decimal("0.1225")
    assert kreditor.Rate("1225bp") == r and hash(kreditor.Rate("0.1225")) == hash(r)
    assert pickle.loads(pickle.dumps(r)) == r
    assert kreditor.Rate.from_percent(Decimal("8")) == kreditor.Rate("8%")
    with pytest.raises(TypeError):
        kreditor.Rate.from_percent(8.0)


def test_enums_are_enum_members_and_accept_their_value():
    assert issubclass(kreditor.Segment, enum.Enum)
    assert kreditor.Segment("b2c") is kreditor.Segment.B2C
    assert kreditor.Jurisdiction.NO.value == "NO"
    assert [s.value for s in kreditor.State][:3] == ["not_yet_due", "due", "overdue"]
    assert kreditor.jurisdiction_of("SE") is kreditor.Jurisdiction.SE
    assert kreditor.jurisdiction_of("DE") is kreditor.Jurisdiction.EU


def test_dates_are_datetime_dates_and_datetimes_are_refused():
    assert kreditor.add_months(datetime.date(2024, 1, 31), 1) == datetime.date(2024, 2, 29)
    assert kreditor.add_months(datetime.date(2023, 2, 28), 1, kreditor.MonthEnd.SNAP) == datetime.date(2023, 3, 31)
    with pytest.raises(TypeError):
        kreditor.end_of_month(datetime.datetime(2024, 1, 31, 12, 0))


def test_docstrings_everywhere():
    for name in kreditor.__all__:
        obj = getattr(kreditor, name)
        if callable(obj) and not isinstance(obj, kreditor.Currency):
            assert obj.__doc__, name
