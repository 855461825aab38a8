"""Writes that are workflows, one module per area. The registry's are re-exported here."""

from .registry import create_meeting, expected_members, prefill_register, save_meeting_with_register

__all__ = ["create_meeting", "expected_members", "prefill_register", "save_meeting_with_register"]
