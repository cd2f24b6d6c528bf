"""What apps above accounts add to an account's life, registered at app-ready time.

Accounts never imports those apps: comments, for one, registers in its AppConfig.ready()
how a deleted account's comments become tombstones and what it adds to a data download.
"""

from dateline.core.hooks import Hook

# Run in the transaction that deletes the account.
account_deleted = Hook("function(user, *, actor)")
# Each answer is merged into the reader's data download.
data_export = Hook("function(user) -> dict")


def exported_data(user):
    data = {}
    for part in data_export.call(user):
        data.update(part)
    return data


# Run in the transaction where a reader claims an imported writer's profile: the apps
# above move what the profile wrote to the reader.
imported_profile_claimed = Hook("function(profile, *, reader)")
