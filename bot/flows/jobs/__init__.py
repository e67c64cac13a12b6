"""Scheduled work: the reminder sweep and retention, safe to run twice, failures caught per item."""
