"""What apps above accounts add to an account's life, registered at app-ready time.

Accounts never imports those apps: comments, for one, registers in its AppConfig.ready()
how a deleted account's comments become tombstones and what it adds to a data download.
"""

_on_delete = []
_data = []


def on_account_delete(function):
    """Register `function(user, *, actor)`, run in the transaction that deletes `user`."""
    if function not in _on_delete:
        _on_delete.append(function)
    return function


def on_data_export(function):
    """Register `function(user) -> dict`, merged into the reader's data download."""
    if function not in _data:
        _data.append(function)
    return function


def account_deleted(user, *, actor):
    for function in _on_delete:
        function(user, actor=actor)


def exported_data(user):
    data = {}
    for function in _data:
        data.update(function(user))
    return data
