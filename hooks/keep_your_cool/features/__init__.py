"""What the site adds to MkDocs' build, one concern per module, as plain functions the plugin calls."""
