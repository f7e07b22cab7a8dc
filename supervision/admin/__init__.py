"""The supervision admin: forum sessions, recording items from other channels, rounds, recommendations,
and the figures of the cycle. Registered in supervision/wagtail_hooks.py."""
