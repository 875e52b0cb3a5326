"""``python -m graphkit`` and the ``graphkit`` command: the CLI, or one line when the install is broken."""

import sys


def main() -> None:
    """Run the CLI; a dependency that fails to import is one line naming the fix, not a traceback."""
    try:
        from .cli import app
    except Exception as exc:  # ImportError, or a broken package raising anything at import time
        from .environment import REINSTALL

        first = (str(exc).strip().splitlines() or [""])[0][:200]
        print(f"Error: graphkit cannot start: {type(exc).__name__}: {first}; repair the install with "
              f"`{REINSTALL}`, then run `graphkit info`", file=sys.stderr)
        raise SystemExit(1) from None
    app(prog_name="graphkit")


if __name__ == "__main__":
    main()
