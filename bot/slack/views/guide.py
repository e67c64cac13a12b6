"""`/meldcode help` in Slack: the five steps and the afwegingskader, in one read-only modal."""

from __future__ import annotations

from slack_sdk.models.blocks import Block, DividerBlock
from slack_sdk.models.views import View

from bot.catalogue import t
from bot.documents.dialogs import Form
from bot.documents.guide import framework_questions, steps
from bot.slack.views.common import context, modal, mrkdwn


def guide_modal() -> View:
    blocks: list[Block] = [
        mrkdwn(t("guide_intro")),
        mrkdwn(steps()),
        DividerBlock(),
        mrkdwn(t("guide_framework_head")),
        *(mrkdwn(question) for question in framework_questions()),
        DividerBlock(),
        context(t("guide_more")),
    ]
    return modal(Form.INFO, t("guide_title"), blocks)
