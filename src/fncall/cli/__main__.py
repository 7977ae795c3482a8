"""``python -m fncall.cli``."""

import sys

from fncall.cli import main

sys.exit(main())
