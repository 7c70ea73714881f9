"""``python -m builder`` is the ``parallax`` command."""

import sys

from builder.cli import main

sys.exit(main())
