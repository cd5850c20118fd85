"""kreditor: credit risk and dunning for invoicing and accounting software.

The compiled core (``kreditor._core``, pybind11) wraps the C++ library; this package re-exports
it with Python values: dates are ``datetime.date``, money is exact (``Money("19.99", "EUR")``,
``.amount`` a ``Decimal``; a float is a ``TypeError``), closed sets are ``enum.Enum`` members,
and every error is a ``kreditor.Error`` (a ``ValueError``) whose subclass and ``code`` name the
C++ ``errc``.

    >>> import kreditor
    >>> report = kreditor.run_sample()          # the bundled sample ledger's daily run
    >>> [c.command for c in report.commands()][:2]

Submodules: ``kreditor.pandas`` (DataFrames in and out), ``kreditor.dask`` (a portfolio
partitioned by customer over a Dask cluster).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from . import _core
from ._core import (
    Agreement,
    CaseFile,
    CHF,
    Creditor,
    DKK,
    EUR,
    GBP,
    ISK,
    JPY,
    LimitationAlert,
    NOK,
    Notice,
    SEK,
    Templates,
    USD,
    AccrualTable,
    Aging,
    AgingBasis,
    AgingCustomer,
    AgingRow,
    AltmanResult,
    Book,
    BusinessDayConvention,
    Calendar,
    Characteristic,
    Claim,
    Command,
    CommandKind,
    ConditionKind,
    Conflict,
    CreditCheck,
    Currency,
    CurrencyMismatch,
    Customer,
    CustomerSummary,
    CustomerReview,
    DayCount,
    DunningBatch,
    Enforcement,
    Error,
    Event,
    EventKind,
    Exposure,
    FeeKind,
    FeeRule,
    FeeViolation,
    FinancialStatements,
    FirstInterestDay,
    GradeBand,
    InterestConvention,
    InterestPeriod,
    InterestResult,
    InternalError,
    InvalidArgument,
    Invoice,
    InvoiceFact,
    IoError,
    Jurisdiction,
    Ledger,
    LegalFeeKind,
    LegalFinding,
    LegalViolation,
    LogisticFit,
    LogisticModel,
    Money,
    MonthEnd,
    NotFound,
    OhlsonResult,
    Order,
    OutOfRange,
    Overflow,
    Payment,
    PaymentBehaviour,
    PaymentHistory,
    PaymentMethod,
    PaymentPlan,
    PlanInstallment,
    PointsScaling,
    Policy,
    PolicySet,
    PrecisionLoss,
    Rate,
    RateRow,
    RateTable,
    Reason,
    Recommendation,
    RecommendationPolicy,
    RecordedNotice,
    ReferenceType,
    RegisteredStatus,
    ReleaseCondition,
    ReleaseDecision,
    ReleaseFinding,
    ReleaseOutcome,
    ReleaseReason,
    Report,
    ReportCommand,
    ReportLine,
    ReviewAlert,
    Rounding,
    Scorecard,
    Security,
    SecurityKind,
    Segment,
    State,
    TermAnchor,
    TermKind,
    TermUnit,
    Terms,
    TimelineEvent,
    Validation,
    WoeBin,
    __version__,
    accrual,
    accrue_interest,
    add_months,
    age,
    agreement,
    auc,
    bin_characteristic,
    brier,
    can_make,
    case_file,
    check_alerts,
    check_fee,
    check_legal,
    check_reference,
    credit_checks_from_json,
    day_count_days,
    end_of_month,
    error_class,
    features,
    fee_rules,
    fit_logistic,
    format_reference,
    format_terms,
    gini,
    join_calendars,
    jurisdiction_of,
    ks,
    late_interest,
    make_book,
    make_notices,
    make_payment_plan,
    make_reference,
    make_report,
    make_scorecard,
    parse_terms,
    payment_history,
    preset_names,
    recommend,
    render_notice,
    review,
    run_sample,
    simple_interest,
    simulate,
    statutory_fee_cap,
    watch_limitation,
)

__all__ = [name for name in dir(_core) if not name.startswith("_")] + ["__version__", "money", "days"]


def money(amount: Decimal | str | int, currency: Currency | str) -> Money:
    """``Money(amount, currency)``: an exact amount from a ``Decimal``, ``str`` or ``int``.

    A ``float`` raises ``TypeError`` (it is not exact); more decimals than the currency has raise
    ``PrecisionLoss``.
    """
    return Money(amount, currency)


if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt


def days(dates: object) -> npt.NDArray[np.int32]:
    """Dates (``datetime64[D]``, ``datetime.date`` items, ISO strings) as int32 day numbers.

    The batch kernels read int32 day numbers in place; ``datetime64[D]`` columns are narrowed
    block by block on every call. Convert once with this when a column is used many times.
    """
    import numpy as np  # noqa: F811 - imported when used, not at import time

    return np.asarray(dates, dtype="datetime64[D]").astype(np.int64).astype(np.int32)
