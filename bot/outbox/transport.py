"""What the outbox needs from a platform: send, rewrite, look up, and say what kind of failure it met."""

from __future__ import annotations

from typing import Any, Protocol

# Where a sent message is on its platform, to rewrite it or to prove it arrived. Opaque to the
# outbox: each transport writes and reads its own (Slack's: "<channel>:<ts>").
Address = str


class Busy(Exception):
    """The platform asks to wait this long before the next message to this person."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"busy for {seconds} s")
        self.seconds = seconds


class SendFailed(Exception):
    """A send that did not (knowingly) succeed.

    `reason` is short and holds no message content. `answered`: the platform answered with a
    refusal, so nothing arrived; without an answer (a 5xx, a dropped connection) it may have.
    `permanent`: no retry can mend it. `unreachable`: the person cannot be reached at all.
    """

    def __init__(self, reason: str, *, answered: bool, permanent: bool = False, unreachable: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.answered = answered
        self.permanent = permanent
        self.unreachable = unreachable


class Transport(Protocol):
    def draw(self, kind: str, payload: dict[str, Any]) -> object:
        """The message of this kind as the platform shows it. Raises on a kind it cannot draw (a
        bug, or a kind a newer release wrote): no retry mends that."""
        ...

    async def send(self, recipient: str, drawn: object, outbox_id: int) -> Address:
        """Post a new message to the person, carrying `outbox_id` so that `find` can see it later."""
        ...

    async def rewrite(self, address: Address, drawn: object) -> None:
        """Change a message already sent, in place."""
        ...

    async def find(self, recipient: str, outbox_id: int) -> Address | None:
        """Where the message with this outbox id is, if the platform has it (an earlier attempt's
        answer was lost, or its process died mid-send)."""
        ...
