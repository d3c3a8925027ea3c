"""The Textual app: panes, keys and the launcher. Nothing here runs the pipeline itself."""
