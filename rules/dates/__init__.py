"""Built-in dates rules (one module a rule)."""
