"""`python -m leidraad`."""

import sys

from leidraad.cli.main import main

sys.exit(main())
