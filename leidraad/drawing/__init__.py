"""From model to picture: Graphviz runs, layout geometry, SVG rendering, the overview and the handover maps."""
