"""Bootstrap for `python3 -I lib/sandbox/python/interleave_cli.py FILE.py ...`.

`-I` ignores PYTHONPATH and the script's folder, so put this folder on sys.path explicitly."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from interleave.cli import main  # noqa: E402

sys.exit(main(sys.argv[1:]))
