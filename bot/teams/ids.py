"""How storage names this platform, and where Teams posts its activities."""

PLATFORM = "teams"
MESSAGES_PATH = "/api/messages"
