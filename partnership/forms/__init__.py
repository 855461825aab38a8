"""The chairs' and partners' forms, one module per area."""
