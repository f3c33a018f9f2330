"""Content files to model: YAML with file:line for every object, the structural JSON Schemas, the loader."""
