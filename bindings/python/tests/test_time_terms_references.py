"""Calendars, day counts, payment terms and payment references."""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest

import kreditor
from kreditor import Money, NOK

D = datetime.date


def test_norwegian_calendar_knows_constitution_day_and_rolls():
    no = kreditor.Calendar("NO")
    assert not no.is_business_day(D(2026, 5, 17))
    assert no.holiday_name(D(2025, 5, 17)) is not None
    assert no.adjust(D(2025, 5, 17)) == D(2025, 5, 19)  # Saturday 17 May -> Monday
    assert no.adjust(D(2025, 5, 17), kreditor.BusinessDayConvention.PRECEDING) == D(2025, 5, 16)
    assert no == kreditor.Calendar("NO") and hash(no) == hash(kreditor.Calendar("NO"))
    assert no != kreditor.Calendar("SE")
    extra = no.with_holiday(D(2025, 6, 2), "company day")
    assert not extra.is_business_day(D(2025, 6, 2)) and no.is_business_day(D(2025, 6, 2))
    with pytest.raises(kreditor.Error):
        kreditor.Calendar("Atlantis")


def test_accrual_is_an_exact_fraction():
    assert kreditor.accrual(kreditor.DayCount.ACT_365_FIXED, D(2025, 1, 1), D(2025, 1, 31)) == Fraction(30, 365)
    assert kreditor.accrual(kreditor.DayCount.ACT_360, D(2025, 1, 1), D(2025, 1, 31)) == Fraction(30, 360)


def test_terms_parse_format_and_due_dates():
    t = kreditor.Terms("2/10 net 30")
    assert t.kind is kreditor.TermKind.NET and t.net == 30
    assert t.discounts == [(kreditor.Rate("2%"), 10)]
    assert kreditor.Terms(str(t)) == t and hash(kreditor.Terms(str(t))) == hash(t)
    assert t.due_date(D(2026, 1, 15)) == D(2026, 2, 14)
    assert t.amount_to_pay(Money("1000", NOK), D(2026, 1, 15), D(2026, 1, 20)) == Money("980", NOK)
    assert t.amount_to_pay(Money("1000", NOK), D(2026, 1, 15), D(2026, 2, 1)) == Money("1000", NOK)
    norsk = kreditor.parse_terms("30 dager netto")
    assert norsk.due_date(D(2026, 1, 1)) == D(2026, 1, 31)
    # Rolled on the Norwegian calendar: 2026-01-31 is a Saturday.
    assert norsk.due_date(D(2026, 1, 1), calendar=kreditor.Calendar("NO")) == D(2026, 2, 2)
    with pytest.raises(kreditor.InvalidArgument) as e:
        kreditor.Terms("whenever you like")
    assert e.value.code == -1


def test_references_make_and_check():
    kid = kreditor.make_reference(kreditor.ReferenceType.KID_MOD10, "1234")
    assert kid == "12344"  # the Luhn example of kid.hpp
    assert kreditor.make_reference(kreditor.ReferenceType.KID_MOD11, "036536") == "036536-"
    assert kreditor.check_reference(kreditor.ReferenceType.KID_MOD10, kid)
    bad = kreditor.check_reference(kreditor.ReferenceType.KID_MOD10, "12345")
    assert not bad and bad.reason
    assert kreditor.make_reference(kreditor.ReferenceType.RF, "539007547034") == "RF18539007547034"
    assert kreditor.format_reference(kreditor.ReferenceType.RF, "RF18539007547034") == "RF18 5390 0754 7034"
    assert kreditor.check_reference(kreditor.ReferenceType.ORGNR_NO, "923456783")
    with pytest.raises(kreditor.Error):
        kreditor.make_reference(kreditor.ReferenceType.KID_MOD10, "12a")
