"""PyInstaller runtime hook: give programs we launch the user's environment back.

On Linux the bootloader points LD_LIBRARY_PATH at the bundle (keeping the
user's value in LD_LIBRARY_PATH_ORIG). The running process no longer needs
it (the loader read it at start), but every program it starts would inherit
it: a browser opened by "Open in browser" (xdg-open), or the user's own
`python` run through `flowdesk exec`, would then load our bundled OpenSSL,
Qt or libstdc++ instead of the system's, and may crash. Our own child
processes are this same executable, whose bootloader sets it again.
"""

import os
import sys

if sys.platform.startswith("linux"):
    _original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if _original:
        os.environ["LD_LIBRARY_PATH"] = _original
    else:
        os.environ.pop("LD_LIBRARY_PATH", None)
