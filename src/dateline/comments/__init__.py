"""Threaded reader comments; every write goes through comments.actions."""
