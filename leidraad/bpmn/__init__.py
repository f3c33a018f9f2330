"""BPMN 2.0 XML: shared XML helpers, the exporter (document and diagram interchange) and the safe importer."""
