from sqlalchemy import func, select

from bot.devtools.local import LocalSlack
from storage.models import Case, Signal
from tests.conftest import COORDINATOR, TEACHER
from tests.e2e.steps import register


def test_teacher_registers_and_coordinator_opens(slack: LocalSlack) -> None:
    response = register(slack.driver, TEACHER)
    assert response.status == 200, response.text
    assert response.json["response_action"] == "update"
    with slack.services.db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Case)) == 1
        assert session.scalar(select(func.count()).select_from(Signal)) == 1
    assert slack.fake.client(COORDINATOR).messages, slack.fake.calls
    slack.driver.click_in_messages(COORDINATOR, "open_case")
    print(slack.fake.top_modal(COORDINATOR))
