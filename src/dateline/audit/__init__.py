"""The audit log: one row for every write a person makes through an actions module."""
