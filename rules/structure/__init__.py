"""Built-in structure rules (one module a rule)."""
