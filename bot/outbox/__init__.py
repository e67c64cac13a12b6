"""The outbox: every message the bot sends, delivered once, in order per person, whatever the platform does."""
