"""The Meldcode bot: the Dutch meldcode huiselijk geweld en kindermishandeling, run in Slack."""
