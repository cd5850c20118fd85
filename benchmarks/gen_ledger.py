#!/usr/bin/python3
"""Writes a deterministic synthetic ledger directory for `kreditor run` load tests.

    gen_ledger.py N_INVOICES OUT_DIR [--as-of YYYY-MM-DD]

Same arguments, same bytes: a 64-bit LCG (not Python's `random`, whose algorithms may change)
drives every choice. Customers are spread over NO/SE/DK/FI/DE in their currencies, B2B and
B2C; invoices are issued over the 300 days before the as-of date; about 60 % are paid in full,
10 % in part and the rest are open, some not yet due; a few customers have disputes,
promises and holds. Only the standard library is used.
"""
import datetime
import os
import sys

COUNTRIES = [  # country, currency, terms, weight
    ("NO", "NOK", "30 dager netto", 4),
    ("SE", "SEK", "30 dagar netto", 3),
    ("DK", "DKK", "netto 30 dage", 2),
    ("FI", "EUR", "14 päivää netto", 1),
    ("DE", "EUR", "net 30", 1),
]


class Lcg:
    """Knuth's MMIX LCG; the high bits are used."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFFFFFFFFFF

    def below(self, n):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return (self.state >> 33) % n


def main(argv):
    if len(argv) not in (3, 5) or (len(argv) == 5 and argv[3] != "--as-of"):
        sys.exit(__doc__)
    n = int(argv[1])
    out = argv[2]
    as_of = datetime.date.fromisoformat(argv[4] if len(argv) == 5 else "2026-11-20")
    os.makedirs(out, exist_ok=True)
    rng = Lcg(20261120)
    n_customers = max(1, n // 20)
    weights = [c for c in COUNTRIES for _ in range(c[3])]
    customers = []
    with open(os.path.join(out, "customers.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("customer_id,name,country,segment,currency,credit_limit,terms,org_number,email,"
                "account_manager,flags\n")
        for i in range(n_customers):
            country, cur, terms, _ = weights[rng.below(len(weights))]
            seg = "b2c" if rng.below(3) == 0 else "b2b"
            limit = (rng.below(50) + 1) * (2000 if seg == "b2c" else 20000)
            cid = "C%07d" % i
            customers.append((cid, cur, terms))
            name = ("Kunde %d AS" % i) if seg == "b2b" else ("Person %d" % i)
            f.write("%s,%s,%s,%s,%s,%d.00,%s,,,,\n" % (cid, name, country, seg, cur, limit, terms))
    start = as_of - datetime.timedelta(days=300)
    day_strings = [(start + datetime.timedelta(days=d)).isoformat() for d in range(0, 400)]
    events = []
    inv_lines = []
    pay_lines = []
    pid = 0
    for i in range(n):
        cid, cur, terms = customers[rng.below(n_customers)]
        issue = rng.below(300)
        net = 14 if "14" in terms else 30
        iid = "INV%08d" % i
        minor = (rng.below(5000) + 1) * 100 + rng.below(100)
        amount = "%d.%02d" % (minor // 100, minor % 100)
        due = day_strings[issue + net] if rng.below(5) else ""  # a fifth from the terms
        inv_lines.append("%s,%s,%s,%s,%s,%s,,\n" % (iid, cid, day_strings[issue], due, cur, amount))
        fate = rng.below(10)
        if fate < 7 and issue + net - 10 < 300:  # paid, in full or (one in seven) in part
            paid_day = min(299, issue + net - 10 + rng.below(40))
            paid = minor if fate < 6 else minor // 2
            pid += 1
            pay_lines.append("P%08d,%s,%s,%s,%d.%02d,,%s\n" % (
                pid, cid, day_strings[paid_day], cur, paid // 100, paid % 100,
                iid if rng.below(4) else ""))
        elif fate == 9 and rng.below(50) == 0:
            kind = ("dispute_opened", "promise_to_pay", "hold")[rng.below(3)]
            d = min(299, issue + net + 5)
            details = "until=%s" % day_strings[d + 20] if kind == "promise_to_pay" else ""
            events.append("%s,%s,%s,%s,%s\n" % (day_strings[d], cid, iid if kind != "hold" else "",
                                               kind, details))
    with open(os.path.join(out, "invoices.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("invoice_id,customer_id,issue_date,due_date,currency,amount,terms,reference\n")
        f.writelines(inv_lines)
    with open(os.path.join(out, "payments.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("payment_id,customer_id,date,currency,amount,reference,invoice_id\n")
        f.writelines(pay_lines)
    with open(os.path.join(out, "events.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("date,customer_id,invoice_id,event,details\n")
        f.writelines(events)
    with open(os.path.join(out, "ledger.json"), "w", encoding="utf-8") as f:
        f.write('{"as_of": "%s"}\n' % as_of.isoformat())
    print("%s: %d customers, %d invoices, %d payments, %d events" % (
        out, n_customers, n, len(pay_lines), len(events)))


if __name__ == "__main__":
    main(sys.argv)
