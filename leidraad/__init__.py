"""The core of the LTV Procesverkenner: model, loading, checks, queries, drawing and exports.

The subpackages follow the data flow (see ARCHITECTURE.md); a package imports only from the ones
before it. The core never imports streamlit: the CLI, tests and any other tool use it without the app.
"""
