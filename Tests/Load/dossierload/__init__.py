"""Load and fault-injection scenarios for the Dossier HTTP server (see ../README.md)."""
