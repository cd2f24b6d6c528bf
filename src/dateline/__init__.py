"""dateline: a self-hosted news platform whose reader comments are screened before they post."""
