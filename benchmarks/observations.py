"""Benchmark: the data set import at scale (issue 12, "import 50,000 observations in under 30 s").

A CSV file of 50,000 observations is generated in memory: the demo's real indicators (the 2022/23 report's children and
young people data, and the LADO and child death review figures counted by category) × the 33 London boroughs × monthly
periods × each indicator's categories. It is read by `lscp.spreadsheets.read_spreadsheet` and imported by
`audits.services.dataset_import.import_observations` under a user, as the data set's import page does: (a) into an empty
data set, every row a new value; (b) the same file again with every value changed, every row an update of the value
already there. Prints the time of each (file read included), PASS/FAIL against 30 seconds and the machine's load average
(the machine may be shared), and checks that the database holds exactly the file's values, with a history row under that
user for each change.

Run it with `make benchmark-observations` (a throwaway PostgreSQL), or with any PostgreSQL DATABASE_URL: it creates
and drops its own test database, so it never touches real records.
"""

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMPORT_TARGET_SECONDS = 30
HEADINGS = "Indicator,Borough code,Period,Category,Value,London,England"
LONDON_BOROUGHS = [
    "Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "City of London", "Croydon", "Ealing",
    "Enfield", "Greenwich", "Hackney", "Hammersmith and Fulham", "Haringey", "Harrow", "Havering", "Hillingdon",
    "Hounslow", "Islington", "Kensington and Chelsea", "Kingston upon Thames", "Lambeth", "Lewisham", "Merton",
    "Newham", "Redbridge", "Richmond upon Thames", "Southwark", "Sutton", "Tower Hamlets", "Waltham Forest",
    "Wandsworth", "Westminster",
]  # fmt: skip


def _make_data_set():
    """The demo's indicators and their categories, and the London boroughs; (indicator, categories) pairs."""
    import runpy

    from audits.models import Indicator, IndicatorCategory
    from partnership.models import LocalAuthority

    data = runpy.run_path(str(ROOT / "audits" / "demo" / "dataset_data.py"))
    plain = [
        Indicator.objects.create(name=name, unit=unit, source=source) for name, unit, source, *_ in data["INDICATORS"]
    ]
    counted = []
    for name, source, _definition, names, _counts in data["COUNTED_BY_CATEGORY"]:
        indicator = Indicator.objects.create(name=name, unit="count", source=source)
        counted.append(
            (
                indicator,
                [
                    IndicatorCategory.objects.create(indicator=indicator, name=category, order=order)
                    for order, category in enumerate(names)
                ],
            )
        )
    boroughs = [
        LocalAuthority.objects.create(name=name, code="".join(word[0] for word in name.split()).upper() + str(n))
        for n, name in enumerate(LONDON_BOROUGHS)
    ]
    return [(indicator, [None]) for indicator in plain] + counted, boroughs


def _months(count):
    """`count` months, the latest March 2023, as the import writes them ("March 2023")."""
    year, month = 2023, 3
    for _ in range(count):
        yield date(year, month, 1).strftime("%B %Y")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)


def _csv(indicators, boroughs, rows_wanted, shift):
    """The file's bytes; `shift` changes every value (a re-import with new figures)."""
    per_month = len(boroughs) * sum(len(categories) for _, categories in indicators)
    lines, number = [HEADINGS], 0
    for period in _months(-(-rows_wanted // per_month)):
        for indicator, categories in indicators:
            percentage = indicator.unit == "percentage"
            for borough in boroughs:
                for category in categories:
                    if number == rows_wanted:
                        break
                    value = (number % 97) + shift if percentage else number % 5000 + shift
                    london = "25.8" if percentage else "2120"
                    lines.append(
                        f'"{indicator.name}",{borough.code},{period},"{category.name if category else ""}",'
                        f"{value},{london},"
                    )
                    number += 1
    return ("\n".join(lines) + "\n").encode()


def _import(content, by):
    from audits.services.dataset_import import import_observations
    from lscp.spreadsheets import read_spreadsheet

    def run():
        return import_observations(sheet=read_spreadsheet(content, "csv"), by=by)

    began = time.perf_counter()
    if os.environ.get("BENCHMARK_PROFILE"):
        import cProfile

        profiler = cProfile.Profile()
        result = profiler.runcall(run)
        profiler.dump_stats(os.environ["BENCHMARK_PROFILE"])
    else:
        result = run()
    return result, time.perf_counter() - began


def _values_are_the_files(content):
    """Every row of the file is in the database as written (indicator, borough, period, category, value, London)."""
    import csv
    import io

    from audits.models import Observation
    from audits.services.dataset_import import parse_number, parse_period

    expected = set()
    for indicator, code, period, category, value, london, _england in list(csv.reader(io.StringIO(content.decode())))[
        1:
    ]:
        kind, start = parse_period(period)
        expected.add((indicator, code, kind, start, category, parse_number(value), parse_number(london)))
    stored = {
        (indicator, code, kind, start, category or "", value, london)
        for indicator, code, kind, start, category, value, london in Observation.objects.values_list(
            "indicator__name", "borough__code", "period_kind", "period_start", "category__name", "value", "london"
        )
    }
    return stored == expected


def observations_import(*, rows_wanted):
    """Returns True if both imports are right and under the target."""
    from django.contrib.auth import get_user_model

    from audits.models import Observation

    indicators, boroughs = _make_data_set()
    manager = get_user_model().objects.create(username="benchmark-manager")
    ok = True
    for part, shift, what in (("a", 0, "new"), ("b", 1, "update")):
        content = _csv(indicators, boroughs, rows_wanted, shift)
        load_before = os.getloadavg()[0]
        result, elapsed = _import(content, manager)
        problems = result.problems
        totals = {"new": result.new, "update": result.updated, "skip": result.unchanged}
        stored = Observation.objects.count()
        histories = Observation.history.filter(history_type="+" if shift == 0 else "~", history_user=manager).count()
        right = (
            not problems
            and totals[what] == rows_wanted
            and stored == rows_wanted
            and histories == rows_wanted
            and _values_are_the_files(content)
        )
        passed = right and elapsed < IMPORT_TARGET_SECONDS
        ok = ok and passed
        label = "into an empty data set" if shift == 0 else "again, every value changed"
        print(f"({part}) Import of {rows_wanted:,} observations {label} (CSV, {len(content) / 1e6:.1f} MB)")
        if problems:
            print(f"    refused: {problems[:3]}")
        print(
            f"    {elapsed:.2f} s: {totals['new']:,} new, {totals['update']:,} updated, {totals['skip']:,} unchanged; "
            f"{stored:,} observations and {histories:,} history rows of this kind in the database"
        )
        print(f"    database holds exactly the file's values: {'yes' if right else 'NO'}")
        print(f"    under {IMPORT_TARGET_SECONDS} s: {'PASS' if passed else 'FAIL'}")
        print(f"    load average (1 min) before / after: {load_before:.1f} / {os.getloadavg()[0]:.1f}")
    load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
    print(f"    machine load average (1, 5, 15 min) after the imports: {load}")
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=50_000)
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lscp.settings")
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_databases, setup_test_environment, teardown_databases

    if connection.vendor != "postgresql":
        raise SystemExit("The observations benchmark needs PostgreSQL: run it with `make benchmark-observations`.")
    setup_test_environment()
    old_config = setup_databases(verbosity=0, interactive=False, keepdb=False)
    try:
        ok = observations_import(rows_wanted=args.rows)
    finally:
        connection.close()
        teardown_databases(old_config, verbosity=0)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
