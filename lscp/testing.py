"""Shared test vocabulary."""

# The roles every access test checks, in the order of its status columns.
ROLES = ("anonymous", "manager", "chair", "partner", "delegate", "outsider")
