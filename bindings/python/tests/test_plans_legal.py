"""Payment plans, the legal check of dunning policies and the statutory fee caps from Python: the
values the C++ tests assert (tests/unit/dunning/engine_test.cpp, policy_semantics_test.cpp,
legal_check_test.cpp), reached through the bindings."""

from __future__ import annotations

import datetime
import json

import pytest

import kreditor
from kreditor import DKK, EUR, NOK, SEK, FeeKind, Jurisdiction, Money, Segment

d = datetime.date


def nok(amount: str) -> Money:
    return Money(amount, NOK)


def test_three_monthly_installments_exact_to_the_minor_unit():
    # engine_test.cpp PaymentPlan.ThreeMonthlyInstallmentsExactToTheMinorUnit.
    p = kreditor.make_payment_plan(nok("10000.00"), d(2026, 3, 1), installments=3, fees=nok("35.00"),
                                   interest=nok("10.01"), agreed=d(2026, 2, 1), plan_fee=nok("0"),
                                   annual_interest=kreditor.Rate("12%"))
    assert len(p) == 3
    assert [i.due for i in p.installments] == [d(2026, 3, 1), d(2026, 4, 1), d(2026, 5, 1)]
    assert [i.principal for i in p.installments] == [nok("3333.34"), nok("3333.33"), nok("3333.33")]
    # 10 000.00 x 12 % x 28/365 = 92.05; 6 666.66 x 12 % x 31/365 = 67.95; 3 333.33 x 12 % x 30/365 = 32.88;
    # plus the accrued 10.01 split 3.34 / 3.34 / 3.33.
    assert [i.interest for i in p.installments] == [nok("95.39"), nok("71.29"), nok("36.21")]
    assert (p.principal, p.fees) == (nok("10000.00"), nok("35.00"))
    total = nok("0")
    for i in p.installments:
        assert i.amount == i.principal + i.fees + i.interest
        total += i.amount
    assert total == p.total == p.principal + p.fees + p.interest


def test_installments_follow_the_business_day_rule_of_due_dates():
    # policy_semantics_test.cpp Installments.FollowTheBusinessDayRuleOfDueDates: 16 May 2026 is a
    # Saturday (17 May a Sunday and Constitution Day), so that installment is due Monday 18 May.
    p = kreditor.make_payment_plan(nok("3000.00"), d(2026, 3, 16), installments=3, months_between=2,
                                   business_days=Jurisdiction.NO)
    assert [i.due for i in p.installments] == [d(2026, 3, 16), d(2026, 5, 18), d(2026, 7, 16)]
    plain = kreditor.make_payment_plan(nok("3000.00"), d(2026, 3, 16), installments=3, months_between=2)
    assert plain.installments[1].due == d(2026, 5, 16)


def test_bad_plans_raise_the_errc_subclass():
    with pytest.raises(kreditor.InvalidArgument) as e:
        kreditor.make_payment_plan(nok("0.01"), d(2026, 3, 1), installments=0)
    assert e.value.code == -1
    with pytest.raises(kreditor.InvalidArgument):
        kreditor.make_payment_plan(nok("100.00"), d(2026, 3, 1), installments=121)
    with pytest.raises(kreditor.CurrencyMismatch):
        kreditor.make_payment_plan(nok("100.00"), d(2026, 3, 1), fees=Money("5.00", EUR))
    with pytest.raises(TypeError):
        kreditor.make_payment_plan(100.0, d(2026, 3, 1))  # type: ignore[arg-type]


SENT = d(2026, 1, 30)
FI_DUE = d(2025, 3, 1)


@pytest.mark.parametrize("args, cap", [
    # legal_check_test.cpp LegalCheck.StatutoryCapsFollowTheClaimsDueDate, row by row.
    ((Jurisdiction.NO, Segment.B2C, FeeKind.REMINDER, NOK, d(2020, 9, 30), SENT), Money("70.00", NOK)),
    ((Jurisdiction.NO, Segment.B2C, FeeKind.REMINDER, NOK, d(2020, 10, 1), SENT), Money("35.00", NOK)),
    ((Jurisdiction.NO, Segment.B2B, FeeKind.COMPENSATION, NOK, d(2025, 3, 1), SENT), Money("470.00", NOK)),
    ((Jurisdiction.DK, Segment.B2B, FeeKind.REMINDER, DKK, d(2025, 3, 1), SENT), Money("100.00", DKK)),
    ((Jurisdiction.EU, Segment.B2C, FeeKind.COMPENSATION, EUR, d(2025, 3, 1), SENT), Money("0", EUR)),
    ((Jurisdiction.EU, Segment.B2B, FeeKind.REMINDER, EUR, d(2025, 3, 1), SENT), None),
    ((Jurisdiction.FI, Segment.B2C, FeeKind.COLLECTION, EUR, FI_DUE, SENT), Money("14.00", EUR)),
    ((Jurisdiction.FI, Segment.B2C, FeeKind.COLLECTION, EUR, FI_DUE, SENT, Money("500.00", EUR)), Money("24.00", EUR)),
    ((Jurisdiction.FI, Segment.B2C, FeeKind.COLLECTION, EUR, FI_DUE, SENT, Money("2000.00", EUR)), Money("50.00", EUR)),
    ((Jurisdiction.FI, Segment.B2B, FeeKind.REMINDER, EUR, d(2020, 3, 1), SENT), Money("12.00", EUR)),
    ((Jurisdiction.NO, Segment.B2C, FeeKind.REMINDER, SEK, FI_DUE, SENT), None),
    ((Jurisdiction.DK, Segment.B2C, FeeKind.COLLECTION, DKK, FI_DUE, SENT), Money("100.00", DKK)),
])
def test_statutory_fee_caps_follow_the_claims_due_date(args, cap):
    assert kreditor.statutory_fee_cap(*args) == cap


def test_the_shipped_presets_are_lawful():
    for name in ("NO", "SE", "DK", "FI", "EU"):
        assert kreditor.check_legal(kreditor.Policy.preset(name)) == [], name


def _no_preset_with(**step0) -> str:
    doc = json.loads(kreditor.Policy.preset("NO").to_json())
    doc["steps"][0].update(step0)
    return json.dumps(doc)


@pytest.mark.parametrize("change, fragment", [
    # legal_check_test.cpp's Norway cases "fee 7 days after due" and "reminder deadline 10 days".
    ({"trigger": {"after_due_days": 7}},
     "NO.purregebyr: a reminder fee only for a notice no earlier than 14 days after the due date"),
    ({"deadline_days": 10}, "NO.purregebyr: the notice gives a payment deadline of at least 14 days"),
])
def test_an_unlawful_policy_is_refused_naming_the_rule_and_its_source(change, fragment):
    with pytest.raises(kreditor.LegalViolation) as e:
        kreditor.Policy.from_json(_no_preset_with(**change))
    assert e.value.code == -6 and fragment in str(e.value) and "source: https://" in str(e.value)


COMPENSATION_470 = {
    "name": "kompensasjon", "jurisdiction": "NO",
    "steps": [{"name": "kompensasjon", "trigger": {"after_due_days": 1}, "commands": ["send_reminder"],
               "deadline_days": 14, "fee": {"NOK": "470.00"}, "fee_kind": "compensation", "segment": "b2b"}],
}


def test_check_legal_applies_the_law_in_force_on_the_date():
    # NO.standardkompensasjon (fee_rules.json): 470 NOK from 2024, 410 NOK in 2023.
    policy = kreditor.Policy.from_json(json.dumps(COMPENSATION_470))
    assert kreditor.check_legal(policy) == []
    assert kreditor.check_legal(policy, d(2024, 3, 1)) == []
    findings = kreditor.check_legal(policy, d(2023, 6, 1))
    assert len(findings) == 1
    f = findings[0]
    assert f.rule.startswith("NO.standardkompensasjon") and "410.00 NOK" in f.rule
    assert f.where == "steps[0] 'kompensasjon' (b2b)" and f.source.startswith("http") and f.problem
    assert not f.uncertain
    assert str(f).startswith(f.where) and f.rule in str(f)
    # The same cap that statutory_fee_cap reports for a claim due then.
    assert kreditor.statutory_fee_cap(Jurisdiction.NO, Segment.B2B, FeeKind.COMPENSATION, NOK, d(2023, 6, 1),
                                      d(2023, 7, 1)) == nok("410.00")


def _rows_in_data(source_dir, rule_id: str) -> list[dict]:
    data = json.loads((source_dir / "src" / "data" / "fee_rules.json").read_text())
    return [r for r in data["rules"] if r["id"] == rule_id]


def test_fee_rules_are_the_shipped_data_with_law_source_and_flags(source_dir):
    rules = {r.id: r for r in kreditor.fee_rules(Jurisdiction.NO, Segment.B2C, d(2025, 6, 1))}
    purring = rules["NO.purregebyr"]
    assert purring.kind == kreditor.LegalFeeKind.REMINDER and purring.jurisdiction == Jurisdiction.NO
    assert purring.effective_from == d(2020, 10, 1) and purring.max_cap == nok("35.00")
    assert (purring.min_days_after_due, purring.min_deadline_days) == (14, 14)
    assert purring.law and purring.source.startswith("http") and not purring.uncertain
    row = next(r for r in _rows_in_data(source_dir, "NO.purregebyr") if r["effective_from"] == "2020-10-01")
    assert purring.max_cap == Money(row["cap"], NOK) and purring.source == row["source"]
    # 2026's row is flagged UNCERTAIN in the data, and stays flagged.
    later = {r.id: r for r in kreditor.fee_rules(Jurisdiction.NO, Segment.B2C, d(2026, 6, 1))}
    assert later["NO.purregebyr"].uncertain and later["NO.purregebyr"].effective_from == d(2026, 1, 1)
    # FI consumer payment demands are capped by principal band (14 / 24 / 50 EUR).
    fi = {r.id: r for r in kreditor.fee_rules(Jurisdiction.FI, Segment.B2C, FI_DUE)}
    demand = fi["FI.maksuvaatimus.consumer"]
    assert [cap for _, cap in demand.caps] == [Money("14.00", EUR), Money("24.00", EUR), Money("50.00", EUR)]
    assert demand.cap_for(Money("500.00", EUR)) == Money("24.00", EUR) and demand.uncertain


NO_STEP = dict(principal=nok("10000.00"), days_after_due=14, deadline_days=14)


@pytest.mark.parametrize("kind, amount, where, segment, on, step, broken", [
    # fees_test.cpp FeeCaps.BreaksExactlyTheExpectedRule, the Norwegian and Swedish rows.
    (kreditor.LegalFeeKind.REMINDER, nok("35"), Jurisdiction.NO, Segment.B2C, d(2025, 3, 1), NO_STEP, None),
    (kreditor.LegalFeeKind.REMINDER, nok("70"), Jurisdiction.NO, Segment.B2C, d(2025, 3, 1), NO_STEP, "NO.purregebyr"),
    (kreditor.LegalFeeKind.REMINDER, nok("70"), Jurisdiction.NO, Segment.B2B, d(2019, 3, 1), NO_STEP, None),
    (kreditor.LegalFeeKind.REMINDER, nok("35"), Jurisdiction.NO, Segment.B2C, d(2025, 3, 1),
     dict(NO_STEP, days_after_due=13), "NO.purregebyr"),
    (kreditor.LegalFeeKind.REMINDER, nok("35"), Jurisdiction.NO, Segment.B2C, d(2025, 3, 1),
     dict(NO_STEP, deadline_days=10), "NO.purregebyr"),
    (kreditor.LegalFeeKind.COLLECTION_NOTICE, nok("35"), Jurisdiction.NO, Segment.B2C, d(2025, 3, 1),
     dict(NO_STEP, days_after_due=42, previous_fee_notices=2), "NO.inkassovarsel"),
    (kreditor.LegalFeeKind.REMINDER, Money("35", SEK), Jurisdiction.NO, Segment.B2C, d(2025, 3, 1), NO_STEP,
     "NO.purregebyr"),
    (kreditor.LegalFeeKind.FIXED_COMPENSATION, nok("470"), Jurisdiction.NO, Segment.B2B, d(2025, 3, 1), NO_STEP, None),
    (kreditor.LegalFeeKind.FIXED_COMPENSATION, nok("470"), Jurisdiction.NO, Segment.B2C, d(2025, 3, 1), NO_STEP,
     "NO.no_legal_basis.fixed_compensation"),
    (kreditor.LegalFeeKind.REMINDER, Money("60", SEK), Jurisdiction.SE, Segment.B2C, d(2025, 3, 1),
     dict(principal=Money("1000.00", SEK), days_after_due=5, deadline_days=10), "SE.paminnelseavgift"),
    (kreditor.LegalFeeKind.REMINDER, Money("60", SEK), Jurisdiction.SE, Segment.B2C, d(2025, 3, 1),
     dict(principal=Money("1000.00", SEK), days_after_due=5, deadline_days=10, agreed_in_advance=True), None),
    (kreditor.LegalFeeKind.REMINDER, Money("61", SEK), Jurisdiction.SE, Segment.B2C, d(2025, 3, 1),
     dict(principal=Money("1000.00", SEK), days_after_due=5, deadline_days=10, agreed_in_advance=True),
     "SE.paminnelseavgift"),
])
def test_check_fee_breaks_exactly_the_expected_rule(kind, amount, where, segment, on, step, broken):
    v = kreditor.check_fee(kind, amount, where, segment, on, **step)
    if broken is None:
        assert v is None, v.message
    else:
        assert v is not None and v.rule_id == broken and v.source and v.message
