"""The newsroom: Wagtail page types for articles, blogs, topic hubs, and their feeds."""
