"""Notebook-style: the sample ledger in pandas, the daily run, today's commands as a DataFrame.

Each `# %%` cell runs as a notebook cell (VS Code, Jupyter's jupytext) or top to bottom:
    PYTHONPATH=build/dev/python python3 examples/python/daily_commands.py
"""

# %% Load the ledger's CSV files into pandas (money as Decimal, never float)
import pathlib

import pandas as pd

import kreditor
import kreditor.pandas as kp

sample = pathlib.Path(__file__).resolve().parents[1] / "sample_ledger"
frames = kp.ledger_frames(str(sample))
print({name: len(frame) for name, frame in frames.items()})
print(frames["invoices"].head())

# %% Hand the frames to the library's loader and run the day
ledger = kp.ledger_from_frames(**frames, as_of=kreditor.Ledger.load(str(sample)).as_of)
report = kreditor.make_report(ledger)
print(report)

# %% Today's commands: what to send to whom, with the payment reference and the total
commands = kp.commands_frame(report)
with pd.option_context("display.width", 200, "display.max_columns", 20):
    print(commands[["customer_id", "invoice_id", "command", "step", "deadline", "total", "currency", "email",
                    "reference"]].to_string(index=False))

# %% Totals per command and currency
print(commands.groupby(["command", "currency"])["total"].agg(["count", "sum"]))

# %% Customers the run puts on hold or over their limit
customers = kp.customers_frame(report)
print(customers[customers.credit_hold | customers.over_limit][["customer_id", "name", "open", "overdue",
                                                                "exposure_total", "credit_limit"]])
