"""The state one BPMN import builds up across its files, shared by the importer's passes.

The lane and message-flow passes take this object rather than the importer, so that the importer's
modules form no cycle.
"""

from __future__ import annotations

from leidraad.bpmn.draft import DraftOrganisation, DraftProcess
from leidraad.bpmn.import_elements import ImportFile


class ImportState:
    def __init__(self) -> None:
        self.warnings: list[str] = []
        self.org_ids: set[str] = set()
        self.org_names: set[str] = set()
        self.organisations: dict[tuple[str, str], DraftOrganisation] = {}
        self.process_ids: set[str] = set()
        self.processes: list[DraftProcess] = []
        self.node_of: dict[tuple[str, str], tuple[DraftProcess, str]] = {}
        self.link_out: dict[tuple[str, str], str] = {}  # our 'Naar:' events whose target is in the import
        self.link_in: set[tuple[str, str]] = set()  # our 'Van:' events whose source is in the import
        # (file, process) -> [(node, name, kind)]
        self.link_events: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
        self.flow_nodes = 0
        self.imported: set[str] = set()  # our process ids present in this import (from our own exports)

    def warn(self, file: ImportFile, message: str) -> None:
        self.warnings.append(f"{file.name}: {message}")
