"""Built-in narrative rules (one module a rule)."""
