"""The partnership's pages, one module per area (registry; actions; statements)."""
