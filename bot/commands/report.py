"""`meldbot report --school linde [--from 2025-08-01 --to 2026-07-31] -o evaluatie.pdf`: the interne
evaluatie of one school and period, as a PDF or (`--format csv`) a table.

It is made for whoever the school hands it to, the board included, so counts below the
threshold show as "< n" unless `--exact` asks for the school's own, exact copy.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TextIO

from bot.bootstrap import build_services
from bot.catalogue import speaking
from bot.config import Settings
from bot.documents import evaluation_pdf
from bot.documents.evaluation import as_csv, filename
from bot.flows.ports import local_today
from bot.flows.steps.evaluation import Period, evaluation_of
from bot.flows.vocabulary import Language
from bot.school_config import ConfigError


def report(
    settings: Settings,
    out: TextIO,
    *,
    school_id: str,
    first: date | None,
    last: date | None,
    output: Path | None,
    as_table: bool,
    exact: bool,
    language: Language | None,
) -> int:
    services = build_services(settings)
    try:
        school = services.directory.school(school_id)
        if school is None:
            known = ", ".join(s.id for s in services.directory.schools)
            raise ConfigError([f"report: no school '{school_id}' in the configuration (known: {known})"])
        today = local_today(services.clock).date()
        period = Period.school_year(today)
        if first is not None or last is not None:
            try:
                period = Period.of_months(first or period.first, last or period.last)
            except ValueError as error:
                raise ConfigError([f"report: {error}"]) from None
        evaluation = evaluation_of(services, school, period, exact=exact)
    finally:
        services.db.dispose()
    with speaking(language or school.language):
        if as_table:
            if output is None:
                out.write(as_csv(evaluation))  # a table to pipe on
                return 0
            output.write_text(as_csv(evaluation), encoding="utf-8")
        else:
            output = output or Path(filename(evaluation))
            output.write_bytes(evaluation_pdf.render(evaluation, today))
    small = services.directory.small_numbers
    shown = "exact counts" if exact else f"counts from 1 to {small - 1} as '< {small}'"
    print(f"meldbot report: wrote {output} ({period.first} to {period.last}, {shown})", file=out)
    return 0
