"""The Microsoft Teams adapter (issue 15, under way): the same flows, documents and outbox as Slack's.

Built on the Teams SDK for Python (`microsoft-teams-apps`), embedded in the bot's own HTTP server
(bot.server): the SDK validates the Bot Connector's tokens and routes each activity; nothing here
imports the Slack adapter, nor it this. Importing the SDK loads a `.env` file from the working
directory into the environment (python-dotenv), as the bot's own settings read it anyway; the SDK's
options are always passed explicitly, never taken from its generic variables (CLIENT_ID, …).
"""

import warnings

# The SDK announces its preview parts (which the bot does not use) when imported; a school's
# operator would read that as a problem of the bot.
warnings.filterwarnings("ignore", message="HtmlWidgetSecurityPolicy is in preview")
