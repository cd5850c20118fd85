"""Regenerates kreditor/_core.pyi from the built module (run after changing the bindings):

    PYTHONPATH=build/dev/python python3 bindings/python/make_stubs.py

mypy's stubgen reads pybind11's signatures; this fixes what it cannot know: the enum.Enum
mirrors (members from the runtime), static methods (signatures from their docstrings), the
errc exception classes, and the arguments and results typed py::handle / py::object in C++
(money amounts, numpy columns, Decimal results). test_typing.py checks the result with mypy.
"""

from __future__ import annotations

import ast
import enum
import pathlib
import re
import sys
import tempfile

sys.path.pop(0)  # this directory holds the package's sources, not the built module

from mypy.stubgen import main as stubgen  # noqa: E402

import kreditor._core as core  # noqa: E402

OUT = pathlib.Path(__file__).resolve().parent / "kreditor" / "_core.pyi"

# (pattern, replacement) applied to the stub text, in order.
FIXES = [
    (r"kreditor\.Error", "Error"),
    (r"numpy\.ndarray\[numpy\.(\w+)\]", r"numpy.typing.NDArray[numpy.\1]"),
    # Properties whose docstring stubgen misreads as "type: text".
    (r"def customer_ids\(self\) -> .*: \.\.\.", "def customer_ids(self) -> List[str]: ..."),
    (r"def unapplied_credit\(self\) -> Per .*: \.\.\.", "def unapplied_credit(self) -> dict[str, Money]: ..."),
    (r"def minor_units\(self\) -> Decimals.*: \.\.\.", "def minor_units(self) -> int: ..."),
    (r"def total\(self\) -> Net exposure.*: \.\.\.", "def total(self) -> Money: ..."),
    (r"def fraction\(self\) -> The rate.*: \.\.\.", "def fraction(self) -> decimal.Decimal: ..."),
    (r"def percent\(self\) -> The rate.*: \.\.\.", "def percent(self) -> decimal.Decimal: ..."),
    (r"def parts_per_billion\(self\) -> .*: \.\.\.", "def parts_per_billion(self) -> int: ..."),
    (r"def amount\(self\) -> object", "def amount(self) -> decimal.Decimal"),
    (r"def percent\(self\) -> object", "def percent(self) -> decimal.Decimal"),
    (r"def fraction\(self\) -> object", "def fraction(self) -> decimal.Decimal"),
    (r"(def __init__\(self, amount): handle", r"\1: decimal.Decimal | str | int"),
    (r"(amount|factor|credit_limit|percent|fraction): (handle|object)", r"\1: decimal.Decimal | str | int | Money"),
    (r"(invoice_day|due_day|open_minor|currency_index|traits|principal|due|end|table_index|issue|group): handle",
     r"\1: numpy.typing.ArrayLike"),
    (r"tables: object", "tables: AccrualTable | Sequence[AccrualTable]"),
    # Scoring: float64 columns and matrices (anything numpy reads), optional objects given as None.
    (r"weights: handle = \.\.\.", "weights: Optional[numpy.typing.ArrayLike] = ..."),
    (r"(x|y|score|pd): handle", r"\1: numpy.typing.ArrayLike"),
    (r"(\w+): (FinancialStatements|PaymentBehaviour|LogisticModel|RecommendationPolicy) = \.\.\.",
     r"\1: Optional[\2] = ..."),
    (r"-> tuple:", "-> tuple[numpy.typing.NDArray[numpy.int64], numpy.typing.NDArray[numpy.int32] | None, int]:"),
    (r"out: handle", "out: numpy.typing.NDArray[numpy.int64] | None"),
    (r"def accrual\((.*)\) -> object", r"def accrual(\1) -> fractions.Fraction"),
    (r"def error_class\(code: int\) -> handle", "def error_class(code: int) -> type[Error]"),
    (r"def discounts\(self\) -> list", "def discounts(self) -> list[tuple[Rate, int]]"),
    (r"def discount_deadlines\((.*)\) -> list", r"def discount_deadlines(\1) -> list[tuple[datetime.date, Rate]]"),
    (r"def payment_schedule\((.*)\) -> list", r"def payment_schedule(\1) -> list[tuple[datetime.date, Money]]"),
    (r"def categories\(self\) -> dict:", "def categories(self) -> dict[str, Money]:"),
    (r"def totals\(self\) -> dict:", "def totals(self) -> dict[str, dict[str, Money]]:"),
    (r"def (__eq__|__ne__)\(self, \w+: \w+\)", r"def \1(self, other: object)"),
    (r"-> True: \.\.\.", "-> bool: ..."),
    # Currency and Rate arguments also take their text: Money("1", "NOK"), Rate("8%").
    (r"(\w+): (Currency|Rate)(?=[,)=])", r"\1: \2 | str"),
    (r"__hash__: ClassVar\[None\] = \.\.\.", "__hash__: ClassVar[None]  # type: ignore[assignment]"),
    (r"def unapplied_credit\(self\) -> dict:", "def unapplied_credit(self) -> dict[str, Money]:"),
    (r"def evaluate\((.*)\) -> dict", r"def evaluate(\1) -> dict[str, Any]"),
    (r"def holidays\((.*)\) -> List\[Tuple\[datetime\.date,str\]\]", r"def holidays(\1) -> List[Tuple[datetime.date, str]]"),
]


def enum_block(name: str, cls: type[enum.Enum]) -> str:
    lines = [f"class {name}(enum.Enum):"]
    lines += [f"    {m.name} = {m.value!r}" for m in cls]
    return "\n".join(lines) + "\n"


def static_signature(name: str, fn: object) -> str:
    """`@staticmethod def ...` from a pybind11 docstring's first line(s)."""
    doc = (getattr(fn, "__doc__", None) or "").strip().splitlines()
    sig = doc[0] if doc else f"{name}(*args, **kwargs) -> Any"
    sig = re.sub(r"^\w+\(", f"{name}(", sig)
    sig = re.sub(r" = [^,)]+", " = ...", sig)
    sig = re.sub(r"kreditor\._core\.", "", sig)
    return f"    @staticmethod\n    def {sig}: ..."


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        stubgen(["-m", "kreditor._core", "-o", tmp])
        text = (pathlib.Path(tmp) / "kreditor" / "_core.pyi").read_text()
    blocks = re.split(r"(?m)^(?=\S)", text)
    out = []
    for block in blocks:
        m = re.match(r"class (\w+)(?:\((.*?)\))?:", block)
        if m and m.group(2) == "enum.Enum":
            out.append(enum_block(m.group(1), getattr(core, m.group(1))))
            continue
        if m and (m.group(1) == "Error" or "Error" in (m.group(2) or "")):
            cls = getattr(core, m.group(1))
            base = "ValueError" if m.group(1) == "Error" else "Error"
            code = "ClassVar[int | None]" if m.group(1) == "Error" else "ClassVar[int]"
            out.append(f"class {m.group(1)}({base}):\n    code: {code}\n")
            continue
        if m:
            cls = getattr(core, m.group(1))
            for attr, value in vars(cls).items():
                if isinstance(value, staticmethod):
                    block = re.sub(rf"    def {attr}\(self, \*args, \*\*kwargs\) -> Any: \.\.\.",
                                   static_signature(attr, value.__func__), block)
        out.append(block)
    text = "".join(out)
    for pattern, replacement in FIXES:
        text = re.sub(pattern, replacement, text)
    text = text.replace("import kreditor\n", "")
    header = ('"""Typing stubs of kreditor._core, generated by bindings/python/make_stubs.py."""\n\n'
              "import decimal\nimport fractions\nimport numpy.typing\nfrom typing import Dict, Sequence\n\n"
              "__version__: str\n")
    # A property docstring of the form "Words: more words" is read by stubgen as a return type;
    # refuse to write a stub Python cannot parse (rephrase the docstring instead).
    ast.parse(header + text, filename=str(OUT))
    OUT.write_text(header + text)
    print(f"wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
