"""The frozen executables' script: the same `main` as `python -m desktop_app`.

Without arguments it opens the window; with a subcommand it is the CLI; and
as `<exe> -m prefect.engine` it is a flow-run process of the runner.
"""

import sys

from desktop_app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
