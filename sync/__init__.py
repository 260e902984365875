"""Sync between the counter and the provincial hub: the shared wire format and its two ends."""
