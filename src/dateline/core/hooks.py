"""A hook: where an app lets the apps above it add to what it does, without importing them.

account_deleted = Hook("function(user, *, actor)")
account_deleted.register(delete_comments)   # in the higher app's AppConfig.ready()
account_deleted.call(user, actor=moderator)  # in the lower app's action
"""


class Hook:
    def __init__(self, signature: str):
        self.signature = signature  # what a registered function is called with
        self.functions = []

    def register(self, function):
        """Add `function` (once, however often the app registry is readied)."""
        if function not in self.functions:
            self.functions.append(function)
        return function

    def call(self, *args, **kwargs) -> list:
        """Call every registered function; their answers in the order they registered."""
        return [function(*args, **kwargs) for function in self.functions]
