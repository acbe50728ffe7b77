"""The case list: its Qt model and view."""
