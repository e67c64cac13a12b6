"""How storage names this platform, and where Teams posts its activities."""

PLATFORM = "teams"
DISPLAY_NAME = "Teams"  # as its users name it, in the bot's sentences
MESSAGES_PATH = "/api/messages"
