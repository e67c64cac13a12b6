"""`meldbot export MC-2026-0001 -o file.pdf --as U0123ABCD` (and `meldbot audit report`, a pupil's
access report): the same export as in Slack, on the server.

The export runs on behalf of a coordinator or director (`--as`), so that the access policy
decides as it does in Slack and the audit trail names who asked for it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO

from bot.bootstrap import build_services
from bot.catalogue import plain, speaking, t
from bot.config import Settings
from bot.documents import pdf
from bot.flows.errors import MeldcodeError
from bot.flows.steps.export import Document, case_by_reference, export_case
from bot.flows.steps.language import Reader
from bot.slack.ids import PLATFORM

EXIT_REFUSED = 1


def export(
    settings: Settings,
    out: TextIO,
    *,
    reference: str,
    output: Path,
    user_id: str,
    school_id: str | None = None,
    document: Document = Document.DOSSIER,
    conversation: int | None = None,
) -> int:
    services = build_services(settings)
    # In the language of the person it is made for, as in Slack.
    with speaking(Reader(services, PLATFORM, user_id)):
        try:
            case_id = case_by_reference(services, reference, school_id)
            made = export_case(services, user_id, case_id, document, conversation, via="server")
            rendered = pdf.render(made)
        except MeldcodeError as error:
            print(f"meldbot export: refused: {plain(t(error.text_key, **error.values))}", file=out)
            return EXIT_REFUSED
        finally:
            services.db.dispose()
    # Readable by the owner only: the file holds the whole dossier.
    fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(rendered)
    print(f"meldbot export: wrote {output} ({pdf.filename(made)})", file=out)
    return 0
