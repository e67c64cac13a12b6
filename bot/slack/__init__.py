"""The Slack adapter: the Bolt app, its server, ids and payload shapes, listeners, Block Kit views, transport."""
