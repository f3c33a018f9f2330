"""`python -m leidraad`."""

import sys

from .cli import main

sys.exit(main())
