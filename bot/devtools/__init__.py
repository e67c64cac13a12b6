"""Offline stand-ins for Slack, used by `meldbot demo` and the test suite."""
