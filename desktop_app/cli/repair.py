"""`flowdesk server repair`: the way back from a damaged or emptied database.

Never deletes anything: the damaged file is renamed `prefect.db.damaged-<stamp>`
beside the backups, so a person (or support) can still look at it.
"""

from __future__ import annotations

import argparse
import asyncio

from desktop_app.cli.output import error
from desktop_app.i18n import _


def _describe(problem, backups) -> None:
    if problem is None:
        print(_("The database passed its integrity check."))
    else:
        print(problem.message)
    if backups:
        print(_("Backups (newest first):"))
        for path in backups:
            print(f"  {path}  ({path.stat().st_size} B)")
    else:
        print(_("There is no backup yet."))
    if problem is not None:
        print(
            _(
                "Choose: 'flowdesk server repair --restore-latest' (restore the newest good "
                "backup) or 'flowdesk server repair --start-fresh' (move the database aside, "
                "start a new history)."
            )
        )


def repair(args: argparse.Namespace) -> int:
    from desktop_app.core.supervision import database
    from desktop_app.core.supervision.server import ServerError, ServerManager

    manager = ServerManager()
    status = manager.status(check_health=False)
    waiting = status.running and status.state is not None and status.state.phase == "failed"
    if status.running and not waiting:
        error(
            _("the server is running on this database; stop it first with 'flowdesk server stop'")
        )
        return 1
    problem = database.check_database()
    if not (args.restore_latest or args.start_fresh):
        _describe(problem, database.backups())
        return 0 if problem is None else 1
    try:
        if args.restore_latest:
            backup, moved = database.restore_latest()
            db = database.database_file()
            print(_("Restored {db} from {backup}.").format(db=db, backup=backup))
        else:
            moved = database.start_fresh()
            print(_("The next start creates a new, empty database."))
    except FileNotFoundError:
        error(
            _(
                "there is no usable backup; 'flowdesk server repair --start-fresh' moves the "
                "database aside and starts a new history"
            )
        )
        return 1
    except OSError as exc:
        error(_("could not repair the database: {error}").format(error=exc))
        return 1
    if moved is not None:
        print(_("The old file is kept as {path}.").format(path=moved))
    if not waiting:
        print(_("Start the server with 'flowdesk server start'."))
        return 0
    manager.restart()  # the supervisor waiting on the problem checks again and starts
    try:
        conn = asyncio.run(_wait_started(manager))
    except ServerError as exc:
        error(str(exc))
        return 1
    print(_("Server ready at {url}").format(url=conn.ui_url))
    return 0


async def _wait_started(manager):
    from desktop_app.core.supervision.server_state import read_state

    for _i in range(50):  # the supervisor takes the request within a tick
        state = read_state()
        if state is None or state.phase != "failed":
            break
        await asyncio.sleep(0.1)
    return await manager.wait_ready(timeout=120)
