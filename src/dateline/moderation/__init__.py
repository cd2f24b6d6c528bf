"""The moderator queue and surge control."""
