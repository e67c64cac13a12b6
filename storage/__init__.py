"""Persistence for the meldcode dossier: models, migrations, encryption and queries."""
