"""The case as a modal: the full dossier for those who may see it, the status for its reporter."""

from __future__ import annotations

from slack_sdk.models.blocks import Block, DividerBlock, HeaderBlock, PlainTextObject
from slack_sdk.models.views import View

from bot.flows.dossier import DossierView, SignalView, StatusView
from bot.flows.vocabulary import SignalSource
from bot.ids import Callback
from bot.texts import t
from bot.views.common import MAX_MODAL_BLOCKS, context, modal, mrkdwn, plain, show_date
from bot.views.registration import AGE_KEYS, CATEGORY_KEYS

# Room kept free at the end of the dossier for the "more signals" notice.
_RESERVED_BLOCKS = 2


def state_text(state: str) -> str:
    return t(f"state_{state}")


def case_modal(view: DossierView | StatusView) -> View:
    if isinstance(view, StatusView):
        return status_modal(view)
    return dossier_modal(view)


def status_modal(view: StatusView) -> View:
    blocks: list[Block] = [
        mrkdwn(
            t("status_text", reference=view.reference, state=state_text(view.state), date=show_date(view.created_at))
        ),
        context(t("status_private")),
    ]
    return modal(Callback.INFO, view.reference, blocks)


def dossier_modal(view: DossierView) -> View:
    blocks: list[Block] = [
        HeaderBlock(text=PlainTextObject(text=view.reference)),
        context(
            t(
                "dossier_meta",
                school=view.school_name,
                route=t(f"route_label_{view.route}"),
                reporter_id=view.reporter_id,
                date=show_date(view.created_at),
            )
        ),
        mrkdwn(t("dossier_state", state=state_text(view.state))),
    ]
    if view.acute:
        blocks.append(mrkdwn(t("dossier_acute")))
    if view.pupil_name:
        age = t(AGE_KEYS[view.age_band]) if view.age_band else "?"
        blocks += plain(f"{view.pupil_name}, {view.pupil_group} ({age})")
    else:
        blocks.append(context(t("dossier_no_pupil")))
    if view.signals:
        blocks += [
            DividerBlock(),
            HeaderBlock(text=PlainTextObject(text=t("dossier_signals", count=len(view.signals)))),
        ]
    # Newest first: when a long dossier does not fit one modal, the oldest signals are left out
    # with a notice (they stay in the database and the export).
    shown = 0
    numbered = list(enumerate(view.signals, start=1))
    for number, signal in reversed(numbered):
        rendered = _signal_blocks(number, signal)
        if len(blocks) + len(rendered) > MAX_MODAL_BLOCKS - _RESERVED_BLOCKS:
            break
        blocks += rendered
        shown += 1
    if shown < len(view.signals):
        blocks.append(context(t("dossier_more", count=len(view.signals) - shown)))
    return modal(Callback.INFO, view.reference, blocks)


def _signal_blocks(number: int, signal: SignalView) -> list[Block]:
    categories = ", ".join(t(CATEGORY_KEYS[c]) for c in signal.categories)
    blocks: list[Block] = [
        DividerBlock(),
        mrkdwn(t("dossier_signal_head", number=number, date=show_date(signal.observed_on), categories=categories)),
        *plain(signal.observed),
        *plain(t("dossier_location", location=signal.location)),
    ]
    if signal.source is SignalSource.TOLD_BY_OTHER:
        blocks += plain(t("dossier_source_told", who=signal.source_detail))
    else:
        blocks.append(context(t("dossier_source_own")))
    if signal.counter_facts:
        blocks += [context(t("dossier_counter_facts")), *plain(signal.counter_facts)]
    blocks.append(
        context(t("dossier_signal_meta", reporter_id=signal.reporter_id, recorded=show_date(signal.recorded_at)))
    )
    return blocks
