"""``python -m sourcewise``."""

import sys

from sourcewise.cli import main

sys.exit(main())
