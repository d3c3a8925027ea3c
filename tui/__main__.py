"""The entry point of `briefing` and of `python -m tui`.

Python's cyclic garbage collector is held off while the program starts. Start-up makes
only objects that live as long as the process (modules, classes, Textual's styles and
widgets), so collecting among them finds nothing, yet it cost 20-50 ms before the app's
first frame, a full collection among them included (measured with `gc.callbacks`; a
minimal Textual app pays 12 ms). `tui.runtime.started()` turns collection back on once
the work begins, with those objects set aside for good.

Textual's frame rate is set here too, before anything imports Textual, which reads it once
(`tui.runtime.paint_promptly`).
"""

import gc

# The exit status of a command ended by Ctrl+C, as shells give it (128 + SIGINT).
INTERRUPTED = 130


def main() -> None:
    try:
        gc.disable()
        from tui.runtime import paint_promptly

        paint_promptly()
        from tui.cli import main as cli_main

        cli_main()
    except KeyboardInterrupt:
        # Ctrl+C where no command has set its own (while Python imports, in `briefing
        # history`, `--print-config`): a traceback of Python's frames said nothing more.
        raise SystemExit(INTERRUPTED) from None


if __name__ == "__main__":
    main()
