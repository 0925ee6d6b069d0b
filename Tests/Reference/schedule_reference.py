#!/usr/bin/env python3
"""Independent reference schedules for LoanMath's tests.

Written from the textbook definitions in shared/DOMAIN.md, not from the Swift code: the level
instalment comes from numpy-financial's `pmt` (an independent library), each period's interest is
`opening balance x annual rate x year fraction` in Python's exact Decimal, rounded half-up to the
paisa, and the last instalment clears the balance. Run:

    pip install numpy-financial && python3 Tests/Reference/schedule_reference.py > Tests/LoanMathTests/Fixtures/reference-schedules.json
"""
import json
import calendar
from datetime import date, timedelta
from decimal import Decimal as D, ROUND_HALF_UP, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN
from fractions import Fraction

import numpy_financial as npf

MODES = {"half-up": ROUND_HALF_UP, "half-even": ROUND_HALF_EVEN, "up": ROUND_CEILING, "down": ROUND_FLOOR}
PER_YEAR = {"weekly": 52, "fortnightly": 26, "monthly": 12, "quarterly": 4, "half-yearly": 2, "yearly": 1}
MONTHS = {"monthly": 1, "quarterly": 3, "half-yearly": 6, "yearly": 12}


def add_months(d, months, anchor):
    total = d.year * 12 + d.month - 1 + months
    y, m = divmod(total, 12)
    m += 1
    return date(y, m, min(anchor, calendar.monthrange(y, m)[1]))


def nth_due(first, k, freq, anchor):
    if freq in MONTHS:
        return add_months(first, MONTHS[freq] * k, anchor)
    return first + timedelta(days=(7 if freq == "weekly" else 14) * k)


def days360(a, b):
    d1 = min(a.day, 30)
    d2 = 30 if (b.day == 31 and d1 >= 30) else b.day
    return 360 * (b.year - a.year) + 30 * (b.month - a.month) + (d2 - d1)


def fraction(a, b, day_count):
    if day_count == "30/360":
        return Fraction(days360(a, b), 360)
    if day_count == "actual/actual":
        total, cur = Fraction(0), a
        while cur < b:
            stop = min(date(cur.year + 1, 1, 1), b)
            total += Fraction((stop - cur).days, 366 if calendar.isleap(cur.year) else 365)
            cur = stop
        return total
    basis = int(day_count.split("/")[1])
    return Fraction((b - a).days, basis)


def round_fraction(exact, mode):
    # exact Fraction of rupees -> Decimal paise with the named mode (no binary floating point)
    scaled = exact * 100
    q, r = divmod(scaled.numerator, scaled.denominator)
    if r:
        twice = 2 * r
        if mode == "up" or (mode == "half-up" and twice >= scaled.denominator) or \
                (mode == "half-even" and (twice > scaled.denominator or (twice == scaled.denominator and q % 2))):
            q += 1
    return D(q) / 100


def unit_round(value, unit, mode):
    step = D("0.01") if unit == "paise" else D(1) if unit == "rupee" else D(unit)
    return (D(value) / step).quantize(D(1), rounding=MODES[mode]) * step


def schedule(case):
    P = D(case["principal"])
    r = Fraction(D(case["rate"].rstrip("%"))) / 100
    n = case["tenure"]
    freq = case.get("frequency", "monthly")
    k = PER_YEAR[freq]
    dc = case.get("day_count", "30/360")
    disb = date.fromisoformat(case["disbursement_date"])
    anchor = date.fromisoformat(case["first_due_date"]).day if "first_due_date" in case else disb.day
    first = date.fromisoformat(case["first_due_date"]) if "first_due_date" in case else nth_due(disb, 1, freq, anchor)
    dues = [nth_due(first, j, freq, anchor) for j in range(n)]
    regular_start = nth_due(first, -1, freq, anchor)
    unit = case.get("installment_unit", "paise")
    mode = case.get("installment_mode", "half-up")
    amort = case.get("amortization", "equal-installment")
    mor_p = case.get("moratorium_principal", 0)
    mor_i = case.get("moratorium_interest", 0)
    deferred_rule = case.get("deferred_interest", "capitalise")

    def frac_of(j):
        start = disb if j == 0 else dues[j - 1]
        if dc == "30/360" and (j > 0 or start == regular_start):
            return Fraction(1, k)
        return fraction(start, dues[j], dc)

    regular_first = Fraction(1, k) if dc == "30/360" else fraction(regular_start, dues[0], dc)
    rows, bal = [], P
    deferred, collect = D(0), D(0)
    for j in range(mor_p):
        accrued = round_fraction(Fraction(bal) * r * frac_of(j), "half-up")
        cap, charged = D(0), D(0)
        if j < mor_i:
            deferred += accrued
            if j == mor_i - 1:
                if deferred_rule == "capitalise":
                    cap = deferred
                elif deferred_rule == "collect-with-first":
                    collect = deferred
        else:
            charged, collect = accrued + collect, D(0)
        opening = bal
        bal = bal + cap
        rows.append((j, opening, D(0), charged, bal))
    na = n - mor_p
    i = float(r) / k
    if amort == "equal-installment":
        level = unit_round(npf.pmt(i, na, -float(bal)), unit, mode)
    elif amort == "balloon":
        level = unit_round(npf.pmt(i, na, -float(bal), float(case["balloon"])), unit, mode)
    elif amort == "equal-principal":
        level = unit_round(round_fraction(Fraction(bal) / na, mode), unit, mode)
    for jj in range(na):
        j = mor_p + jj
        interest = round_fraction(Fraction(bal) * r * frac_of(j), "half-up")
        for_principal = round_fraction(Fraction(bal) * r * regular_first, "half-up") if j == 0 else interest
        if jj == na - 1:
            principal = bal
        elif amort in ("equal-installment", "balloon"):
            principal = level - for_principal
        elif amort == "equal-principal":
            principal = level
        else:  # interest-only
            principal = D(0)
        charged = interest + (collect if jj == 0 else D(0))
        opening = bal
        bal -= principal
        rows.append((j, opening, principal, charged, bal))
    out_rows = [{"number": j + 1, "due_date": dues[j].isoformat(), "opening_balance": str(o),
                 "principal": str(p), "interest": str(it), "total": str(p + it), "closing_balance": str(c)}
                for (j, o, p, it, c) in rows]
    return {"case": case, "rows": out_rows}


def flat(case):
    P = D(case["principal"])
    r = Fraction(D(case["rate"].rstrip("%"))) / 100
    n = case["tenure"]
    k = PER_YEAR[case.get("frequency", "monthly")]
    I = round_fraction(Fraction(P) * r * Fraction(n, k), "half-up")
    emi = unit_round(round_fraction((Fraction(P) + Fraction(I)) / n, "half-up"), case.get("installment_unit", "paise"), "half-up")
    digits = n * (n + 1) // 2
    rows, bal, left = [], P, I
    for j in range(n):
        if j == n - 1:
            it, pr = left, bal
        else:
            share = Fraction(n - j, digits) if case["method"] == "rule-of-78" else Fraction(1, n)
            it = round_fraction(Fraction(I) * share, "half-up")
            pr = emi - it
        left -= it
        o = bal
        bal -= pr
        rows.append({"number": j + 1, "opening_balance": str(o), "principal": str(pr), "interest": str(it),
                     "total": str(pr + it), "closing_balance": str(bal)})
    return {"case": case, "total_interest": str(I), "installment": str(emi), "rows": rows}


CASES = [
    {"name": "personal-36m-30-360", "principal": "500000", "rate": "10.5%", "tenure": 36, "disbursement_date": "2026-01-10"},
    {"name": "home-240m-actual-365", "principal": "5000000", "rate": "8.5%", "tenure": 240, "day_count": "actual/365",
     "disbursement_date": "2026-03-05", "first_due_date": "2026-04-05"},
    {"name": "broken-period-30-360", "principal": "300000", "rate": "13%", "tenure": 24,
     "disbursement_date": "2026-01-20", "first_due_date": "2026-03-05"},
    {"name": "month-end-anchor", "principal": "200000", "rate": "12%", "tenure": 14, "disbursement_date": "2027-12-31",
     "day_count": "actual/actual"},
    {"name": "mfi-weekly-actual-365", "principal": "40000", "rate": "24%", "tenure": 52, "frequency": "weekly",
     "day_count": "actual/365", "disbursement_date": "2026-02-02", "installment_unit": "rupee"},
    {"name": "quarterly-rupee-up", "principal": "1200000", "rate": "11.25%", "tenure": 20, "frequency": "quarterly",
     "disbursement_date": "2026-04-01", "installment_unit": "10", "installment_mode": "up"},
    {"name": "balloon-vehicle", "principal": "800000", "rate": "9.75%", "tenure": 48, "amortization": "balloon",
     "balloon": "200000", "disbursement_date": "2026-06-15"},
    {"name": "equal-principal-msme", "principal": "1000000", "rate": "12%", "tenure": 24, "amortization": "equal-principal",
     "disbursement_date": "2026-05-10", "day_count": "actual/365"},
    {"name": "interest-only-gold", "principal": "150000", "rate": "9%", "tenure": 12, "amortization": "interest-only",
     "disbursement_date": "2026-07-01"},
    {"name": "moratorium-capitalise", "principal": "2000000", "rate": "12%", "tenure": 60, "moratorium_principal": 6,
     "moratorium_interest": 3, "deferred_interest": "capitalise", "disbursement_date": "2026-01-15"},
    {"name": "moratorium-collect", "principal": "2000000", "rate": "12%", "tenure": 60, "moratorium_principal": 6,
     "moratorium_interest": 3, "deferred_interest": "collect-with-first", "disbursement_date": "2026-01-15"},
    {"name": "moratorium-waive", "principal": "2000000", "rate": "12%", "tenure": 60, "moratorium_principal": 6,
     "moratorium_interest": 6, "deferred_interest": "waive", "disbursement_date": "2026-01-15"},
]

FLAT_CASES = [
    {"name": "flat-12m", "method": "flat", "principal": "100000", "rate": "12%", "tenure": 12, "disbursement_date": "2026-01-01"},
    {"name": "rule-of-78-12m", "method": "rule-of-78", "principal": "100000", "rate": "12%", "tenure": 12, "disbursement_date": "2026-01-01"},
    {"name": "flat-weekly-mfi", "method": "flat", "principal": "30000", "rate": "20%", "tenure": 50, "frequency": "weekly",
     "disbursement_date": "2026-01-05", "installment_unit": "rupee"},
]

if __name__ == "__main__":
    print(json.dumps({"reducing": [schedule(c) for c in CASES], "flat": [flat(c) for c in FLAT_CASES]}, indent=1))
