"""Screening: rules and local models judge every comment publish, hold or reject."""
