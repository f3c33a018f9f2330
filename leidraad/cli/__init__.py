"""The `leidraad` command line: one module per command group."""
