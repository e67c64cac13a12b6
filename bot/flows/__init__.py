"""The meldcode process, platform-neutral: nothing here imports Slack."""
