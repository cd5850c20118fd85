"""Scoring from Python equals `kreditor fit` and `kreditor score` to the last digit; bad input
raises the kreditor.Error subclass of the C++ errc."""

from __future__ import annotations

import json
import subprocess
import threading
from decimal import Decimal

import numpy as np
import pytest

import kreditor

GERMAN = "tests/data/scoring/german_credit_encoded.csv"


def cli_json(cli: str, *args: str) -> dict:
    out = subprocess.run([cli, *args], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


@pytest.fixture(scope="module")
def german(source_dir):
    path = source_dir / GERMAN
    names = path.read_text().splitlines()[0].split(",")
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    target = names.index("bad")
    columns = [j for j in range(len(names)) if j != target]
    return path, data[:, columns], data[:, target], [names[j] for j in columns]


@pytest.fixture(scope="module")
def scoring_dir(source_dir):
    return source_dir / "examples" / "sample_scoring"


def test_fit_equals_the_cli_to_the_digit(cli, german, tmp_path):
    path, x, y, names = german
    saved = tmp_path / "model.json"
    expected = cli_json(cli, "fit", "--data", str(path), "--target", "bad", "--save-model", str(saved), "--json")
    fit = kreditor.fit_logistic(x, y, names=names)
    assert fit.model.names == list(expected["coefficients"])
    assert fit.coefficients == expected["coefficients"]  # exact: the same doubles
    assert dict(zip(fit.model.names, fit.std_errors)) == expected["std_errors"]
    assert fit.log_likelihood == expected["log_likelihood"]
    assert fit.null_log_likelihood == expected["null_log_likelihood"]
    assert fit.max_abs_gradient == expected["max_abs_gradient"]
    assert (fit.iterations, fit.converged) == (expected["iterations"], expected["converged"])
    assert kreditor.auc(fit.model.predict(x), y) == expected["auc"]
    # The model file `fit --save-model` writes is the model's JSON, and reads back to it.
    assert saved.read_text() == fit.model.to_json()
    assert kreditor.LogisticModel.from_json(saved.read_text()) == fit.model


def test_fit_options_equal_the_cli(cli, german, tmp_path):
    path, x, y, names = german
    expected = cli_json(cli, "fit", "--data", str(path), "--target", "bad", "--l2", "2.5", "--no-intercept", "--json")
    fit = kreditor.fit_logistic(x, y, names=names, l2=2.5, intercept=False)
    assert not fit.model.intercept and "(Intercept)" not in fit.model.names
    assert fit.coefficients == expected["coefficients"]
    assert fit.log_likelihood == expected["log_likelihood"]


def test_fit_is_the_same_for_any_layout_and_thread_count(german):
    _, x, y, names = german
    one = kreditor.fit_logistic(x, y, names=names)
    fortran = kreditor.fit_logistic(np.asfortranarray(x), y, names=names, threads=2)
    assert one.model == fortran.model
    assert one.std_errors == fortran.std_errors


def test_batch_predict_equals_the_scalar_kernel_and_the_model_json_round_trips(german):
    _, x, y, names = german
    model = kreditor.fit_logistic(x, y, names=names).model
    batch = model.predict(x)
    assert batch.dtype == np.float64 and batch.shape == (len(y),)
    assert [model.probability(list(row)) for row in x[:50]] == list(batch[:50])
    again = kreditor.LogisticModel.from_json(model.to_json())
    assert np.array_equal(again.predict(x), batch)
    assert again.coefficient("Duration") == model.coefficients[model.names.index("Duration")]
    built = kreditor.LogisticModel(model.names, model.coefficients)
    assert built == model and hash(built) == hash(model)


def test_the_fit_releases_the_gil():
    rng = np.random.default_rng(7)
    x = rng.normal(size=(300_000, 6))
    y = (rng.random(300_000) < 1 / (1 + np.exp(-(x @ np.linspace(-1, 1, 6))))).astype(float)
    started = threading.Event()
    result = []

    def work():
        started.set()
        result.append(kreditor.fit_logistic(x, y))

    t = threading.Thread(target=work)
    t.start()
    started.wait()
    counted = 0
    while t.is_alive():
        counted += 1
    t.join()
    assert result and result[0].converged
    assert counted > 1000  # the main thread ran while the C++ fit did


@pytest.mark.parametrize("call, code", [
    (lambda x, y: kreditor.fit_logistic(x.reshape(2, 500, -1), y), kreditor.InvalidArgument),
    (lambda x, y: kreditor.fit_logistic(x, y[:-1]), kreditor.InvalidArgument),
    (lambda x, y: kreditor.fit_logistic(x, y, weights=np.ones(3)), kreditor.InvalidArgument),
    (lambda x, y: kreditor.fit_logistic(x, y, names=["a", "b"]), kreditor.InvalidArgument),
    (lambda x, y: kreditor.fit_logistic(x, y * 2), kreditor.InvalidArgument),
    (lambda x, y: kreditor.fit_logistic(x, y, l2=-1.0), kreditor.InvalidArgument),
    (lambda x, y: kreditor.fit_logistic(x, y, max_iterations=0), kreditor.InvalidArgument),
])
def test_bad_fit_input_raises_invalid_argument(german, call, code):
    _, x, y, _ = german
    with pytest.raises(code) as e:
        call(x, y)
    assert e.value.code == -1 and isinstance(e.value, kreditor.Error) and isinstance(e.value, ValueError)


def test_nan_is_named_by_row_and_column(german):
    _, x, y, names = german
    bad = x.copy()
    bad[41, names.index("Age")] = np.nan
    with pytest.raises(kreditor.InvalidArgument, match=r"row 42, column 'Age': not a finite number"):
        kreditor.fit_logistic(bad, y, names=names)
    model = kreditor.fit_logistic(x, y, names=names).model
    with pytest.raises(kreditor.InvalidArgument, match=r"row 42, column 'Age': not a finite number"):
        model.predict(bad)
    with pytest.raises(kreditor.InvalidArgument, match="columns"):
        model.predict(x[:, :5])


def test_separated_data_raise_out_of_range():
    x = np.arange(20, dtype=float)
    y = (x >= 10).astype(float)
    with pytest.raises(kreditor.OutOfRange) as e:
        kreditor.fit_logistic(x, y, names=["days_late"])
    assert e.value.code == -2 and "days_late" in str(e.value)


@pytest.mark.parametrize("text", ["{garbage", "[]", '{"schema": "kreditor.logistic_model/1", "intercept": true}',
                                  '{"schema": "kreditor.logistic_model/1", "intercept": true, "coefficients": '
                                  '[{"name": "(Intercept)", "value": "x"}]}'])
def test_garbage_model_json_raises_invalid_argument(text):
    with pytest.raises(kreditor.InvalidArgument) as e:
        kreditor.LogisticModel.from_json(text)
    assert e.value.code == -1


def test_metrics_agree_with_their_definitions(german):
    _, x, y, names = german
    p = kreditor.fit_logistic(x, y, names=names).model.predict(x)
    assert kreditor.gini(p, y) == pytest.approx(2 * kreditor.auc(p, y) - 1, abs=1e-12)
    assert kreditor.brier(p, y) == pytest.approx(float(np.mean((p - y) ** 2)), abs=1e-12)
    assert 0 < kreditor.ks(p, y) < 1
    with pytest.raises(kreditor.InvalidArgument):
        kreditor.auc(p, y[:10])


def test_scorecard_points_are_the_models_log_odds(german):
    _, x, y, names = german
    chars = [kreditor.bin_characteristic(n, x[:, names.index(n)], y) for n in ("Duration", "Amount", "Age")]
    woe = np.column_stack([c.woe(x[:, names.index(c.name)]) for c in chars])
    model = kreditor.fit_logistic(woe, y, names=[c.name for c in chars]).model
    card = kreditor.make_scorecard(chars, model, kreditor.PointsScaling(pdo=20, base_score=600, base_odds=50))
    assert card.scaling.factor == pytest.approx(28.8539, abs=1e-4) and card.scaling.offset == pytest.approx(487.1229, abs=1e-4)
    for i in range(0, len(y), 97):
        values = [x[i, names.index(c.name)] for c in chars]
        points, reasons = card.score(values)
        # Siddiqi's scaling: points = offset + factor ln(odds good) = offset - factor (b0 + b'WoE).
        assert points == pytest.approx(card.scaling.offset - card.scaling.factor * model.linear_predictor(list(woe[i])), abs=1e-9)
        losses = [lost for _, lost in reasons]
        assert losses == sorted(losses, reverse=True) and all(lost > 0 for lost in losses)
    with pytest.raises(kreditor.NotFound):
        kreditor.make_scorecard(chars, kreditor.LogisticModel(["(Intercept)", "Duration"], [0.1, 1.0]), card.scaling)


def _score_args(scoring_dir, customer: str) -> list[str]:
    return ["score", "--financials", str(scoring_dir / "financials" / f"{customer}.json"),
            "--credit-check", str(scoring_dir / "credit_checks.json"), "--json"]


def _assert_same(r: kreditor.Recommendation, expected: dict) -> None:
    assert r.grade == expected["grade"]
    assert r.pd == expected["pd"]
    assert r.pd_source == expected["pd_source"]
    if expected["altman"] is None:
        assert r.altman is None
    else:
        assert (r.altman.score, r.altman.model, r.altman.zone) == (expected["altman"]["z"], expected["altman"]["model"],
                                                                    expected["altman"]["zone"])
    if expected["ohlson"] is None:
        assert r.ohlson is None
    else:
        assert (r.ohlson.o, r.ohlson.p, r.ohlson.size) == (expected["ohlson"]["o"], expected["ohlson"]["p"],
                                                            expected["ohlson"]["size"])
    assert r.terms == expected["recommended_terms"]
    assert r.limit.amount == Decimal(expected["recommended_limit"])
    assert r.limit.currency.code == expected["currency"]
    assert [m.value for m in r.methods] == expected["payment_methods"]
    assert r.discount_offered == expected["discount_offered"]
    assert r.discount_annual_cost == expected["discount_annual_cost"]
    assert [(x.code, x.text) for x in r.reasons] == [(x["code"], x["text"]) for x in expected["reasons"]]


CUSTOMERS = ["DE-5001", "DK-3001", "DK-3003", "FI-4001", "NO-1001", "NO-1002", "NO-1004", "NO-1005", "SE-2001",
             "SE-2002", "SE-2004"]


@pytest.mark.parametrize("customer", CUSTOMERS)
def test_recommend_equals_kreditor_score(cli, scoring_dir, customer):
    expected = cli_json(cli, *_score_args(scoring_dir, customer))
    statements = kreditor.FinancialStatements.from_json((scoring_dir / "financials" / f"{customer}.json").read_text())
    checks = [c for c in kreditor.credit_checks_from_json((scoring_dir / "credit_checks.json").read_text())
              if c.customer_id == customer]
    r = kreditor.recommend(statements, checks)
    _assert_same(r, expected)
    as_of = max(c.checked_on for c in checks)
    assert expected["as_of"] == as_of.isoformat()
    assert kreditor.check_alerts(checks, as_of, r.grade) == [(a["kind"], a["text"]) for a in expected["alerts"]]


def test_recommend_with_a_model_and_a_policy_equals_kreditor_score(cli, scoring_dir, tmp_path):
    model = kreditor.LogisticModel(["(Intercept)", "altman_z", "equity_ratio", "bureau_score"], [-1.25, -0.4, -2.0, -0.01])
    policy_json = json.loads(kreditor.RecommendationPolicy.default().to_json())
    policy_json["limit_unit"] = 500
    policy_json["el_budget_share"] = 0.02
    policy = kreditor.RecommendationPolicy.from_json(json.dumps(policy_json))
    (tmp_path / "model.json").write_text(model.to_json())
    (tmp_path / "policy.json").write_text(policy.to_json())
    for customer in ("NO-1001", "SE-2002", "DK-3003"):
        expected = cli_json(cli, *_score_args(scoring_dir, customer), "--model", str(tmp_path / "model.json"),
                            "--policy", str(tmp_path / "policy.json"))
        statements = kreditor.FinancialStatements.from_json((scoring_dir / "financials" / f"{customer}.json").read_text())
        checks = [c for c in kreditor.credit_checks_from_json((scoring_dir / "credit_checks.json").read_text())
                  if c.customer_id == customer]
        r = kreditor.recommend(statements, checks, model=model, policy=policy)
        assert r.pd_source == "model"
        _assert_same(r, expected)
        features = kreditor.features(statements, checks)
        x = [features[n] for n in model.names[1:]]
        assert r.pd == max(policy.pd_floor, model.probability(x))


def test_behaviour_notches_and_cash_terms_come_from_the_library(scoring_dir):
    statements = kreditor.FinancialStatements.from_json((scoring_dir / "financials" / "NO-1001.json").read_text())
    clean = kreditor.recommend(statements)
    broken = kreditor.recommend(statements, behaviour=kreditor.PaymentBehaviour(invoices=12, broken_promises=1))
    assert broken.terms == kreditor.RecommendationPolicy.default().cash_terms and broken.limit.minor_units == 0
    assert clean.terms != broken.terms
    purchases = kreditor.recommend(statements, expected_annual_purchases=kreditor.Money("100000.00", "NOK"))
    assert purchases.limit <= kreditor.Money("100000.00", "NOK")
    with pytest.raises(kreditor.CurrencyMismatch):
        kreditor.recommend(statements, expected_annual_purchases=kreditor.Money("100000.00", "SEK"))
    with pytest.raises(kreditor.NotFound) as e:
        kreditor.recommend(statements, model=kreditor.LogisticModel(["(Intercept)", "bureau_score"], [0.0, 1.0]))
    assert e.value.code == -5


def test_garbage_scoring_json_raises_invalid_argument():
    for parse in (kreditor.FinancialStatements.from_json, kreditor.credit_checks_from_json,
                  kreditor.RecommendationPolicy.from_json):
        with pytest.raises(kreditor.InvalidArgument):
            parse("{not json")
    with pytest.raises(kreditor.InvalidArgument):
        kreditor.RecommendationPolicy.from_json('{"grades": [], "surprise": 1}')
