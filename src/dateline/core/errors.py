"""Refusals as a person reads them."""


def first_message(error):
    """The first message of a ValidationError, or the text of any other refusal."""
    return error.messages[0] if hasattr(error, "messages") else str(error)
