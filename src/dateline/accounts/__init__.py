"""Reader and staff accounts whose display names cannot be impersonated."""
