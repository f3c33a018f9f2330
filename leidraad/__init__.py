"""The core of the LTV Procesverkenner: model, loading, checks, graph queries, layout and export.

Never imports streamlit: the CLI, tests and any other tool use it without the app.
"""

from .check import check_folder, check_model
from .load import LoadResult, load_folder
from .model import Model
from .problems import Problem, Severity

__all__ = ["LoadResult", "Model", "Problem", "Severity", "check_folder", "check_model", "load_folder"]
